package identity

import "strings"

// tally counts the names reviews use, in one pass over the reviews, working out what each
// distinct string normalises and resolves to only once: reviews repeat a few hundred names
// many thousands of times. A name counts once per review however often the review uses it.
type tally struct {
	key     func(string) string
	resolve func(string) (string, bool)
	// texts maps each string as written to its index in spellings.
	texts     map[string]int
	spellings []tallied
	// keys and canonicals number the normalised keys and canonical names; keyReviews and
	// canonicalReviews count the reviews using each, and the marks hold the last review that
	// counted one, so that a review using a name twice counts once.
	keys, canonicals             map[string]int
	keyNames, canonicalNames     []string
	keyReviews, canonicalReviews []int
	keyMark, canonicalMark       []int
	review                       int
	spellingCounts               []int
}

// tallied is what one string as written stands for: its trimmed spelling and the numbers of
// its key and canonical name, -1 when it has none.
type tallied struct {
	spelling       string
	key, canonical int
}

func newTally(key func(string) string, resolve func(string) (string, bool)) *tally {
	return &tally{key: key, resolve: resolve, texts: map[string]int{}, keys: map[string]int{}, canonicals: map[string]int{}}
}

// next starts counting the names of another review.
func (t *tally) next() { t.review++ }

// add counts one name of the current review.
func (t *tally) add(text string) {
	i, ok := t.texts[text]
	if !ok {
		i = t.learn(text)
	}
	s := t.spellings[i]
	if s.key >= 0 {
		t.spellingCounts[i]++
		if t.keyMark[s.key] != t.review {
			t.keyMark[s.key] = t.review
			t.keyReviews[s.key]++
		}
	}
	if s.canonical >= 0 && t.canonicalMark[s.canonical] != t.review {
		t.canonicalMark[s.canonical] = t.review
		t.canonicalReviews[s.canonical]++
	}
}

// learn works out what text stands for and returns its index in spellings.
func (t *tally) learn(text string) int {
	s := tallied{spelling: strings.TrimSpace(text), key: -1, canonical: -1}
	if k := t.key(s.spelling); k != "" {
		s.key = number(t.keys, &t.keyNames, k)
		for len(t.keyReviews) < len(t.keyNames) {
			t.keyReviews, t.keyMark = append(t.keyReviews, 0), append(t.keyMark, 0)
		}
	}
	if c, ok := t.resolve(text); ok {
		s.canonical = number(t.canonicals, &t.canonicalNames, c)
		for len(t.canonicalReviews) < len(t.canonicalNames) {
			t.canonicalReviews, t.canonicalMark = append(t.canonicalReviews, 0), append(t.canonicalMark, 0)
		}
	}
	t.texts[text] = len(t.spellings)
	t.spellings = append(t.spellings, s)
	t.spellingCounts = append(t.spellingCounts, 0)
	return len(t.spellings) - 1
}

// number returns the number of name in numbers, giving it the next one if it has none.
func number(numbers map[string]int, names *[]string, name string) int {
	if n, ok := numbers[name]; ok {
		return n
	}
	numbers[name] = len(*names)
	*names = append(*names, name)
	return len(*names) - 1
}

// seen returns the names counted, by key, with every spelling trimmed and counted.
func (t *tally) seen() *seen {
	s := newSeen(t.key)
	for i, sp := range t.spellings {
		if sp.key < 0 || t.spellingCounts[i] == 0 {
			continue
		}
		k := t.keyNames[sp.key]
		sn := s.names[k]
		if sn == nil {
			sn = &seenName{spellings: map[string]int{}, reviews: t.keyReviews[sp.key]}
			s.names[k] = sn
		}
		sn.spellings[sp.spelling] += t.spellingCounts[i]
	}
	return s
}

// reviews returns the number of reviews using a name that resolves to each canonical name.
func (t *tally) reviews() map[string]int {
	out := make(map[string]int, len(t.canonicalNames))
	for i, c := range t.canonicalNames {
		out[c] = t.canonicalReviews[i]
	}
	return out
}
