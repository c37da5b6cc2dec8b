package identity

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

func TestTallyCountsEachNameOncePerReview(t *testing.T) {
	reviews := [][]string{
		{"Priya Raman", " priya raman", "Priya Raman", "@tom"},
		{"PRIYA RAMAN", "", "  "},
		{"@tom", "Tom"},
	}
	resolve := func(s string) (string, bool) {
		if personKey(s) == "tom" {
			return "tom-catalog", true
		}
		return "", false
	}
	tl := newTally(personKey, resolve)
	for _, names := range reviews {
		tl.next()
		for _, n := range names {
			tl.add(n)
		}
	}
	s := tl.seen()
	var got []string
	for _, k := range s.keys() {
		sn := s.names[k]
		var sp []string
		for _, w := range slices.Sorted(maps.Keys(sn.spellings)) {
			sp = append(sp, fmt.Sprintf("%s×%d", w, sn.spellings[w]))
		}
		got = append(got, fmt.Sprintf("%s: %d reviews, %s", k, sn.reviews, strings.Join(sp, " ")))
	}
	want := []string{
		"priya raman: 2 reviews, PRIYA RAMAN×1 Priya Raman×2 priya raman×1",
		"tom: 2 reviews, @tom×2 Tom×1",
	}
	if !slices.Equal(got, want) {
		t.Errorf("seen() = %q; want %q", got, want)
	}
	if got, want := fmt.Sprint(tl.reviews()), "map[tom-catalog:2]"; got != want {
		t.Errorf("reviews() = %s; want %s", got, want)
	}
}
