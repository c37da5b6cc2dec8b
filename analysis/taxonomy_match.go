package analysis

import "strings"

// maxPhraseGap is how many other stems may stand among a phrase's stems in a statement.
const maxPhraseGap = 2

// phraseMatcher finds taxonomy phrases (as stem sequences) and aliases (as literal word
// sequences) in statements, indexed by their first stem or word.
type phraseMatcher struct {
	phrases map[string][]phraseRef
	aliases map[string][]phraseRef
	tags    []string
	depths  []int
}

// phraseRef is one phrase or alias of the entry at index entry.
type phraseRef struct {
	entry int
	words []string
}

func newPhraseMatcher(entries []TaxonomyEntry) *phraseMatcher {
	m := &phraseMatcher{phrases: map[string][]phraseRef{}, aliases: map[string][]phraseRef{}}
	for i, e := range entries {
		m.tags = append(m.tags, e.Tag)
		m.depths = append(m.depths, e.Depth())
		for _, p := range e.Phrases {
			if ws := phraseStems(p); len(ws) > 0 {
				m.phrases[ws[0]] = append(m.phrases[ws[0]], phraseRef{i, ws})
			}
		}
		for _, a := range e.Aliases {
			if ws := aliasWords(a); len(ws) > 0 {
				m.aliases[ws[0]] = append(m.aliases[ws[0]], phraseRef{i, ws})
			}
		}
	}
	return m
}

// phraseStems returns the stems of a phrase, read as a statement is, without clause breaks.
func phraseStems(p string) []string {
	var out []string
	for _, s := range stemSeq(maskNumbers(splitWords(p)), nil) {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// aliasWords returns the lower-case words of an alias.
func aliasWords(a string) []string {
	var out []string
	for _, w := range appendWords(nil, a) {
		out = append(out, w.text)
	}
	return out
}

// match returns the index of the most specific entry that the statement states, or -1. raw are
// the statement's words before names and numbers were masked (for aliases), seq its stems (for
// phrases); seq is computed from raw when nil.
func (m *phraseMatcher) match(raw []word, seq []string) int {
	if m == nil {
		return -1
	}
	if seq == nil {
		seq = stemSeq(maskNumbers(raw), nil)
	}
	best, bestLen := -1, 0
	consider := func(entry, length int) {
		if best < 0 || length > bestLen ||
			length == bestLen && (m.depths[entry] > m.depths[best] ||
				m.depths[entry] == m.depths[best] && strings.Compare(m.tags[entry], m.tags[best]) < 0) {
			best, bestLen = entry, length
		}
	}
	for i, s := range seq {
		for _, p := range m.phrases[s] {
			if containsAt(seq, i, p.words, maxPhraseGap) {
				consider(p.entry, len(p.words))
			}
		}
	}
	for i, w := range raw {
		if w.mask != "" || w.isBreak() {
			continue
		}
		for _, a := range m.aliases[w.text] {
			if wordsAt(raw, i, a.words) {
				consider(a.entry, len(a.words))
			}
		}
	}
	return best
}

// containsAt reports whether phrase[1:] follows seq[start] (which equals phrase[0]) in order,
// within one clause, with at most gap other stems among them.
func containsAt(seq []string, start int, phrase []string, gap int) bool {
	k := 1
	limit := start + len(phrase) + gap
	for j := start + 1; j < len(seq) && j < limit && k < len(phrase); j++ {
		if seq[j] == "" {
			return false
		}
		if seq[j] == phrase[k] {
			k++
		}
	}
	return k == len(phrase)
}

// wordsAt reports whether the words starting at raw[start] are exactly ws.
func wordsAt(raw []word, start int, ws []string) bool {
	if start+len(ws) > len(raw) {
		return false
	}
	for k, w := range ws {
		if raw[start+k].mask != "" || raw[start+k].text != w {
			return false
		}
	}
	return true
}
