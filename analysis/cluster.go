package analysis

import (
	"cmp"
	"slices"
	"sort"

	"github.com/metamortem/metamortem/parallel"
)

// Statements that no taxonomy entry claims are grouped by their words alone. Comparing every
// pair would take hours at 100,000 statements, so each statement is compared only with a
// bounded set of candidates found through an inverted index, the edges that are similar enough
// form a sparse nearest-neighbour graph, and the graph's communities (Louvain, in
// cluster_graph.go) are the groups. Every step is deterministic: points are in a fixed order,
// work is split by index and merged by index, ties are broken by index and the Louvain method's
// random order has a fixed seed.

// clusterParams tune the nearest-neighbour graph and its communities.
type clusterParams struct {
	// topTerms is how many of a point's heaviest terms (among those it shares with at least one
	// other point) are used to find its candidates.
	topTerms int
	// window is how many points are taken from each of those terms' posting lists: the ones
	// nearest the point itself in index order, half before and half after.
	window int
	// neighbours is how many of the most similar candidates each point keeps.
	neighbours int
	// minSim is the least cosine similarity of an edge.
	minSim float64
	// resolution is the Louvain method's resolution: above 1 makes more, smaller communities.
	resolution float64
}

// defaultClusterParams are the parameters Themes uses, tuned on generated statements (see
// quality_eval_test.go) and independent of the number of points.
var defaultClusterParams = clusterParams{topTerms: 8, window: 48, neighbours: 20, minSim: 0.1, resolution: 1}

// edge is one undirected edge of the neighbour graph, as seen from one of its ends.
type edge struct {
	to int32
	w  float32
}

// cluster groups the points, whose unit vectors are vecs, and returns each point's community
// as a number from 0, numbered in order of each community's first point.
func cluster(vecs []sparseVector, p clusterParams) []int {
	return communities(neighbourGraph(vecs, p), p.resolution)
}

// postings is an inverted index in compressed form: the points holding term t are
// points[start[t]:start[t+1]], in increasing order.
type postings struct {
	start  []int32
	points []int32
}

func newPostings(vecs []sparseVector) postings {
	var nterms int32
	for _, v := range vecs {
		if n := len(v.index); n > 0 && v.index[n-1]+1 > nterms {
			nterms = v.index[n-1] + 1
		}
	}
	p := postings{start: make([]int32, nterms+1)}
	for _, v := range vecs {
		for _, t := range v.index {
			p.start[t+1]++
		}
	}
	for t := int32(0); t < nterms; t++ {
		p.start[t+1] += p.start[t]
	}
	p.points = make([]int32, p.start[nterms])
	fill := slices.Clone(p.start[:nterms])
	for i, v := range vecs {
		for _, t := range v.index {
			p.points[fill[t]] = int32(i)
			fill[t]++
		}
	}
	return p
}

func (p postings) of(t int32) []int32 { return p.points[p.start[t]:p.start[t+1]] }

// neighbourGraph returns, for each point, its edges to the most similar of its candidates,
// made symmetric: an edge kept by either end is an edge of both. Points are scored in parallel,
// each point's edges written by index, so the result does not depend on scheduling.
func neighbourGraph(vecs []sparseVector, p clusterParams) [][]edge {
	index := newPostings(vecs)
	kept := make([][]edge, len(vecs))
	nw := parallel.Workers()
	scorers := make([]*scorer, nw)
	parallel.Blocks(nw, len(vecs), 256, func(w, lo, hi int) {
		if scorers[w] == nil {
			scorers[w] = newScorer(len(vecs), len(index.start)-1)
		}
		for i := lo; i < hi; i++ {
			kept[i] = scorers[w].nearest(i, vecs, index, p)
		}
	})
	return symmetric(kept)
}

// scorer finds one point's nearest candidates; it is used by one goroutine at a time.
type scorer struct {
	seen  []int32   // seen[j] == i+1 when j is already a candidate of point i
	dense []float64 // the vector of point i, spread over all terms
	cands []edge    // the best candidates so far, best first
	terms []int
}

func newScorer(n, nterms int) *scorer {
	return &scorer{seen: make([]int32, n), dense: make([]float64, nterms)}
}

func (s *scorer) nearest(i int, vecs []sparseVector, index postings, p clusterParams) []edge {
	v := vecs[i]
	// The heaviest terms that some other point shares, heaviest first, ties by term index.
	s.terms = s.terms[:0]
	for k, t := range v.index {
		if index.start[t+1]-index.start[t] > 1 {
			s.terms = append(s.terms, k)
		}
	}
	slices.SortFunc(s.terms, func(a, b int) int {
		return cmp.Or(cmp.Compare(v.value[b], v.value[a]), cmp.Compare(a, b))
	})
	if len(s.terms) > p.topTerms {
		s.terms = s.terms[:p.topTerms]
	}
	s.cands = s.cands[:0]
	mark := int32(i + 1)
	s.seen[i] = mark
	for k, t := range v.index {
		s.dense[t] = v.value[k]
	}
	for _, k := range s.terms {
		list := index.of(v.index[k])
		pos := sort.Search(len(list), func(j int) bool { return list[j] >= int32(i) })
		lo := max(0, pos-p.window/2)
		hi := min(len(list), lo+p.window+1)
		lo = max(0, hi-p.window-1)
		for _, j := range list[lo:hi] {
			if s.seen[j] == mark {
				continue
			}
			s.seen[j] = mark
			if sim := s.dot(vecs[j]); sim >= p.minSim {
				s.offer(edge{to: j, w: float32(sim)}, p.neighbours)
			}
		}
	}
	for _, t := range v.index {
		s.dense[t] = 0
	}
	return slices.Clone(s.cands)
}

// dot returns the dot product of the current point's vector and w. It adds the same products in
// the same order as sparseVector.dot, and zeros besides, so the two agree to the bit.
func (s *scorer) dot(w sparseVector) float64 {
	var sum float64
	for k, t := range w.index {
		sum += s.dense[t] * w.value[k]
	}
	return sum
}

// offer keeps e if it is among the best n candidates so far, by weight, then by target.
func (s *scorer) offer(e edge, n int) {
	better := func(a, b edge) bool { return a.w > b.w || a.w == b.w && a.to < b.to }
	last := len(s.cands)
	if n <= 0 || last == n && !better(e, s.cands[last-1]) {
		return
	}
	pos := sort.Search(last, func(k int) bool { return better(e, s.cands[k]) })
	if last < n {
		s.cands = append(s.cands, edge{})
	}
	copy(s.cands[pos+1:], s.cands[pos:len(s.cands)-1])
	s.cands[pos] = e
}

// symmetric returns the undirected graph of kept edges, each node's edges ordered by target.
func symmetric(kept [][]edge) [][]edge {
	adj := make([][]edge, len(kept))
	for i, es := range kept {
		for _, e := range es {
			adj[i] = append(adj[i], e)
			adj[e.to] = append(adj[e.to], edge{to: int32(i), w: e.w})
		}
	}
	for i, es := range adj {
		slices.SortFunc(es, func(a, b edge) int { return cmp.Compare(a.to, b.to) })
		adj[i] = slices.CompactFunc(es, func(a, b edge) bool { return a.to == b.to })
	}
	return adj
}
