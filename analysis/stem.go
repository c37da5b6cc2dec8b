package analysis

import "strings"

// stem cuts an English word down to a stem shared by its inflections and the commonest
// derivations, so that "pools exhausted" and "pool exhaustion" meet: plurals ("retries" →
// "retri"), -ed and -ing ("stopped" → "stop"), -ation, -ion, -ate, -ize, -ment, -ness and -ly,
// a final e, and a final y after a consonant. It is a small, deterministic cousin of the Porter
// stemmer: stems are for comparison, not for display. Words of three letters or fewer and words
// with digits are returned as they are.
func stem(w string) string {
	if len(w) <= 3 || !isLowerAlpha(w) {
		return w
	}
	// Plurals.
	switch {
	case strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
	case strings.HasSuffix(w, "s"):
		w = w[:len(w)-1]
	}
	// Past tense and participles.
	for _, suf := range []string{"ing", "ed"} {
		rest, ok := strings.CutSuffix(w, suf)
		if !ok || len(rest) < 3 || !hasVowel(rest) || strings.HasSuffix(w, "eed") {
			continue
		}
		w = rest
		switch {
		case endsInDouble(w):
			w = w[:len(w)-1]
		case strings.HasSuffix(w, "at"), strings.HasSuffix(w, "bl"), strings.HasSuffix(w, "iz"):
			w += "e"
		}
		break
	}
	// Derivations, longest first; each must leave enough of the word behind.
	for _, d := range derivations {
		if rest, ok := strings.CutSuffix(w, d.suffix); ok && len(rest) >= d.keep && (d.after == "" || strings.ContainsAny(rest[len(rest)-1:], d.after)) {
			w = rest
			break
		}
	}
	if rest, ok := strings.CutSuffix(w, "e"); ok && len(rest) >= 3 {
		w = rest
	}
	if rest, ok := strings.CutSuffix(w, "y"); ok && len(rest) >= 3 && !strings.ContainsAny(rest[len(rest)-1:], "aeiou") {
		w = rest + "i"
	}
	return w
}

// derivations are the derivational suffixes stem removes: keep is the least number of letters
// that must be left, after the letters the remainder must end in, when set.
var derivations = []struct {
	suffix string
	keep   int
	after  string
}{
	{"ization", 3, ""},
	{"ation", 3, ""},
	{"ator", 3, ""},
	{"ment", 4, ""},
	{"ness", 3, ""},
	{"ate", 3, ""},
	{"ize", 3, ""},
	{"ion", 3, "st"},
	{"ly", 4, ""},
}

func isLowerAlpha(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

func hasVowel(w string) bool { return strings.ContainsAny(w, "aeiouy") }

// endsInDouble reports whether w ends in a doubled consonant other than l, s or z ("stopp").
func endsInDouble(w string) bool {
	n := len(w)
	return n >= 2 && w[n-1] == w[n-2] && !strings.ContainsRune("aeioulsz", rune(w[n-1]))
}
