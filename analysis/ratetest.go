package analysis

import (
	"math"
	"time"
)

// RisingLevel is the p-value below which a RateComparison calls a rate rising.
const RisingLevel = 0.05

// quarterDays is the mean length of a calendar quarter in days, the unit rates are given in.
const quarterDays = 365.25 / 4

// RateComparison compares how often something happened in a recent period with how often it
// happened in the earlier period before it, treating both counts as Poisson. Given the total
// n = Recent + Earlier, the recent count is Binomial(n, t_recent / (t_recent + t_earlier)) when
// the two rates are equal (the exact conditional test for two Poisson rates); P is the chance
// of a recent count at least as high as the one seen if the rate had not changed.
type RateComparison struct {
	// Earlier and Recent count the events in each period.
	Earlier, Recent int
	// EarlierSpan and RecentSpan are the periods' lengths.
	EarlierSpan, RecentSpan time.Duration
	// RateEarlier and RateRecent are events per quarter (91.3 days) in each period; zero for a
	// period of no length.
	RateEarlier, RateRecent float64
	// P is the one-sided p-value of the exact test that the recent rate is higher; 1 when there
	// is nothing to test (no events, or a period of no length).
	P float64
	// Rising is true when P is below RisingLevel.
	Rising bool
}

// CompareRates tests whether recent events, counted over recentSpan, came faster than earlier
// events, counted over earlierSpan.
func CompareRates(earlier, recent int, earlierSpan, recentSpan time.Duration) RateComparison {
	c := RateComparison{Earlier: earlier, Recent: recent, EarlierSpan: earlierSpan, RecentSpan: recentSpan, P: 1}
	c.RateEarlier = perQuarter(earlier, earlierSpan)
	c.RateRecent = perQuarter(recent, recentSpan)
	if earlierSpan <= 0 || recentSpan <= 0 || earlier < 0 || recent < 0 {
		return c
	}
	share := recentSpan.Hours() / (recentSpan.Hours() + earlierSpan.Hours())
	c.P = binomialTail(earlier+recent, recent, share)
	c.Rising = c.P < RisingLevel
	return c
}

// perQuarter returns count events over span as events per quarter.
func perQuarter(count int, span time.Duration) float64 {
	if span <= 0 {
		return 0
	}
	return float64(count) / (span.Hours() / 24 / quarterDays)
}

// binomialTail returns P(X >= k) for X ~ Binomial(n, p), summed exactly term by term in log
// space so that large n neither overflows nor loses the small terms.
func binomialTail(n, k int, p float64) float64 {
	switch {
	case k <= 0:
		return 1
	case k > n:
		return 0
	case p <= 0:
		return 0
	case p >= 1:
		return 1
	}
	lnN, _ := math.Lgamma(float64(n + 1))
	logP, logQ := math.Log(p), math.Log1p(-p)
	terms := make([]float64, 0, n-k+1)
	top := math.Inf(-1)
	for i := k; i <= n; i++ {
		lnI, _ := math.Lgamma(float64(i + 1))
		lnNI, _ := math.Lgamma(float64(n - i + 1))
		t := lnN - lnI - lnNI + float64(i)*logP + float64(n-i)*logQ
		terms = append(terms, t)
		top = max(top, t)
	}
	sum := 0.0
	for _, t := range terms {
		sum += math.Exp(t - top)
	}
	return min(1, math.Exp(top)*sum)
}
