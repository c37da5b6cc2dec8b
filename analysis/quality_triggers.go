package analysis

import (
	"math/bits"
	"unicode/utf8"
)

// triggerGroup is a set of the groups of trigger words CheckLanguage's rules need (see
// blameTriggers, counterfactualTriggers and failureTriggers), as bits.
type triggerGroup uint8

// The groups of trigger words.
const (
	triggerBlame triggerGroup = 1 << iota
	triggerCounterfactual
	triggerFailure
	triggerAll = triggerBlame | triggerCounterfactual | triggerFailure
)

// triggerIndex finds which groups' trigger words a line contains, in any ASCII case, in one
// pass over the line: at each byte, the words that start with it and the next byte are found
// by two table lookups, and only those are compared.
type triggerIndex struct {
	// words are the trigger words, in lower case, and groups the group of each.
	words  []string
	groups []triggerGroup
	// first and second have bit i set for the bytes words[i] starts with and has second, in
	// either case.
	first, second [256]uint64
}

// languageTriggers indexes the trigger words of CheckLanguage's rules.
var languageTriggers = newTriggerIndex(map[triggerGroup][]string{
	triggerBlame:          blameTriggers,
	triggerCounterfactual: counterfactualTriggers,
	triggerFailure:        failureTriggers,
})

// newTriggerIndex indexes the lower-case words of each group; at most 64 words, each of two
// bytes or more.
func newTriggerIndex(groups map[triggerGroup][]string) *triggerIndex {
	ix := &triggerIndex{}
	for _, g := range []triggerGroup{triggerBlame, triggerCounterfactual, triggerFailure} {
		for _, w := range groups[g] {
			if len(ix.words) == 64 || len(w) < 2 {
				panic("analysis: trigger words must be at most 64, of two bytes or more")
			}
			bit := uint64(1) << len(ix.words)
			ix.first[w[0]] |= bit
			ix.first[upperASCII(w[0])] |= bit
			ix.second[w[1]] |= bit
			ix.second[upperASCII(w[1])] |= bit
			ix.words = append(ix.words, w)
			ix.groups = append(ix.groups, g)
		}
	}
	return ix
}

// find returns the groups whose trigger words line contains in any ASCII case. A line that is
// not ASCII gets every group: case-insensitive regexps also match a few non-ASCII letters to
// ASCII ones (the Kelvin sign to "k"), so a trigger missing proves nothing there.
func (ix *triggerIndex) find(line string) triggerGroup {
	var found triggerGroup
	for i := 0; i < len(line); i++ {
		if line[i] >= utf8.RuneSelf {
			return triggerAll
		}
		if i+1 == len(line) {
			break
		}
		for cand := ix.first[line[i]] & ix.second[line[i+1]]; cand != 0; cand &= cand - 1 {
			w := bits.TrailingZeros64(cand)
			if found&ix.groups[w] == 0 && hasLowerPrefix(line[i:], ix.words[w]) {
				found |= ix.groups[w]
			}
		}
	}
	return found
}

// hasLowerPrefix reports whether s starts with the lower-case ASCII word in any ASCII case.
func hasLowerPrefix(s, word string) bool {
	if len(s) < len(word) {
		return false
	}
	for j := 0; j < len(word); j++ {
		c := s[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != word[j] {
			return false
		}
	}
	return true
}

// upperASCII returns an ASCII lower-case letter in upper case, and any other byte unchanged.
func upperASCII(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}
