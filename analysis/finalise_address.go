package analysis

import (
	"slices"
	"strings"

	"github.com/metamortem/metamortem"
)

// An action addresses a class when it is an action of one of the class's incidents and its
// text is about the class, not merely about something else that went wrong in the same
// incident. The text states the class by its own words when:
//
//   - for a theme, or a theme on one component: it states the theme's taxonomy entry (one of
//     its phrases on stemmed words, or one of its aliases, as Themes matches factors), or it
//     uses one of the theme's characteristic terms once names and numbers are masked: a
//     content word of the entry's label that no other entry's label uses ("pool" and
//     "connection", but not "exhaustion", which memory and IP exhaustion share), or, for a
//     clustered theme, one of the top terms its label lists;
//   - for a tag: it uses the tag's words, stemmed ("connection pool" for "connection-pool").
//
// Failing that, the text addresses the class when it names one of the class's components (by
// catalog name, title or alias, resolved as toucher does) and its review's title states the
// class by its own words: in an incident that was about the class, "payments-api: roll back on
// every return path" is a fix for it; in one that was about something else, it is a fix for
// that.

// Address is why an action addresses a class, for a person to check.
type Address struct {
	// By is how: AddressTheme, AddressTerm, AddressTag or AddressComponent.
	By string
	// What is the phrase, alias, term, tag or component the text uses.
	What string
}

// The ways an action can address a class.
const (
	// AddressTheme: the text states the theme's taxonomy entry; What is the phrase or alias.
	AddressTheme = "theme"
	// AddressTerm: the text uses one of the theme's characteristic terms; What is the term.
	AddressTerm = "term"
	// AddressTag: the text uses the tag's words; What is the tag.
	AddressTag = "tag"
	// AddressComponent: the text names one of the class's components; What is the component.
	AddressComponent = "component"
)

// String returns the address as "component payments-api" or `theme "pool exhausted"`.
func (a Address) String() string {
	if a.By == AddressComponent {
		return a.By + " " + a.What
	}
	return a.By + ` "` + a.What + `"`
}

// addresser decides which actions address which classes.
type addresser struct {
	masker  *Masker
	touch   toucher
	entries map[string]TaxonomyEntry // by tag
	// terms are each theme's characteristic terms, by theme ID: for a taxonomy theme, the
	// content words of its label that no other entry's label uses, so that "gap" or "change"
	// does not tie an action to every theme that has it; for a clustered theme, the top terms
	// its label lists.
	terms map[string][]string
	// phrases and texts memoise the stems of taxonomy phrases and terms, and the words and
	// stems of action texts and titles: the same ones are checked against many classes.
	phrases map[string][]string
	texts   map[string]*actionText
}

// actionText is a text split into words, with its stem sequences for tag classes (numbers
// masked) and for theme classes (names masked too).
type actionText struct {
	raw      []word
	tagSeq   []string
	themeSeq []string
}

func newAddresser(reviews []metamortem.Review, opts FinaliseOptions, touch toucher) addresser {
	var names ThemeOptions
	names.AddNames(opts.Catalog, reviews)
	tax := opts.Taxonomy
	if tax == nil {
		tax = DefaultTaxonomy()
	}
	a := addresser{
		masker:  NewMasker(names.Components, names.Teams, names.People),
		touch:   touch,
		entries: map[string]TaxonomyEntry{},
		terms:   map[string][]string{},
		phrases: map[string][]string{},
		texts:   map[string]*actionText{},
	}
	// A taxonomy theme's terms are the content words of its label that no other entry's label
	// uses; a clustered theme's label is its top terms, comma-separated, each one or two words.
	uses := map[string]int{} // taxonomy labels using each stem
	for _, e := range tax.Entries {
		a.entries[e.Tag] = e
		for _, t := range labelTerms(e.Label) {
			uses[stem(t)]++
		}
	}
	for _, e := range tax.Entries {
		for _, t := range labelTerms(e.Label) {
			if uses[stem(t)] == 1 {
				a.terms[e.Tag] = append(a.terms[e.Tag], t)
			}
		}
	}
	for _, th := range opts.Themes.Themes {
		if _, ok := a.entries[th.ID]; ok {
			continue
		}
		for _, t := range strings.Split(th.Label, ",") {
			if t = strings.TrimSpace(t); len(phraseStems(t)) > 0 {
				a.terms[th.ID] = append(a.terms[th.ID], t)
			}
		}
	}
	return a
}

// address returns why the action's text addresses the class, and whether it does. title is
// the title of the action's review: naming a component is enough only when it states the class.
func (a addresser) address(c Class, title, text string) (Address, bool) {
	if how, ok := a.states(c, text); ok {
		return how, true
	}
	if _, ok := a.states(c, title); !ok {
		return Address{}, false
	}
	for _, comp := range a.touch.named(text) {
		if slices.Contains(c.Components, comp) {
			return Address{AddressComponent, comp}, true
		}
	}
	return Address{}, false
}

// states returns how the text states the class by its own words, and whether it does.
func (a addresser) states(c Class, text string) (Address, bool) {
	st := a.actionText(text)
	switch c.Kind {
	case ClassTag:
		if containsPhrase(st.tagSeq, a.stems(c.Label)) {
			return Address{AddressTag, c.Label}, true
		}
	default:
		if e, ok := a.entries[c.Theme]; ok {
			if what, ok := a.statesEntry(e, st); ok {
				return Address{AddressTheme, what}, true
			}
		}
		for _, term := range a.terms[c.Theme] {
			if containsPhrase(st.themeSeq, a.stems(term)) {
				return Address{AddressTerm, term}, true
			}
		}
	}
	return Address{}, false
}

// actionText returns the words and stems of text, computed once.
func (a addresser) actionText(text string) *actionText {
	if st, ok := a.texts[text]; ok {
		return st
	}
	raw := splitWords(text)
	st := &actionText{
		raw:      raw,
		tagSeq:   stemSeq(maskNumbers(raw), nil),
		themeSeq: stemSeq(maskNumbers(a.masker.names.replace(raw)), nil),
	}
	a.texts[text] = st
	return st
}

// stems returns the stems of a taxonomy phrase, term or tag label, computed once.
func (a addresser) stems(phrase string) []string {
	if s, ok := a.phrases[phrase]; ok {
		return s
	}
	s := phraseStems(phrase)
	a.phrases[phrase] = s
	return s
}

// statesEntry returns the first of the entry's phrases or aliases the statement states.
func (a addresser) statesEntry(e TaxonomyEntry, st *actionText) (string, bool) {
	for _, p := range e.Phrases {
		if containsPhrase(st.themeSeq, a.stems(p)) {
			return p, true
		}
	}
	for _, al := range e.Aliases {
		ws := aliasWords(al)
		for i := range st.raw {
			if len(ws) > 0 && wordsAt(st.raw, i, ws) {
				return al, true
			}
		}
	}
	return "", false
}

// containsPhrase reports whether the phrase's stems appear in seq in order, within one clause,
// with at most maxPhraseGap other stems among them.
func containsPhrase(seq, phrase []string) bool {
	if len(phrase) == 0 {
		return false
	}
	for i, s := range seq {
		if s == phrase[0] && containsAt(seq, i, phrase, maxPhraseGap) {
			return true
		}
	}
	return false
}

// labelTerms returns the content words of a theme label, lower case, in order: the words
// stemSeq keeps, one for each stem.
func labelTerms(label string) []string {
	var out, stems []string
	for _, w := range splitWords(label) {
		if w.isBreak() || w.mask != "" || len(w.text) < 2 || stopwords[w.text] || slices.Contains(stems, stem(w.text)) {
			continue
		}
		out, stems = append(out, w.text), append(stems, stem(w.text))
	}
	return out
}
