package analysis

import (
	"math"
	"testing"
	"time"
)

func TestBinomialTail(t *testing.T) {
	tests := []struct {
		n, k int
		p    float64
		want float64
	}{
		// (10 + 1) outcomes of 1024 have 9 or 10 heads.
		{10, 9, 0.5, 11.0 / 1024},
		{10, 10, 0.5, 1.0 / 1024},
		{10, 0, 0.5, 1},
		{10, 11, 0.5, 0},
		// 3 of 6: (20 + 15 + 6 + 1) / 64.
		{6, 3, 0.5, 42.0 / 64},
		{3, 3, 1.0 / 3, 1.0 / 27},
		// P(X >= 2) = 1 - 81/256 - 108/256.
		{4, 2, 0.25, 67.0 / 256},
		{5, 1, 0, 0},
		{5, 5, 1, 1},
		{0, 0, 0.5, 1},
	}
	for _, tt := range tests {
		if got := binomialTail(tt.n, tt.k, tt.p); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("binomialTail(%d, %d, %v) = %v; want %v", tt.n, tt.k, tt.p, got, tt.want)
		}
	}
	// Large n neither overflows nor underflows: P(X >= 500 | 1000, 0.5) is just over a half.
	if got := binomialTail(1000, 500, 0.5); got < 0.5 || got > 0.52 {
		t.Errorf("binomialTail(1000, 500, 0.5) = %v; want just over 0.5", got)
	}
}

func TestCompareRates(t *testing.T) {
	quarter := 2191*time.Hour + 30*time.Minute // 91.3125 days
	half := 2 * quarter
	tests := []struct {
		name                    string
		earlier, recent         int
		earlierSpan, recentSpan time.Duration
		rateEarlier, rateRecent float64
		p                       float64
		rising                  bool
	}{
		{"one then nine", 1, 9, half, half, 0.5, 4.5, 11.0 / 1024, true},
		{"three and three", 3, 3, half, half, 1.5, 1.5, 42.0 / 64, false},
		{"nine then one", 9, 1, half, half, 4.5, 0.5, 1023.0 / 1024, false},
		// The recent period is a third of the time, so each event is recent with p = 1/3.
		{"none then three, shorter recent period", 0, 3, half, quarter, 0, 3, 1.0 / 27, true},
		{"nothing happened", 0, 0, half, half, 0, 0, 1, false},
		{"no earlier period", 0, 2, 0, half, 0, 1, 1, false},
	}
	for _, tt := range tests {
		got := CompareRates(tt.earlier, tt.recent, tt.earlierSpan, tt.recentSpan)
		if math.Abs(got.RateEarlier-tt.rateEarlier) > 1e-9 || math.Abs(got.RateRecent-tt.rateRecent) > 1e-9 ||
			math.Abs(got.P-tt.p) > 1e-12 || got.Rising != tt.rising {
			t.Errorf("%s: CompareRates(%d, %d, %v, %v) = %+v; want rates %v/%v, p %v, rising %v", tt.name,
				tt.earlier, tt.recent, tt.earlierSpan, tt.recentSpan, got, tt.rateEarlier, tt.rateRecent, tt.p, tt.rising)
		}
	}
}
