package analysis

import (
	"math"
	"slices"
	"strings"
)

// Statements are compared as TF-IDF vectors over their unigrams and bigrams: sublinear term
// frequency (1 + ln tf), smoothed inverse document frequency (ln((1+N)/(1+df)) + 1) and unit
// length. Vectors are sparse, as most statements use a dozen terms out of tens of thousands.

// sparseVector holds the non-zero entries of a vector, by increasing index.
type sparseVector struct {
	index []int32
	value []float64
}

// dot returns the dot product of v and w, which for unit vectors is their cosine similarity.
func (v sparseVector) dot(w sparseVector) float64 {
	var sum float64
	i, j := 0, 0
	for i < len(v.index) && j < len(w.index) {
		switch a, b := v.index[i], w.index[j]; {
		case a == b:
			sum += v.value[i] * w.value[j]
			i++
			j++
		case a < b:
			i++
		default:
			j++
		}
	}
	return sum
}

// normalize scales v to unit length in place; a zero vector is left as it is.
func (v sparseVector) normalize() {
	var sq float64
	for _, x := range v.value {
		sq += x * x
	}
	if sq == 0 {
		return
	}
	n := math.Sqrt(sq)
	for i := range v.value {
		v.value[i] /= n
	}
}

// sumVectors returns the weighted sum of vs, normalised to unit length.
func sumVectors(vs []sparseVector, weights []float64) sparseVector {
	acc := map[int32]float64{}
	for k, v := range vs {
		for i, idx := range v.index {
			acc[idx] += weights[k] * v.value[i]
		}
	}
	out := sparseVector{index: make([]int32, 0, len(acc))}
	for idx := range acc {
		out.index = append(out.index, idx)
	}
	slices.Sort(out.index)
	out.value = make([]float64, len(out.index))
	for i, idx := range out.index {
		out.value[i] = acc[idx]
	}
	out.normalize()
	return out
}

// tfidfModel is a vocabulary in sorted term order with each term's inverse document frequency.
type tfidfModel struct {
	terms []string
	index map[string]int32
	df    []float64 // weighted number of documents holding each term
	idf   []float64
	n     float64 // weighted number of documents
}

// newTFIDF builds the model of docs, each a list of terms with repeats, where document k stands
// for weights[k] identical documents.
func newTFIDF(docs [][]string, weights []float64) *tfidfModel {
	df := map[string]float64{}
	m := &tfidfModel{}
	for k, doc := range docs {
		for _, t := range distinct(doc) {
			df[t] += weights[k]
		}
		m.n += weights[k]
	}
	m.terms = make([]string, 0, len(df))
	for t := range df {
		m.terms = append(m.terms, t)
	}
	slices.Sort(m.terms)
	m.index = make(map[string]int32, len(m.terms))
	m.df = make([]float64, len(m.terms))
	m.idf = make([]float64, len(m.terms))
	for i, t := range m.terms {
		m.index[t] = int32(i)
		m.df[i] = df[t]
		m.idf[i] = math.Log((1+m.n)/(1+df[t])) + 1
	}
	return m
}

// vector returns the unit TF-IDF vector of a document's terms; terms outside the vocabulary are
// ignored.
func (m *tfidfModel) vector(doc []string) sparseVector {
	sorted := slices.Clone(doc)
	slices.Sort(sorted)
	v := sparseVector{}
	for i := 0; i < len(sorted); {
		j := i
		for j < len(sorted) && sorted[j] == sorted[i] {
			j++
		}
		if idx, ok := m.index[sorted[i]]; ok {
			v.index = append(v.index, idx)
			v.value = append(v.value, (1+math.Log(float64(j-i)))*m.idf[idx])
		}
		i = j
	}
	sortVector(v)
	v.normalize()
	return v
}

// sortVector orders v's entries by index.
func sortVector(v sparseVector) {
	order := make([]int, len(v.index))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return int(v.index[a] - v.index[b]) })
	idx, val := slices.Clone(v.index), slices.Clone(v.value)
	for i, o := range order {
		v.index[i], v.value[i] = idx[o], val[o]
	}
}

// distinct returns the different strings of xs, sorted.
func distinct(xs []string) []string {
	out := slices.Clone(xs)
	slices.Sort(out)
	return slices.Compact(out)
}

// term returns the term at index i, for labels and debugging.
func (m *tfidfModel) term(i int32) string { return m.terms[i] }

// isBigram reports whether a term is two stems.
func isBigram(term string) bool { return strings.IndexByte(term, ' ') >= 0 }
