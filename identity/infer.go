package identity

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/metamortem/metamortem"
)

// minTermLength is the length below which a catalog name is looked for in text only where the
// text writes it in capitals ("DNS"), so short names do not match ordinary words.
const minTermLength = 4

// InferComponents returns the catalog components a review that names none mentions in its
// title, summary section, contributing factors and timeline, as canonical names in the order
// they are first mentioned. A component is mentioned when its name, title or an alias appears
// as whole words, in any case (in capitals for names shorter than four characters), with the
// longest name winning where names overlap. Only catalog components are looked for: not names
// known only from ownership entries, which are often path segments ("ui", "agent"), and not
// entries other components name as their system. It returns nil for a review that names
// components: those are taken as given.
func (res *Resolver) InferComponents(r metamortem.Review) []string {
	if len(r.Components) > 0 {
		return nil
	}
	texts := []string{r.Title, r.Sections["summary"]}
	for _, f := range r.Factors {
		texts = append(texts, f.Text)
	}
	for _, e := range r.Timeline {
		texts = append(texts, e.Text)
	}
	var out []string
	for _, t := range texts {
		for _, c := range res.terms.find(t) {
			if !slices.Contains(out, c) {
				out = append(out, c)
			}
		}
	}
	return out
}

// token is one word of a text, in lower case, with its byte offsets in the text.
type token struct {
	word       string
	start, end int
}

// tokenize splits s into words: runs of letters and digits, joined by single inner hyphens or
// underscores, so "payments-api" is one word and "payments" is not found inside it.
func tokenize(s string) []token {
	var out []token
	start := -1
	wordRune := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	rs := []rune(s)
	offset := 0
	for i, r := range rs {
		size := len(string(r))
		joiner := (r == '-' || r == '_') && start >= 0 && i+1 < len(rs) && wordRune(rs[i+1])
		switch {
		case wordRune(r) || joiner:
			if start < 0 {
				start = offset
			}
		case start >= 0:
			out = append(out, token{strings.ToLower(s[start:offset]), start, offset})
			start = -1
		}
		offset += size
	}
	if start >= 0 {
		out = append(out, token{strings.ToLower(s[start:]), start, len(s)})
	}
	return out
}

// term is a catalog name as words, with the component it names.
type term struct {
	words     []string
	canonical string
	short     bool
}

// termIndex finds catalog component names in text.
type termIndex struct {
	byFirst map[string][]term
}

// newTermIndex indexes every name the components index lists for the canonical names in
// allow. A name two components list is left out.
func newTermIndex(ix *index, allow map[string]bool) *termIndex {
	names := map[string]term{}
	ambiguous := map[string]bool{}
	for _, c := range ix.order {
		if !allow[c] {
			continue
		}
		for _, f := range ix.forms[c] {
			toks := tokenize(f)
			if len(toks) == 0 {
				continue
			}
			t := term{canonical: c, short: len([]rune(foldKey(f))) < minTermLength}
			for _, tok := range toks {
				t.words = append(t.words, tok.word)
			}
			k := strings.Join(t.words, " ")
			if prev, ok := names[k]; ok && prev.canonical != c {
				ambiguous[k] = true
			}
			names[k] = t
		}
	}
	ti := &termIndex{byFirst: map[string][]term{}}
	for k, t := range names {
		if !ambiguous[k] {
			ti.byFirst[t.words[0]] = append(ti.byFirst[t.words[0]], t)
		}
	}
	for _, ts := range ti.byFirst {
		slices.SortFunc(ts, func(a, b term) int {
			return cmp.Or(cmp.Compare(len(b.words), len(a.words)),
				strings.Compare(strings.Join(a.words, " "), strings.Join(b.words, " ")))
		})
	}
	return ti
}

// find returns the canonical names of the components text mentions, in order, with
// repetitions.
func (ti *termIndex) find(text string) []string {
	toks := tokenize(text)
	var out []string
	for i := 0; i < len(toks); {
		n := 0
		for _, t := range ti.byFirst[toks[i].word] {
			if t.matches(text, toks[i:]) {
				out = append(out, t.canonical)
				n = len(t.words)
				break
			}
		}
		i += max(n, 1)
	}
	return out
}

// matches reports whether t is written at the start of toks, its words separated only by
// spaces, and in capitals if t is short.
func (t term) matches(text string, toks []token) bool {
	if len(toks) < len(t.words) {
		return false
	}
	for j, w := range t.words {
		if toks[j].word != w {
			return false
		}
		if j > 0 && strings.TrimSpace(text[toks[j-1].end:toks[j].start]) != "" {
			return false
		}
	}
	written := text[toks[0].start:toks[len(t.words)-1].end]
	return !t.short || strings.ToUpper(written) == written && strings.ToLower(written) != written
}
