package analysis

import (
	"testing"
	"time"

	"github.com/metamortem/metamortem"
)

// TestTimelineNext checks the search for the next incident of a class after a date: one other
// than the action's own, and in one of the components the action was a fix in.
func TestTimelineNext(t *testing.T) {
	reviews := []metamortem.Review{
		{ID: "A", StartedAt: classDate(2024, 1, 1), Components: []string{"db"}},
		{ID: "B", StartedAt: classDate(2024, 2, 1), Components: []string{"web"}},
		{ID: "C", StartedAt: classDate(2024, 3, 1), Components: []string{"db", "web"}},
		{ID: "D", StartedAt: classDate(2024, 3, 1), Components: []string{"web"}},
		{ID: "E", StartedAt: classDate(2024, 4, 1), Components: []string{"queue"}},
		{ID: "U", Components: []string{"db"}},
	}
	f := &finaliser{reviews: reviews, position: map[string]int32{}, components: make([][]string, len(reviews))}
	for i, r := range reviews {
		f.position[r.ID], f.components[i] = int32(i), r.Components
	}
	// Listed out of order, with an undated incident and one that is not among the reviews.
	c := Class{Incidents: []string{"E", "U", "C", "A", "X", "D", "B"}}
	s := newAddressMemo(0)
	// A timeline built before in the same room must leave nothing behind.
	f.timeline(Class{Incidents: []string{"U", "A", "E"}}, f.incidents(Class{Incidents: []string{"U", "A", "E"}}, s), &s.timeline)
	tl := f.timeline(c, f.incidents(c, s), &s.timeline)
	tests := []struct {
		own   string
		after *time.Time
		where []string
		want  string // "" for none
	}{
		{"A", classDate(2024, 1, 1), nil, "B"},
		{"A", classDate(2024, 1, 1), []string{"db"}, "C"},
		{"B", classDate(2024, 1, 15), []string{"web"}, "C"},
		{"C", classDate(2024, 2, 15), []string{"web"}, "D"},
		{"C", classDate(2024, 2, 15), []string{"queue", "db"}, "E"},
		{"A", classDate(2024, 3, 1), []string{"web"}, ""},
		{"A", classDate(2024, 3, 1), []string{"cache"}, ""},
		{"E", classDate(2024, 3, 15), nil, ""},
	}
	for _, tt := range tests {
		got, ok := tl.next(tt.own, *tt.after, tt.where)
		if !ok {
			got.ReviewID = ""
		}
		if got.ReviewID != tt.want {
			t.Errorf("next(%q, %s, %q) = %q; want %q", tt.own, tt.after.Format(time.DateOnly), tt.where, got.ReviewID, tt.want)
		}
	}
}

// TestSortedRecurrences checks the order of evidence: by date, review, ticket and text, equal
// ones as they came.
func TestSortedRecurrences(t *testing.T) {
	rec := func(day int, review, ticket, text, later string) Recurrence {
		return Recurrence{Date: *classDate(2024, 1, day), ReviewID: later,
			Action: ActionEvidence{ReviewID: review, Ticket: ticket, Text: text}}
	}
	rs := []Recurrence{
		rec(3, "R1", "T-1", "a", "first"), rec(2, "R2", "T-1", "a", "x"), rec(3, "R1", "T-1", "a", "second"),
		rec(3, "R1", "T-0", "b", "y"), rec(2, "R1", "T-9", "z", "z"),
	}
	var got []string
	for _, r := range sortedRecurrences(rs) {
		got = append(got, r.ReviewID)
	}
	want := []string{"z", "x", "y", "first", "second"}
	if len(got) != len(want) {
		t.Fatalf("sortedRecurrences gave %q; want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("sortedRecurrences gave %q; want %q", got, want)
		}
	}
	if got := sortedRecurrences(nil); got != nil {
		t.Errorf("sortedRecurrences(nil) = %v; want nil", got)
	}
}
