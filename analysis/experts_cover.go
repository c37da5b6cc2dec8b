package analysis

import (
	"math/bits"
	"slices"
)

// exactCoverBudget is the number of groups of people busFactor may try before it settles for
// the greedy answer. 200,000 groups cover, for instance, every group of up to four out of 40
// responders.
const exactCoverBudget = 200_000

// incidentSet is a set of incidents, numbered from 0, as a bit set.
type incidentSet []uint64

func newIncidentSet(n int) incidentSet { return make(incidentSet, (n+63)/64) }

func (s incidentSet) add(i int) { s[i/64] |= 1 << (i % 64) }

func (s incidentSet) count() int {
	n := 0
	for _, w := range s {
		n += bits.OnesCount64(w)
	}
	return n
}

// unionCount returns the size of the union of the sets of members.
func unionCount(sets []incidentSet, members []int, scratch incidentSet) int {
	clear(scratch)
	for _, m := range members {
		for i, w := range sets[m] {
			scratch[i] |= w
		}
	}
	return scratch.count()
}

// busFactor returns the fewest people who between them took part in at least num/den of n
// incidents, where sets[p] holds the incidents person p took part in: the number who would
// have to be away at once for the rest to have handled fewer than that share. It is 0 when
// even everyone together falls short, which happens when many incidents name no one. The
// answer is exact (every group of each size tried, smallest first) while that takes at most
// exactCoverBudget groups; beyond it the greedy answer (repeatedly add whoever covers most
// incidents not yet covered) is returned with exact false. Greedy can overshoot the true
// minimum, never undershoot it.
func busFactor(sets []incidentSet, n, num, den int) (size int, exact bool) {
	need := (num*n + den - 1) / den // the least whole number of incidents that is ≥ num/den of n
	if n == 0 || need == 0 {
		return 0, true
	}
	all := make([]int, len(sets))
	for i := range all {
		all[i] = i
	}
	scratch := newIncidentSet(n)
	if unionCount(sets, all, scratch) < need {
		return 0, true
	}
	// Most incidents first, so the sum of the k largest bounds what k people can cover.
	slices.SortStableFunc(all, func(a, b int) int { return sets[b].count() - sets[a].count() })
	tried := 0
	bound := 0
	for k := 1; k <= len(all); k++ {
		bound += sets[all[k-1]].count()
		if bound < need {
			continue
		}
		group := make([]int, k)
		found, complete := coverOfSize(sets, all, group, 0, 0, need, scratch, &tried)
		if found {
			return k, true
		}
		if !complete {
			return greedyCover(sets, all, need, scratch), false
		}
	}
	return len(all), true
}

// coverOfSize fills group[depth:] with people from order[start:] and reports whether some
// filling covers need incidents; complete is false when the budget ran out first.
func coverOfSize(sets []incidentSet, order, group []int, depth, start, need int, scratch incidentSet, tried *int) (found, complete bool) {
	if depth == len(group) {
		*tried++
		members := make([]int, len(group))
		for i, g := range group {
			members[i] = order[g]
		}
		return unionCount(sets, members, scratch) >= need, *tried <= exactCoverBudget
	}
	for i := start; i <= len(order)-(len(group)-depth); i++ {
		group[depth] = i
		found, complete := coverOfSize(sets, order, group, depth+1, i+1, need, scratch, tried)
		if found || !complete {
			return found, complete
		}
	}
	return false, true
}

// greedyCover returns how many people the greedy method needs to cover need incidents.
func greedyCover(sets []incidentSet, order []int, need int, scratch incidentSet) int {
	covered := newIncidentSet(len(scratch) * 64)
	var chosen []int
	for covered.count() < need {
		best, gain := -1, 0
		for _, p := range order {
			if slices.Contains(chosen, p) {
				continue
			}
			if g := unionCount(sets, []int{p}, scratch) - overlap(sets[p], covered); g > gain {
				best, gain = p, g
			}
		}
		if best < 0 {
			break
		}
		chosen = append(chosen, best)
		for i, w := range sets[best] {
			covered[i] |= w
		}
	}
	return len(chosen)
}

// overlap returns the number of incidents in both a and b.
func overlap(a, b incidentSet) int {
	n := 0
	for i := range a {
		n += bits.OnesCount64(a[i] & b[i])
	}
	return n
}

// HHI returns the Herfindahl–Hirschman index of counts: the sum of the squared shares each
// count has of their total, from near 0 (spread over many) to 1 (all on one). It is 0 when the
// counts add up to nothing.
func HHI(counts []int) float64 {
	total := 0
	for _, c := range counts {
		total += c
	}
	if total == 0 {
		return 0
	}
	h := 0.0
	for _, c := range counts {
		s := float64(c) / float64(total)
		h += s * s
	}
	return h
}
