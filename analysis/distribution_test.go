package analysis

import (
	"slices"
	"testing"
	"time"
)

// The expected values follow the empirical quantile: the p-quantile of n sorted values is the
// k-th value, k the smallest whole number with k >= p*n.
func TestNewDistribution(t *testing.T) {
	tests := []struct {
		in   []float64
		want Distribution[float64]
	}{
		{nil, Distribution[float64]{SmallSample: true}},
		{[]float64{7}, Distribution[float64]{N: 1, Median: 7, P75: 7, P90: 7, Min: 7, Max: 7, SmallSample: true}},
		// n=3: median k=2 (1.5), p75 k=3 (2.25), p90 k=3 (2.7).
		{[]float64{5, 1, 3}, Distribution[float64]{N: 3, Median: 3, P75: 5, P90: 5, Min: 1, Max: 5, SmallSample: true}},
		// n=4: the median is the lower middle value, k=2.
		{[]float64{4, 3, 2, 1}, Distribution[float64]{N: 4, Median: 2, P75: 3, P90: 4, Min: 1, Max: 4, SmallSample: true}},
		// n=5 is just enough: median k=3 (2.5), p75 k=4 (3.75), p90 k=5 (4.5).
		{[]float64{10, 50, 20, 40, 30}, Distribution[float64]{N: 5, Median: 30, P75: 40, P90: 50, Min: 10, Max: 50}},
		// n=10: median k=5, p75 k=8 (7.5), p90 k=9.
		{[]float64{10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, Distribution[float64]{N: 10, Median: 5, P75: 8, P90: 9, Min: 1, Max: 10}},
	}
	for _, tt := range tests {
		in := slices.Clone(tt.in)
		if got := NewDistribution(in); got != tt.want {
			t.Errorf("NewDistribution(%v) = %+v; want %+v", tt.in, got, tt.want)
		}
		if !slices.Equal(in, tt.in) {
			t.Errorf("NewDistribution(%v) reordered its argument to %v", tt.in, in)
		}
	}
}

func TestNewDistributionDurations(t *testing.T) {
	m := time.Minute
	in := []time.Duration{2 * time.Hour, 10 * m, 40 * m, 20 * m, 50 * m, 30 * m}
	// n=6: median k=3, p75 k=5 (4.5), p90 k=6 (5.4).
	want := Distribution[time.Duration]{N: 6, Median: 30 * m, P75: 50 * m, P90: 2 * time.Hour, Min: 10 * m, Max: 2 * time.Hour}
	if got := NewDistribution(in); got != want {
		t.Errorf("NewDistribution(%v) = %+v; want %+v", in, got, want)
	}
}
