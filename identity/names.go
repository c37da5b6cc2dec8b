package identity

import (
	"strings"
	"unicode"
)

// personKey normalises a person's name for exact matching: surrounding spaces and punctuation
// (a handle's "@", brackets, trailing commas) removed, runs of spaces made one, lower case.
// Inner punctuation stays, so "p.jones" and "P Jones" remain different names.
func personKey(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// foldKey normalises a component or team name for exact matching: letters and digits only, in
// lower case, so "Payments API", "payments-api" and "payments_api" are all "paymentsapi".
func foldKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// emailLocal returns the part of an e-mail address before the "@", or "" when s is not an
// address (a handle's leading "@" does not make one).
func emailLocal(s string) string {
	s = strings.TrimSpace(s)
	at := strings.LastIndexByte(s, '@')
	if at <= 0 || at == len(s)-1 || strings.ContainsAny(s, " \t") {
		return ""
	}
	return s[:at]
}

// fullName splits a name written as "First [middle…] Last" into lower-case words, or returns
// nil when it is not one: fewer than two words, a word that is not letters (with inner
// apostrophes or hyphens), or a first word shorter than two letters ("P. Jones").
func fullName(s string) []string {
	words := strings.Fields(s)
	if len(words) < 2 || len([]rune(words[0])) < 2 {
		return nil
	}
	out := make([]string, len(words))
	for i, w := range words {
		if !nameWord(w) {
			return nil
		}
		out[i] = strings.ToLower(w)
	}
	return out
}

// nameWord reports whether w is letters, with apostrophes or hyphens only between them.
func nameWord(w string) bool {
	rs := []rune(w)
	for i, r := range rs {
		inner := i > 0 && i < len(rs)-1
		if !unicode.IsLetter(r) && !(inner && (r == '\'' || r == '-' || r == '’')) {
			return false
		}
	}
	return len(rs) > 0
}

// initialsOf returns the initials a full name can be written with: the first letter of every
// word ("Hannah de Vries" → "hdv") and, when some words start in lower case, of the
// capitalised words only ("hv"). original is the name as written; words its fullName.
func initialsOf(original string, words []string) []string {
	var all, capital strings.Builder
	for i, w := range strings.Fields(original) {
		first := []rune(w)[0]
		all.WriteRune([]rune(words[i])[0])
		if unicode.IsUpper(first) {
			capital.WriteRune(unicode.ToLower(first))
		}
	}
	out := []string{all.String()}
	if c := capital.String(); len(c) >= 2 && c != out[0] {
		out = append(out, c)
	}
	return out
}

// handlesOf returns the folded user names a full name is commonly given: first name and last
// name run together, or the first initial and the last name, where the last name is the last
// word or every word after the first ("Hannah de Vries" → "hvries", "hdevries", …).
func handlesOf(words []string) []string {
	first := foldKey(words[0])
	lasts := []string{foldKey(words[len(words)-1])}
	if len(words) > 2 {
		lasts = append(lasts, foldKey(strings.Join(words[1:], "")))
	}
	var out []string
	for _, last := range lasts {
		out = append(out, first+last, string([]rune(first)[0])+last)
	}
	return out
}

// isInitials reports whether s is written as two to four capital letters, like "PJ".
func isInitials(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 4
}

// initialAndLast splits a name written "P. Jones" or "P Jones" into the lower-case initial and
// last name, or returns ok false.
func initialAndLast(s string) (initial rune, last string, ok bool) {
	words := strings.Fields(s)
	if len(words) != 2 {
		return 0, "", false
	}
	first := []rune(strings.TrimSuffix(words[0], "."))
	if len(first) != 1 || !unicode.IsLetter(first[0]) || !nameWord(words[1]) || len([]rune(words[1])) < 2 {
		return 0, "", false
	}
	return unicode.ToLower(first[0]), strings.ToLower(words[1]), true
}
