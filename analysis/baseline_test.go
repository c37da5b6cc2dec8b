package analysis

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// The baseline that Themes is measured against: plain TF-IDF over lower-case words without
// stopwords (no masking, stemming, bigrams or taxonomy) and average-link agglomerative
// clustering on cosine similarity, dense, as a textbook would do it.

// baselineVectors returns the plain TF-IDF vectors of texts.
func baselineVectors(texts []string) []sparseVector {
	docs := make([][]string, len(texts))
	weights := make([]float64, len(texts))
	for i, text := range texts {
		for _, w := range appendWords(nil, text) {
			if !stopwords[w.text] && len(w.text) > 1 {
				docs[i] = append(docs[i], w.text)
			}
		}
		weights[i] = 1
	}
	model := newTFIDF(docs, weights)
	vecs := make([]sparseVector, len(docs))
	for i, d := range docs {
		vecs[i] = model.vector(d)
	}
	return vecs
}

// merge is one step of agglomerative clustering: clusters a and b joined at similarity sim.
type merge struct {
	a, b int
	sim  float64
}

// averageLink returns the merges of average-link (UPGMA) clustering of vecs, most similar
// first, by the Lance-Williams update on a dense similarity matrix.
func averageLink(vecs []sparseVector) []merge {
	n := len(vecs)
	sim := make([][]float64, n)
	for i := range sim {
		sim[i] = make([]float64, n)
		for j := range i {
			sim[i][j] = vecs[i].dot(vecs[j])
			sim[j][i] = sim[i][j]
		}
	}
	size := make([]float64, n)
	active := make([]bool, n)
	for i := range size {
		size[i], active[i] = 1, true
	}
	var merges []merge
	for step := 0; step < n-1; step++ {
		ba, bb, best := -1, -1, -2.0
		for i := 0; i < n; i++ {
			if !active[i] {
				continue
			}
			for j := i + 1; j < n; j++ {
				if active[j] && sim[i][j] > best {
					ba, bb, best = i, j, sim[i][j]
				}
			}
		}
		merges = append(merges, merge{ba, bb, best})
		for k := 0; k < n; k++ {
			if active[k] && k != ba && k != bb {
				s := (size[ba]*sim[ba][k] + size[bb]*sim[bb][k]) / (size[ba] + size[bb])
				sim[ba][k], sim[k][ba] = s, s
			}
		}
		size[ba] += size[bb]
		active[bb] = false
	}
	return merges
}

// cut applies merges while keep says so and returns each item's cluster as a label.
func cut(n int, merges []merge, keep func(step int, m merge) bool) []string {
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		if parent[i] != i {
			parent[i] = find(parent[i])
		}
		return parent[i]
	}
	for step, m := range merges {
		if !keep(step, m) {
			break
		}
		parent[find(m.b)] = find(m.a)
	}
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprint(find(i))
	}
	return out
}

// baselineScores scores the baseline against truth twice: cut to k clusters (the number Themes
// made, counting each unthemed statement as its own), and cut at the similarity threshold that
// scores best against truth itself, an oracle no real run has, which can only flatter it.
type baselineScores struct {
	ariK, nmiK       float64
	ariBest, nmiBest float64
	bestThreshold    float64
	bestClusters     int
}

func scoreBaseline(texts, truth []string, k int) baselineScores {
	merges := averageLink(baselineVectors(texts))
	n := len(texts)
	byK := cut(n, merges, func(step int, _ merge) bool { return n-step > k })
	s := baselineScores{ariK: AdjustedRandIndex(truth, byK), nmiK: NormalizedMutualInfo(truth, byK), ariBest: -1}
	for t := 0.05; t < 0.96; t += 0.05 {
		labels := cut(n, merges, func(_ int, m merge) bool { return m.sim >= t })
		if ari := AdjustedRandIndex(truth, labels); ari > s.ariBest {
			s.ariBest, s.nmiBest, s.bestThreshold = ari, NormalizedMutualInfo(truth, labels), t
			s.bestClusters = len(distinct(labels))
		}
	}
	return s
}

// themeLabels returns, for each (review ID, factor) of keys, the theme Themes put it in, or a
// label of its own when it is unthemed; and how many clusters that makes.
func themeLabels(set ThemeSet, keys []ThemeMember) ([]string, int) {
	of := map[string]string{}
	key := func(m ThemeMember) string { return m.ReviewID + "\x00" + fmt.Sprint(m.Factor) }
	for _, t := range set.Themes {
		for _, m := range t.Members {
			of[key(m)] = t.ID
		}
	}
	out := make([]string, len(keys))
	clusters := map[string]bool{}
	for i, k := range keys {
		l, ok := of[key(k)]
		if !ok {
			l = "unthemed:" + key(k)
		}
		out[i] = l
		clusters[l] = true
	}
	return out, len(clusters)
}

// normaliseLabel sorts the parts of a multi-valued label, so "a; b" and "b; a" are one label.
func normaliseLabel(s string) string {
	parts := strings.Split(s, ";")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	slices.SortFunc(parts, cmp.Compare)
	return strings.Join(parts, "; ")
}
