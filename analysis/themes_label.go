package analysis

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// labelSim is the least cosine similarity between a cluster's centroid and a taxonomy entry's
// phrases for the cluster to join that entry's theme.
const labelSim = 0.4

// closestEntries returns, for each community, the taxonomy entry its centroid is most similar
// to if that similarity reaches labelSim, else -1.
func closestEntries(tax *Taxonomy, model *tfidfModel, vecs []sparseVector, weights []float64, groups []int) []int {
	n := slices.Max(groups) + 1
	out := make([]int, n)
	for c := range out {
		out[c] = -1
	}
	if len(tax.Entries) == 0 {
		return out
	}
	entryVecs := make([]sparseVector, len(tax.Entries))
	for e, entry := range tax.Entries {
		var doc []string
		for _, p := range entry.Phrases {
			doc = append(doc, terms(phraseStems(p))...)
		}
		entryVecs[e] = model.vector(doc)
	}
	members := make([][]int, n)
	for k, c := range groups {
		members[c] = append(members[c], k)
	}
	for c, ks := range members {
		vs := make([]sparseVector, len(ks))
		ws := make([]float64, len(ks))
		for j, k := range ks {
			vs[j], ws[j] = vecs[k], weights[k]
		}
		centroid := sumVectors(vs, ws)
		best, bestSim := -1, labelSim
		for e, ev := range entryVecs {
			if sim := centroid.dot(ev); sim >= bestSim && (best < 0 || sim > bestSim) {
				best, bestSim = e, sim
			}
		}
		out[c] = best
	}
	return out
}

// labelFn returns a function that names a group of statements (given as indices into the
// statements whose points pts describes) by its most characteristic terms: class-based TF-IDF,
// a term's frequency in the group times log(1 + A / its frequency in all statements), A being
// the mean number of terms per group. Stems are shown as the word they most often came from.
func labelFn(model *tfidfModel, pts points, surface map[string]int, groups int) func(members []int) string {
	freq := make([]float64, len(model.terms))
	var total float64
	for i, doc := range pts.terms {
		for _, t := range doc {
			freq[model.index[t]] += pts.weights[i]
			total += pts.weights[i]
		}
	}
	avg := total / float64(max(1, groups))
	words := surfaceWords(surface)
	return func(members []int) string {
		tf := map[int32]float64{}
		for _, s := range members {
			for _, t := range pts.terms[pts.of[s]] {
				tf[model.index[t]]++
			}
		}
		type scored struct {
			term  int32
			score float64
		}
		var ranked []scored
		for t, n := range tf {
			if n < 2 && len(members) > 1 {
				continue
			}
			ranked = append(ranked, scored{t, n * math.Log(1+avg/freq[t])})
		}
		slices.SortFunc(ranked, func(a, b scored) int {
			ta, tb := model.terms[a.term], model.terms[b.term]
			return cmp.Or(cmp.Compare(b.score, a.score), -cmp.Compare(strings.Count(ta, " "), strings.Count(tb, " ")), strings.Compare(ta, tb))
		})
		var chosen []string
		for _, r := range ranked {
			if len(chosen) == 3 {
				break
			}
			term := model.terms[r.term]
			if covered(term, chosen) {
				continue
			}
			chosen = append(chosen, term)
		}
		var out []string
		for _, phrase := range chainTerms(chosen) {
			var parts []string
			for _, s := range phrase {
				parts = append(parts, words[s])
			}
			out = append(out, strings.Join(parts, " "))
		}
		if len(out) == 0 {
			return "unlabelled"
		}
		return strings.Join(out, ", ")
	}
}

// chainTerms turns chosen terms into phrases of stems: a unigram inside a chosen bigram is
// dropped, and bigrams that overlap end to start ("frobnic gizmo", "gizmo jam") are joined
// ("frobnic gizmo jam"). The phrases keep the order of their first term.
func chainTerms(chosen []string) [][]string {
	var phrases [][]string
	for _, c := range chosen {
		if !isBigram(c) && slices.ContainsFunc(chosen, func(b string) bool { return isBigram(b) && slices.Contains(strings.Fields(b), c) }) {
			continue
		}
		phrases = append(phrases, strings.Fields(c))
	}
	for joined := true; joined; {
		joined = false
		for i := 0; i < len(phrases) && !joined; i++ {
			for j := 0; j < len(phrases) && !joined; j++ {
				a, b := phrases[i], phrases[j]
				if i != j && len(a) > 1 && len(b) > 1 && a[len(a)-1] == b[0] {
					phrases[min(i, j)] = append(slices.Clone(a), b[1:]...)
					phrases = slices.Delete(phrases, max(i, j), max(i, j)+1)
					joined = true
				}
			}
		}
	}
	return phrases
}

// covered reports whether term adds nothing to the chosen terms: a unigram already in a chosen
// bigram, or a bigram whose stems are both chosen.
func covered(term string, chosen []string) bool {
	have := map[string]bool{}
	for _, c := range chosen {
		for _, s := range strings.Fields(c) {
			have[s] = true
		}
	}
	for _, s := range strings.Fields(term) {
		if !have[s] {
			return false
		}
	}
	return true
}

// surfaceWords maps each stem to the word, of those counted in surface, it most often came
// from, the first in sorted order on a tie.
func surfaceWords(surface map[string]int) map[string]string {
	out := map[string]string{}
	bestN := map[string]int{}
	for w, n := range surface {
		s := stem(w)
		if best, ok := out[s]; !ok || n > bestN[s] || n == bestN[s] && w < best {
			out[s], bestN[s] = w, n
		}
	}
	return out
}
