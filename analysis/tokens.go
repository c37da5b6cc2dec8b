package analysis

import "strings"

// After masking, a statement becomes a sequence of stems: stopwords and placeholders are
// dropped, negated auxiliaries ("wasn't", "didn't") become "not", and each remaining word is cut
// down by stem. Clause breaks stay, as "", so that neither bigrams nor phrases span them.

// stopwords are English function words and the boilerplate of incident write-ups, which say
// nothing about which cause a statement names. Negations and words of quantity ("no", "not",
// "too", "many", "lack", "missing") are kept: they are often the point.
var stopwords = setOf(`a about above after again against all along already also although am
among an and another any are around as at be because been before being below between both but by
can cause caused causes causing contributing could did do does doing done due during each either
else etc even ever every factor factors few for from further had has have having he her here
hers him his how however i ie eg if in incident incidents into is issue issues it its itself
just let like made make makes me might more most much must my near nor now of on once one onto
only or other others our ours over own per perhaps primary problem problems quite rather really
result resulted resulting results root same she should so some somehow something such than that
the their theirs them then there therefore these they this those though through thus to toward
towards trigger ultimately under underlying until up upon us very via was we were what whatever
when whenever where whereas
whether which while who whom whose why will with within would yet you your yours`)

// negations are contracted negative auxiliaries, read as "not".
var negations = setOf(`aint arent cant couldnt didnt doesnt dont hadnt hasnt havent isnt
mustnt neednt shouldnt wasnt werent wont wouldnt cannot`)

func setOf(words string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}

// stemSeq returns the stems of ws in order, with "" for each clause break, dropping
// placeholders, stopwords and one-letter words. When words is not nil, it counts the words the
// stems came from (negations counted as "not").
func stemSeq(ws []word, words map[string]int) []string {
	if words == nil {
		return appendStemSeq(make([]string, 0, len(ws)), ws, nil)
	}
	var m stemmer
	out := appendStemSeq(make([]string, 0, len(ws)), ws, &m)
	m.addCounts(words)
	return out
}

// appendStemSeq appends the stems of ws, as stemSeq returns them, to out. When m is not nil, it
// remembers each word's stem and counts the words the stems came from.
func appendStemSeq(out []string, ws []word, m *stemmer) []string {
	start := len(out)
	for _, w := range ws {
		if w.isBreak() {
			if len(out) > start && out[len(out)-1] != "" {
				out = append(out, "")
			}
			continue
		}
		if w.mask != "" {
			continue
		}
		if m == nil {
			if st, ok := stemWord(w.text); ok {
				out = append(out, st.stem)
			}
		} else if st := m.stem(w.text); st.keep {
			out = append(out, st.stem)
		}
	}
	if len(out) > start && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// wordStem is what stemSeq makes of one word: whether it keeps it, the word it counts (the word,
// or "not" for a negation) and its stem.
type wordStem struct {
	keep          bool
	counted, stem string
	count         int
}

// stemWord returns what stemSeq makes of the word w, and whether it keeps it: one-letter words
// and stopwords are dropped.
func stemWord(w string) (wordStem, bool) {
	if len(w) < 2 || stopwords[w] {
		return wordStem{}, false
	}
	if negations[w] {
		w = "not"
	}
	return wordStem{keep: true, counted: w, stem: stem(w)}, true
}

// stemmer remembers, for one goroutine, what stemWord makes of each word it has seen, and
// counts the kept ones: a statement's words are mostly words seen before.
type stemmer struct {
	index map[string]int32 // into words
	words []wordStem
}

// stem returns what stemWord makes of w, counting it when kept.
func (m *stemmer) stem(w string) *wordStem {
	i, ok := m.index[w]
	if !ok {
		if m.index == nil {
			m.index = map[string]int32{}
		}
		st, _ := stemWord(w)
		i = int32(len(m.words))
		m.words = append(m.words, st)
		m.index[w] = i
	}
	st := &m.words[i]
	if st.keep {
		st.count++
	}
	return st
}

// addCounts adds the words counted to counts.
func (m *stemmer) addCounts(counts map[string]int) {
	for _, st := range m.words {
		if st.count > 0 {
			counts[st.counted] += st.count
		}
	}
}

// terms returns the unigrams and bigrams of a stem sequence, a bigram being two stems next to
// each other in one clause, written with a space between them. Repeats are kept, so that the
// caller can count them.
func terms(seq []string) []string {
	out := make([]string, 0, 2*len(seq))
	for i, s := range seq {
		if s == "" {
			continue
		}
		out = append(out, s)
		if i+1 < len(seq) && seq[i+1] != "" {
			out = append(out, s+" "+seq[i+1])
		}
	}
	return out
}
