package analysis

import (
	"slices"
	"strings"
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
	entries map[string]TaxonomyEntry // by tag
	// terms are each theme's characteristic terms, by theme ID: for a taxonomy theme, the
	// content words of its label that no other entry's label uses, so that "gap" or "change"
	// does not tie an action to every theme that has it; for a clustered theme, the top terms
	// its label lists.
	terms map[string][]string
}

// actionText is a text split into words, with its stem sequences for tag classes (numbers
// masked) and for theme classes (names masked too).
type actionText struct {
	raw      []word
	tagSeq   []string
	themeSeq []string
}

func newAddresser(resolved *Resolved, opts FinaliseOptions) addresser {
	names := resolved.names()
	tax := opts.Taxonomy
	if tax == nil {
		tax = DefaultTaxonomy()
	}
	a := addresser{
		masker:  NewMasker(names.Components, names.Teams, names.People),
		entries: map[string]TaxonomyEntry{},
		terms:   map[string][]string{},
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

// classWording is one way a text can state a class by its own words.
type classWording struct {
	how Address
	// stems are a phrase to find among the text's stems: with numbers masked (tagSeq) when tag
	// is true, with names masked too (themeSeq) otherwise. alias, when not nil, are instead the
	// words to find among the text's raw words.
	stems []string
	tag   bool
	alias []string
}

// in reports whether the text states it.
func (s classWording) in(st *actionText) bool {
	switch {
	case s.alias != nil:
		for i := range st.raw {
			if wordsAt(st.raw, i, s.alias) {
				return true
			}
		}
		return false
	case s.tag:
		return containsPhrase(st.tagSeq, s.stems)
	}
	return containsPhrase(st.themeSeq, s.stems)
}

// wordings returns the ways a text states the class by its own words, in the order they are
// tried: for a tag, its words; for a theme, the phrases of its taxonomy entry, then its
// aliases, then its characteristic terms. Classes of one theme, or of one tag label, share
// them (see wordsKey).
func (a addresser) wordings(c Class) []classWording {
	if c.Kind == ClassTag {
		return []classWording{{how: Address{AddressTag, c.Label}, stems: phraseStems(c.Label), tag: true}}
	}
	var out []classWording
	if e, ok := a.entries[c.Theme]; ok {
		for _, p := range e.Phrases {
			out = append(out, classWording{how: Address{AddressTheme, p}, stems: phraseStems(p)})
		}
		for _, al := range e.Aliases {
			if ws := aliasWords(al); len(ws) > 0 {
				out = append(out, classWording{how: Address{AddressTheme, al}, alias: ws})
			}
		}
	}
	for _, term := range a.terms[c.Theme] {
		out = append(out, classWording{how: Address{AddressTerm, term}, stems: phraseStems(term)})
	}
	return out
}

// wordsKey returns what the wordings of a class depend on: its tag label, or its theme.
func wordsKey(c Class) string {
	if c.Kind == ClassTag {
		return "tag\x00" + c.Label
	}
	return "theme\x00" + c.Theme
}

// actionText returns the words and stems of text; the stems for tags only when tags is true.
// The masked words are made in room, and both stem sequences share one list.
func (a addresser) actionText(text string, tags bool, room *textRoom) *actionText {
	st := &actionText{raw: splitWords(text)}
	n := len(st.raw)
	if tags {
		n *= 2
	}
	seqs := make([]string, 0, n)
	if tags {
		room.masked = appendMaskNumbers(room.masked[:0], st.raw)
		seqs = appendStemSeq(seqs, room.masked, &room.stems)
		st.tagSeq = seqs[:len(seqs):len(seqs)]
	}
	room.named = a.masker.names.appendReplaced(room.named[:0], st.raw)
	room.masked = appendMaskNumbers(room.masked[:0], room.named)
	k := len(seqs)
	seqs = appendStemSeq(seqs, room.masked, &room.stems)
	st.themeSeq = seqs[k:len(seqs):len(seqs)]
	return st
}

// textRoom is one goroutine's room for the words of a text as it is masked, and its stems.
type textRoom struct {
	named, masked []word
	stems         stemmer
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
