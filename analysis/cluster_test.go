package analysis

import (
	"slices"
	"testing"
)

func TestScorerOffer(t *testing.T) {
	tests := []struct {
		name   string
		offers []edge
		n      int
		want   []edge
	}{
		{
			name:   "fewer than n, kept best first",
			offers: []edge{{to: 4, w: 0.2}, {to: 1, w: 0.9}, {to: 7, w: 0.5}},
			n:      5,
			want:   []edge{{to: 1, w: 0.9}, {to: 7, w: 0.5}, {to: 4, w: 0.2}},
		},
		{
			name:   "more than n, the worst dropped",
			offers: []edge{{to: 4, w: 0.2}, {to: 1, w: 0.9}, {to: 7, w: 0.5}, {to: 2, w: 0.3}, {to: 9, w: 0.1}},
			n:      3,
			want:   []edge{{to: 1, w: 0.9}, {to: 7, w: 0.5}, {to: 2, w: 0.3}},
		},
		{
			name:   "ties broken by the lower target",
			offers: []edge{{to: 8, w: 0.5}, {to: 3, w: 0.5}, {to: 5, w: 0.5}, {to: 1, w: 0.5}},
			n:      2,
			want:   []edge{{to: 1, w: 0.5}, {to: 3, w: 0.5}},
		},
		{
			name:   "none wanted",
			offers: []edge{{to: 1, w: 0.9}},
			n:      0,
			want:   []edge{},
		},
	}
	for _, tt := range tests {
		s := newScorer(10, 1)
		s.cands = []edge{}
		for _, e := range tt.offers {
			s.offer(e, tt.n)
		}
		if !slices.Equal(s.cands, tt.want) {
			t.Errorf("offer(%s) kept %v; want %v", tt.name, s.cands, tt.want)
		}
	}
}

// TestScorerDotMatchesSparse checks that the dense dot product is the sparse one to the bit,
// which keeps the neighbour graph the same.
func TestScorerDotMatchesSparse(t *testing.T) {
	vs := []sparseVector{
		{index: []int32{0, 3, 5, 9}, value: []float64{0.1, 0.7, 0.3, 0.6123}},
		{index: []int32{3, 4, 9}, value: []float64{0.33, 0.2, 0.9}},
		{index: []int32{1, 2}, value: []float64{0.5, 0.5}},
		{index: []int32{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, value: []float64{0.01, 0.02, 0.03, 0.3, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1}},
	}
	for _, v := range vs {
		v.normalize()
	}
	s := newScorer(len(vs), 10)
	for i, v := range vs {
		for k, term := range v.index {
			s.dense[term] = v.value[k]
		}
		for j, w := range vs {
			if got, want := s.dot(w), v.dot(w); got != want {
				t.Errorf("dense dot of vectors %d and %d = %v; want %v, as sparseVector.dot", i, j, got, want)
			}
		}
		clear(s.dense)
	}
	// Vectors 0 and 2 share no term.
	if got := vs[0].dot(vs[2]); got != 0 {
		t.Errorf("dot of vectors with no common term = %v; want 0", got)
	}
}
