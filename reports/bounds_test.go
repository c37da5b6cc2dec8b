package reports

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/metamortem/metamortem"
)

func TestLastKeepsTheMostRecent(t *testing.T) {
	tests := []struct {
		xs   []int
		n    int
		want []int
	}{
		{[]int{1, 2, 3, 4}, 2, []int{3, 4}},
		{[]int{1, 2}, 5, []int{1, 2}},
		{nil, 3, nil},
	}
	for _, tt := range tests {
		if got := last(tt.xs, tt.n); !slices.Equal(got, tt.want) {
			t.Errorf("last(%v, %d) = %v; want %v", tt.xs, tt.n, got, tt.want)
		}
	}
}

// TestAppendixListsOnlyCitedReviewsAboveItsBound checks both sides of maxAppendixReviews (200).
func TestAppendixListsOnlyCitedReviewsAboveItsBound(t *testing.T) {
	tests := []struct {
		reviews  int
		wantRows int
		sentence string
	}{
		{200, 200, "The 200 reviews that started in 2026Q3, oldest first, and the 0 earlier reviews cited above; times are UTC."},
		{201, 2, "Of the 201 reviews that started in 2026Q3, the 2 a section cites, oldest first (above 200, only those are listed), and the 0 earlier reviews cited above; times are UTC."},
	}
	for _, tt := range tests {
		start := time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)
		in := input{cite: newCitations(), cur: period{Label: "2026Q3"}}
		for i := range tt.reviews {
			s := start.Add(time.Duration(i) * time.Hour)
			r := metamortem.Review{ID: fmt.Sprintf("INC-%03d", i), StartedAt: &s}
			in.current, in.history = append(in.current, r), append(in.history, r)
		}
		in.cite.ref("INC-007")
		in.cite.ref("INC-003")
		a := newAppendix(in, 0)
		if len(a.Reviews) != tt.wantRows || a.Sentence != tt.sentence {
			t.Errorf("newAppendix(%d reviews, 2 cited) = %d rows, %q; want %d, %q", tt.reviews, len(a.Reviews), a.Sentence, tt.wantRows, tt.sentence)
		}
	}
}
