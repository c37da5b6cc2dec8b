package privacy

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestFormMatcherFindsWholeFormsLongestFirst(t *testing.T) {
	forms := map[string]string{"Priya": "p", "Priya Raman": "p", "@praman": "p", "PR": "p", "Tomás": "t", "Ana": "a"}
	tests := []struct {
		text string
		want string // the forms found, "|" between
	}{
		{"Priya Raman paged Priya", "Priya Raman|Priya"},
		{"Priyanka paged", "Priya"},            // found; Text leaves it, as a longer word follows
		{"x@praman and (@praman)", "@praman"},  // "@" after a letter starts no form
		{"PR and Ana", "Ana"},                  // two letters are too short
		{"Tomás,Priya;Ana", "Tomás|Priya|Ana"}, // punctuation starts a form
		{"_Priya 3Priya ²Priya", ""},           // "_", digits and other numbers start none
		{"Ana\xffAna", "Ana|Ana"},              // an invalid byte starts one
		{"", ""},
	}
	m := newFormMatcher(forms)
	for _, tt := range tests {
		var got []string
		for start, end := range m.all(tt.text) {
			got = append(got, tt.text[start:end])
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("all(%q) = %q; want %q", tt.text, g, tt.want)
		}
	}
}

// TestFormMatcherAgreesWithItsRegexp checks the matcher against the regexp it stands for, on
// random texts built from forms, their prefixes and separators.
func TestFormMatcherAgreesWithItsRegexp(t *testing.T) {
	forms := map[string]string{"Priya": "", "Priya Raman": "", "Raman": "", "@praman": "", "Tomás Okafor": "", "Tomás": "", "Ann": "", "Anna": ""}
	var alts []string
	for f := range forms {
		alts = append(alts, regexp.QuoteMeta(f))
	}
	slices.SortFunc(alts, func(x, y string) int { return len(y) - len(x) })
	re := regexp.MustCompile(`(?:^|[^\pL\pN_@])(` + strings.Join(alts, "|") + `)`)
	pieces := []string{"Priya", " Raman", "Pri", "@praman", "Tomás", " Okafor", "Ann", "a", " ", ",", "_", "@", "é", "1", "\xff", "Anna"}
	m := newFormMatcher(forms)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		var want, got []string
		for _, loc := range re.FindAllStringSubmatchIndex(s, -1) {
			want = append(want, fmt.Sprint(loc[2], loc[3]))
		}
		for start, end := range m.all(s) {
			got = append(got, fmt.Sprint(start, end))
		}
		if !slices.Equal(got, want) {
			t.Fatalf("all(%q) = %v; want %v", s, got, want)
		}
	}
}
