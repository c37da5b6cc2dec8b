package analysis

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/metamortem/metamortem"
)

func review(id string, start *time.Time, components []string, factors ...string) metamortem.Review {
	r := metamortem.Review{ID: id, StartedAt: start, Components: components}
	for _, f := range factors {
		r.Factors = append(r.Factors, metamortem.Factor{Text: f})
	}
	return r
}

func TestThemes(t *testing.T) {
	reviews := []metamortem.Review{
		review("R3", day(3, 1), []string{"checkout"}, "Checkout ran out of database connections", "  "),
		review("R1", day(1, 5), []string{"payments-api"}, "Connection pool exhausted on payments-api after 45 minutes"),
		review("R2", day(2, 9), []string{"payments-api", "ledger"}, "payments-api: too many clients"),
		review("R4", day(4, 2), nil, "The frobnicator gizmo jammed the widget belt"),
		review("R5", nil, []string{"belt"}, "Frobnicator gizmo jammed the widget belt again at 14:00"),
		review("R6", day(6, 1), nil, "A lonely statement about quasars"),
		review("R7", day(7, 1), nil, "The frobnicator gizmo jammed once more", "Frobnicator gizmo jammed the widget belt"),
	}
	set := Themes(reviews, ThemeOptions{Components: []string{"payments-api", "checkout"}})
	if set.Statements != 8 || set.OutOfRange != 0 {
		t.Errorf("Statements, OutOfRange = %d, %d; want 8, 0", set.Statements, set.OutOfRange)
	}
	if len(set.Themes) != 2 {
		t.Fatalf("got %d themes %+v; want 2", len(set.Themes), set.Themes)
	}
	frob, pool := set.Themes[0], set.Themes[1]
	members := func(th Theme) []string {
		var out []string
		for _, m := range th.Members {
			out = append(out, m.ReviewID+"/"+string(rune('0'+m.Factor)))
		}
		return out
	}
	if want := []string{"R4/0", "R5/0", "R7/0", "R7/1"}; !slices.Equal(members(frob), want) {
		t.Errorf("first theme members = %q; want %q", members(frob), want)
	}
	// Every term is in all four statements but "widget", "belt" and their bigrams (three), so
	// the top terms are the bigrams "frobnic gizmo", "gizmo jam" and, first of the bigrams
	// scoring next, "jam widget", which chain into one phrase.
	if want := "frobnicator gizmo jammed widget"; frob.Tag != "" || frob.Reviews != 3 || frob.Label != want {
		t.Errorf("first theme = tag %q, %d reviews, label %q; want no tag, 3 reviews, label %q", frob.Tag, frob.Reviews, frob.Label, want)
	}
	if frob.ID == "" || frob.ID[:6] != "theme-" {
		t.Errorf("first theme ID = %q; want theme- and a hash", frob.ID)
	}
	if !frob.FirstSeen.Equal(*day(4, 2)) || !frob.LastSeen.Equal(*day(7, 1)) {
		t.Errorf("first theme seen %v to %v; want %v to %v", frob.FirstSeen, frob.LastSeen, day(4, 2), day(7, 1))
	}
	if want := []string{"R1/0", "R2/0", "R3/0"}; !slices.Equal(members(pool), want) {
		t.Errorf("second theme members = %q; want %q", members(pool), want)
	}
	if pool.ID != "cause:capacity:connection-pool" || pool.Tag != pool.ID || pool.Label != "Connection pool exhaustion" {
		t.Errorf("second theme = %q %q %q; want the connection-pool entry", pool.ID, pool.Tag, pool.Label)
	}
	if want := []string{"payments-api", "checkout", "ledger"}; !slices.Equal(pool.Components, want) {
		t.Errorf("second theme components = %q; want %q", pool.Components, want)
	}
	if len(set.Unthemed) != 1 || set.Unthemed[0].ReviewID != "R6" {
		t.Errorf("Unthemed = %+v; want R6's statement", set.Unthemed)
	}

	// A range leaves out reviews outside it and those with no start.
	ranged := Themes(reviews, ThemeOptions{From: *day(2, 1), To: *day(7, 1)})
	if ranged.OutOfRange != 3 || ranged.Statements != 4 {
		t.Errorf("ranged: OutOfRange, Statements = %d, %d; want 3, 4", ranged.OutOfRange, ranged.Statements)
	}
	if empty := Themes(nil, ThemeOptions{}); len(empty.Themes) != 0 || empty.Statements != 0 {
		t.Errorf("Themes(nil) = %+v; want nothing", empty)
	}
}

func TestThemesDeterministic(t *testing.T) {
	gen, _, _, _ := generatedEval(800, 5)
	opts := ThemeOptions{Components: gen.Components, Teams: gen.Teams, People: gen.People}
	first := Themes(gen.Reviews, opts)
	if again := Themes(gen.Reviews, opts); !reflect.DeepEqual(first, again) {
		t.Errorf("Themes differs between two runs on the same input")
	}
	shuffled := slices.Clone(gen.Reviews)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	if again := Themes(shuffled, opts); !reflect.DeepEqual(first, again) {
		t.Errorf("Themes differs when the reviews are shuffled")
	}
	noTax := opts
	noTax.Taxonomy = &Taxonomy{}
	if a, b := Themes(gen.Reviews, noTax), Themes(shuffled, noTax); !reflect.DeepEqual(a, b) {
		t.Errorf("Themes with no taxonomy differs when the reviews are shuffled")
	}
}

func TestChainTerms(t *testing.T) {
	tests := []struct {
		in   []string
		want [][]string
	}{
		{[]string{"a b", "b c", "d"}, [][]string{{"a", "b", "c"}, {"d"}}},
		{[]string{"b c", "a b"}, [][]string{{"a", "b", "c"}}},
		{[]string{"pool", "connect pool", "disk"}, [][]string{{"connect", "pool"}, {"disk"}}},
		{[]string{"x"}, [][]string{{"x"}}},
	}
	for _, tt := range tests {
		if got := chainTerms(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("chainTerms(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestThemesOddInput(t *testing.T) {
	odd := []string{"", " ", "!!!", "…", "{num}", "{{}}", "\x00\x01", "🔥🔥🔥", "ÄÖÜ äöü straße", "'''", "’s",
		"1.2.3.4.5.6.7.8.9", "9999999999999999999999999", "a", "@", "@@@", "#", "http://", "::::", "v", "e.g.",
		"x\x00\x00", "-- -- --", `C:\\`, "~/", "/", ".", "..", "20240102", "2024-13-45T99:99",
		"May may 5 May", "0 hours 0 minutes 0 seconds", "\xff\xfe invalid utf8"}
	var reviews []metamortem.Review
	for i, s := range odd {
		reviews = append(reviews, review(string(rune('a'+i%26))+s, nil, []string{s}, s, s+" disk full", s))
	}
	set := Themes(reviews, ThemeOptions{Components: odd, Teams: odd, People: odd})
	if set.Statements == 0 {
		t.Errorf("Themes(odd input) read no statements")
	}
	for _, s := range odd {
		NewMasker(nil, nil, nil).MaskText(s)
		DefaultTaxonomy().Match(s)
	}
}

func TestHashKey(t *testing.T) {
	// FNV-1a 64 of "" is its offset basis; of "a", worked out from the offset basis and prime.
	tests := []struct {
		in   string
		want uint64
	}{
		{"", 0xcbf29ce484222325},
		{"a", 0xaf63dc4c8601ec8c},
	}
	for _, tt := range tests {
		if got := hashKey(tt.in); got != tt.want {
			t.Errorf("hashKey(%q) = %#x; want %#x", tt.in, got, tt.want)
		}
	}
}
