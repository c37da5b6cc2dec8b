package analysis

import (
	"slices"

	"gonum.org/v1/gonum/stat"
)

// MinSample is the smallest number of values whose percentiles a report should present without
// a warning. Below it a Distribution is marked SmallSample.
const MinSample = 5

// Number is a kind of value a Distribution can describe: counts, measurements or durations.
type Number interface {
	~int | ~int64 | ~float64
}

// Distribution describes the spread of a sample without assuming a shape: its size, median,
// 75th and 90th percentiles and extremes. Percentiles are empirical, so each is one of the
// values in the sample (the median of an even-sized sample is the lower middle value). A sample
// with no values has N == 0 and zero for every statistic.
type Distribution[T Number] struct {
	N      int
	Median T
	P75    T
	P90    T
	Min    T
	Max    T
	// SmallSample is true when N is below MinSample, so the percentiles say little.
	SmallSample bool
}

// NewDistribution describes the values in xs, which it does not modify and which need not be
// sorted.
func NewDistribution[T Number](xs []T) Distribution[T] {
	d := Distribution[T]{N: len(xs), SmallSample: len(xs) < MinSample}
	if len(xs) == 0 {
		return d
	}
	sorted := make([]float64, len(xs))
	for i, x := range xs {
		sorted[i] = float64(x)
	}
	slices.Sort(sorted)
	quantile := func(p float64) T { return T(stat.Quantile(p, stat.Empirical, sorted, nil)) }
	d.Median = quantile(0.5)
	d.P75 = quantile(0.75)
	d.P90 = quantile(0.9)
	d.Min = T(sorted[0])
	d.Max = T(sorted[len(sorted)-1])
	return d
}
