package analysis

import (
	"math"
	"testing"
)

func TestAdjustedRandIndexAndNMI(t *testing.T) {
	// Worked by hand: see each case's comment.
	tests := []struct {
		name     string
		truth    []string
		pred     []string
		ari, nmi float64
	}{
		// Cells a/x 2, a/y 1, b/y 1, b/z 2: index 2, row pairs 6, column pairs 3, expected
		// 6*3/15 = 1.2, maximum 4.5, ARI 0.8/3.3 = 8/33. MI = (2/3) ln 2; entropies ln 2 and
		// ln 3, so NMI = (4/3) ln 2 / ln 6.
		{"split", []string{"a", "a", "a", "b", "b", "b"}, []string{"x", "x", "y", "y", "z", "z"}, 8.0 / 33, 0.5158037429793888},
		{"renamed", []string{"a", "a", "b", "c"}, []string{"q", "q", "r", "s"}, 1, 1},
		// Every cell 1: index 0, expected 2*2/6, maximum 2: ARI (0-2/3)/(4/3) = -0.5; MI 0.
		{"independent", []string{"a", "a", "b", "b"}, []string{"x", "y", "x", "y"}, -0.5, 0},
		{"both together", []string{"a", "a", "a"}, []string{"x", "x", "x"}, 1, 1},
		// One group against all apart: index 0, row pairs 3, column pairs 0, expected 0,
		// maximum 1.5: ARI 0. Truth entropy 0, prediction ln 3, MI 0: NMI 0.
		{"together vs apart", []string{"a", "a", "a"}, []string{"x", "y", "z"}, 0, 0},
	}
	for _, tt := range tests {
		if got := AdjustedRandIndex(tt.truth, tt.pred); math.Abs(got-tt.ari) > 1e-12 {
			t.Errorf("%s: AdjustedRandIndex(%q, %q) = %v; want %v", tt.name, tt.truth, tt.pred, got, tt.ari)
		}
		if got := NormalizedMutualInfo(tt.truth, tt.pred); math.Abs(got-tt.nmi) > 1e-12 {
			t.Errorf("%s: NormalizedMutualInfo(%q, %q) = %v; want %v", tt.name, tt.truth, tt.pred, got, tt.nmi)
		}
	}
}
