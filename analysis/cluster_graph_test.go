package analysis

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/metamortem/metamortem/fixtures/factorgen"
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"
)

// undirectedEdges builds adjacency lists from edges given once, as pairs with a weight.
func undirectedEdges(n int, edges [][3]float64) [][]edge {
	adj := make([][]edge, n)
	for _, e := range edges {
		a, b := int32(e[0]), int32(e[1])
		adj[a] = append(adj[a], edge{to: b, w: float32(e[2])})
		adj[b] = append(adj[b], edge{to: a, w: float32(e[2])})
	}
	for _, es := range adj {
		slices.SortFunc(es, func(x, y edge) int { return int(x.to - y.to) })
	}
	return adj
}

// cliques returns the edges of cliques of the given size over consecutive nodes, weight 1.
func cliques(count, size int) [][3]float64 {
	var out [][3]float64
	for c := range count {
		for i := range size {
			for j := i + 1; j < size; j++ {
				out = append(out, [3]float64{float64(c*size + i), float64(c*size + j), 1})
			}
		}
	}
	return out
}

func TestCommunitiesKnownGraphs(t *testing.T) {
	tests := []struct {
		name  string
		n     int
		edges [][3]float64
		want  []int
	}{
		{
			name:  "two cliques of four joined by one edge",
			n:     8,
			edges: append(cliques(2, 4), [3]float64{3, 4, 1}),
			want:  []int{0, 0, 0, 0, 1, 1, 1, 1},
		},
		{
			name: "ring of five cliques of four",
			n:    20,
			edges: append(cliques(5, 4),
				[3]float64{3, 4, 1}, [3]float64{7, 8, 1}, [3]float64{11, 12, 1}, [3]float64{15, 16, 1}, [3]float64{19, 0, 1}),
			want: []int{0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4},
		},
		{
			name:  "a heavy pair and a light pair joined by a light edge",
			n:     4,
			edges: [][3]float64{{0, 1, 5}, {2, 3, 1}, {1, 2, 0.1}},
			want:  []int{0, 0, 1, 1},
		},
		{
			name:  "no edges",
			n:     3,
			edges: nil,
			want:  []int{0, 1, 2},
		},
		{
			name:  "an isolated node between two pairs",
			n:     5,
			edges: [][3]float64{{0, 1, 1}, {3, 4, 1}},
			want:  []int{0, 0, 1, 2, 2},
		},
		{
			name: "empty",
			n:    0,
			want: []int{},
		},
	}
	for _, tt := range tests {
		if got := communities(undirectedEdges(tt.n, tt.edges), 1); !slices.Equal(got, tt.want) {
			t.Errorf("communities(%s) = %v; want %v", tt.name, got, tt.want)
		}
	}
}

// plantedGraph returns a random graph of groups of nodes, dense inside and sparse between,
// with weights in (0, 1], as the neighbour graph has.
func plantedGraph(n, groups int, pIn, pOut float64, seed uint64) [][]edge {
	rng := rand.New(rand.NewPCG(seed, 0))
	var edges [][3]float64
	for i := range n {
		for j := i + 1; j < n; j++ {
			p := pOut
			if i%groups == j%groups {
				p = pIn
			}
			if rng.Float64() < p {
				edges = append(edges, [3]float64{float64(i), float64(j), 0.1 + 0.9*rng.Float64()})
			}
		}
	}
	return undirectedEdges(n, edges)
}

// modularity returns Q of the partition labels of adj, computed by gonum.
func modularity(adj [][]edge, labels []int, resolution float64) float64 {
	var found [][]graph.Node
	for i, c := range labels {
		for len(found) <= c {
			found = append(found, nil)
		}
		found[c] = append(found[c], simple.Node(i))
	}
	return community.Q(neighbourView(adj), found, resolution)
}

// gonumCommunities returns each node's community by gonum's Louvain method, the reference ours
// is measured against.
func gonumCommunities(adj [][]edge, resolution float64, seed uint64) []int {
	labels := make([]int, len(adj))
	for c, nodes := range community.Modularize(neighbourView(adj), resolution, rand.NewPCG(seed, 0)).Communities() {
		for _, n := range nodes {
			labels[n.ID()] = c
		}
	}
	return labels
}

// generatedNeighbourGraph returns the neighbour graph Themes would cluster for n generated
// statements, with no taxonomy.
func generatedNeighbourGraph(n int, seed uint64) [][]edge {
	gen := factorgen.Generate(n, seed)
	var seqs [][]string
	for _, s := range gen.Statements {
		if seq := stemSeq(maskNumbers(splitWords(s.Text)), nil); len(seq) > 0 {
			seqs = append(seqs, terms(seq))
		}
	}
	weights := make([]float64, len(seqs))
	for i := range weights {
		weights[i] = 1
	}
	model := newTFIDF(seqs, weights)
	vecs := make([]sparseVector, len(seqs))
	for i, doc := range seqs {
		vecs[i] = model.vector(doc)
	}
	return neighbourGraph(vecs, defaultClusterParams)
}

// Louvain's result depends on the order nodes are visited in, and on graphs without a clear
// structure two seeds can differ by 0.03 in modularity, so ours and gonum's are compared by
// their mean over several seeds.
func TestCommunitiesModularityAgainstGonum(t *testing.T) {
	const seeds, tolerance = 5, 0.01
	graphs := []struct {
		name       string
		adj        [][]edge
		resolution float64
	}{
		{"planted 200 nodes, 8 groups, clear", plantedGraph(200, 8, 0.3, 0.01, 1), 1},
		{"planted 300 nodes, 20 groups, clear", plantedGraph(300, 20, 0.5, 0.005, 2), 1},
		{"planted 400 nodes, 5 groups, faint", plantedGraph(400, 5, 0.1, 0.02, 3), 1},
		{"planted 300 nodes, 10 groups, resolution 1.5", plantedGraph(300, 10, 0.2, 0.02, 4), 1.5},
		{"planted 250 nodes, 3 groups, barely there", plantedGraph(250, 3, 0.05, 0.04, 5), 1},
		{"neighbour graph of 2,000 generated statements", generatedNeighbourGraph(2000, 7), 1},
	}
	for _, g := range graphs {
		var ours, theirs float64
		for seed := uint64(1); seed <= seeds; seed++ {
			ours += modularity(g.adj, louvain(newWeightedGraph(g.adj), g.resolution, seed), g.resolution) / seeds
			theirs += modularity(g.adj, gonumCommunities(g.adj, g.resolution, seed), g.resolution) / seeds
		}
		t.Logf("%s: mean modularity %.4f, gonum's %.4f", g.name, ours, theirs)
		if ours < theirs-tolerance {
			t.Errorf("mean modularity of louvain(%s) = %.4f; want at least gonum's %.4f - %.2f", g.name, ours, theirs, tolerance)
		}
	}
}

func TestCommunitiesDeterministic(t *testing.T) {
	adj := plantedGraph(300, 10, 0.2, 0.02, 9)
	first := communities(adj, 1)
	for range 3 {
		if again := communities(adj, 1); !slices.Equal(first, again) {
			t.Fatalf("communities differs between two runs on the same graph")
		}
	}
}

// neighbourView presents the neighbour graph to gonum as a weighted undirected graph whose
// nodes and edges are always listed in the same order.
type neighbourView [][]edge

func (g neighbourView) Node(id int64) graph.Node {
	if id < 0 || id >= int64(len(g)) {
		return nil
	}
	return simple.Node(id)
}

func (g neighbourView) Nodes() graph.Nodes {
	nodes := make([]graph.Node, len(g))
	for i := range nodes {
		nodes[i] = simple.Node(i)
	}
	return iterator.NewOrderedNodes(nodes)
}

func (g neighbourView) From(id int64) graph.Nodes {
	if g.Node(id) == nil {
		return graph.Empty
	}
	nodes := make([]graph.Node, len(g[id]))
	for i, e := range g[id] {
		nodes[i] = simple.Node(e.to)
	}
	return iterator.NewOrderedNodes(nodes)
}

// find returns the edge from x to y; edges are sorted by target.
func (g neighbourView) find(xid, yid int64) (edge, bool) {
	if g.Node(xid) == nil || g.Node(yid) == nil {
		return edge{}, false
	}
	es := g[xid]
	i, ok := slices.BinarySearchFunc(es, int32(yid), func(e edge, to int32) int { return int(e.to - to) })
	if !ok {
		return edge{}, false
	}
	return es[i], true
}

func (g neighbourView) HasEdgeBetween(xid, yid int64) bool {
	_, ok := g.find(xid, yid)
	return ok
}

func (g neighbourView) Edge(uid, vid int64) graph.Edge { return g.WeightedEdge(uid, vid) }

func (g neighbourView) EdgeBetween(xid, yid int64) graph.Edge { return g.WeightedEdge(xid, yid) }

func (g neighbourView) WeightedEdge(uid, vid int64) graph.WeightedEdge {
	e, ok := g.find(uid, vid)
	if !ok {
		return nil
	}
	return simple.WeightedEdge{F: simple.Node(uid), T: simple.Node(vid), W: float64(e.w)}
}

func (g neighbourView) WeightedEdgeBetween(xid, yid int64) graph.WeightedEdge {
	return g.WeightedEdge(xid, yid)
}

// Weight returns the weight of the edge between x and y; a node has weight 0 to itself.
func (g neighbourView) Weight(xid, yid int64) (float64, bool) {
	if xid == yid {
		return 0, true
	}
	e, ok := g.find(xid, yid)
	return float64(e.w), ok
}
