package analysis

import "math"

// Two ways to score a grouping against known labels, both 1 for a perfect match: the adjusted
// Rand index (pairs of items put together or apart alike, corrected for chance, so a random
// grouping scores about 0) and normalised mutual information (how much knowing one grouping
// tells about the other, divided by the mean of their entropies). Themes is measured with them
// in quality_test.go; they are here so that reports can measure a user's own labelled set.

// contingency counts the items in each pair of labels of a and b, which must be the same length.
type contingency struct {
	n     float64
	cells map[[2]int]float64
	rows  []float64 // items per label of a
	cols  []float64 // items per label of b
}

func newContingency(a, b []string) contingency {
	if len(a) != len(b) {
		panic("analysis: groupings of different lengths")
	}
	ids := func(xs []string) ([]int, int) {
		seen := map[string]int{}
		out := make([]int, len(xs))
		for i, x := range xs {
			id, ok := seen[x]
			if !ok {
				id = len(seen)
				seen[x] = id
			}
			out[i] = id
		}
		return out, len(seen)
	}
	ai, na := ids(a)
	bi, nb := ids(b)
	c := contingency{n: float64(len(a)), cells: map[[2]int]float64{}, rows: make([]float64, na), cols: make([]float64, nb)}
	for i := range ai {
		c.cells[[2]int{ai[i], bi[i]}]++
		c.rows[ai[i]]++
		c.cols[bi[i]]++
	}
	return c
}

func pairs(x float64) float64 { return x * (x - 1) / 2 }

// AdjustedRandIndex scores how alike two groupings of the same items are, each given as one
// label per item: 1 when they are the same up to renaming, about 0 when they agree no more than
// chance, negative when less. Two groupings that are both trivial (everything together, or
// everything apart) score 1. It panics when the lengths differ.
func AdjustedRandIndex(truth, pred []string) float64 {
	c := newContingency(truth, pred)
	var index, sumRows, sumCols float64
	for _, n := range c.cells {
		index += pairs(n)
	}
	for _, n := range c.rows {
		sumRows += pairs(n)
	}
	for _, n := range c.cols {
		sumCols += pairs(n)
	}
	if c.n < 2 {
		return 1
	}
	expected := sumRows * sumCols / pairs(c.n)
	maximum := (sumRows + sumCols) / 2
	if maximum == expected {
		return 1
	}
	return (index - expected) / (maximum - expected)
}

// NormalizedMutualInfo scores how much two groupings of the same items, each given as one
// label per item, tell about each other: their mutual information divided by the arithmetic
// mean of their entropies, from 0 (independent) to 1 (the same up to renaming). When both
// groupings put everything together it is 1. It panics when the lengths differ.
func NormalizedMutualInfo(truth, pred []string) float64 {
	c := newContingency(truth, pred)
	entropy := func(counts []float64) float64 {
		var h float64
		for _, n := range counts {
			if n > 0 {
				h -= n / c.n * math.Log(n/c.n)
			}
		}
		return h
	}
	hr, hc := entropy(c.rows), entropy(c.cols)
	if hr == 0 && hc == 0 {
		return 1
	}
	var mi float64
	for k, n := range c.cells {
		mi += n / c.n * math.Log(c.n*n/(c.rows[k[0]]*c.cols[k[1]]))
	}
	return mi / ((hr + hc) / 2)
}
