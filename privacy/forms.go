package privacy

import (
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// formMatcher finds the known forms of people's names in text: each form of three letters or
// more (a handle's "@" not counted) that starts the text or follows a character other than a
// letter, digit, "_" or "@". Where several forms start at one place the longest is found.
// It is the regexp `(?:^|[^\pL\pN_@])(form|…)`, longest form first, run with FindAll, but in
// one pass that looks up forms only where a word may start.
type formMatcher struct {
	// byFirst lists the forms by their first byte, longest first (then in byte order).
	byFirst [256][]string
}

// newFormMatcher returns the matcher of the forms (the keys of forms), or nil when no form is
// long enough to be looked for.
func newFormMatcher(forms map[string]string) *formMatcher {
	m := &formMatcher{}
	found := false
	for f := range forms {
		if utf8.RuneCountInString(strings.TrimPrefix(f, "@")) >= 3 {
			m.byFirst[f[0]] = append(m.byFirst[f[0]], f)
			found = true
		}
	}
	if !found {
		return nil
	}
	for i := range m.byFirst {
		slices.SortFunc(m.byFirst[i], func(x, y string) int {
			if len(x) != len(y) {
				return len(y) - len(x)
			}
			return strings.Compare(x, y)
		})
	}
	return m
}

// at returns the length of the longest form s starts with, or 0.
func (m *formMatcher) at(s string) int {
	if s == "" {
		return 0
	}
	for _, f := range m.byFirst[s[0]] {
		if strings.HasPrefix(s, f) {
			return len(f)
		}
	}
	return 0
}

// all yields the start and end of each form found in s, left to right; the search for the next
// resumes where the last one found ends, as a regexp's FindAll does.
func (m *formMatcher) all(s string) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		p := 0
		if n := m.at(s); n > 0 {
			if !yield(0, n) {
				return
			}
			p = n
		}
		for p < len(s) {
			r, size := utf8.DecodeRuneInString(s[p:])
			if unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_' || r == '@' {
				p += size
				continue
			}
			if n := m.at(s[p+size:]); n > 0 {
				if !yield(p+size, p+size+n) {
					return
				}
				p += size + n
				continue
			}
			p += size
		}
	}
}
