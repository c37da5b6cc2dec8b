package reports

import (
	"io"
	"sync"
	"testing"

	"github.com/metamortem/metamortem/analysis"
	"github.com/metamortem/metamortem/store/storetest"
)

// BenchmarkSections works out, over METAMORTEM_BENCH_DB's latest quarter, each part of the
// quarterly report that is not the themes, classes or finalise analyses, one at a time; and
// all of them as NewQuarterly does, at once ("people"), from a fresh input each time.
func BenchmarkSections(b *testing.B) {
	reviews, cat := storetest.Corpus(b)
	opts := QuarterlyOptions{}
	fresh := func() input {
		in, _ := newInput(reviews, cat, opts)
		return in
	}
	for _, bm := range []struct {
		name string
		run  func(in input)
	}{
		{"input", func(input) { fresh() }},
		{"names", func(input) { newNamer(false, "", reviews, cat) }},
		{"addnames", func(in input) {
			o := analysis.ThemeOptions{}
			o.AddNames(cat, reviews)
		}},
		{"glance", func(in input) { newGlance(in) }},
		{"knowledge", func(in input) { newKnowledge(in) }},
		{"ownership", func(in input) { newOwnership(in) }},
		{"actions", func(in input) { newActions(in) }},
		{"quality", func(in input) { newQuality(in) }},
		{"all", func(in input) {
			var wg sync.WaitGroup
			wg.Go(func() { newGlance(in) })
			wg.Go(func() { newKnowledge(in) })
			wg.Go(func() { newOwnership(in) })
			wg.Go(func() { newActions(in) })
			wg.Go(func() { newQuality(in) })
			wg.Wait()
		}},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				in := fresh()
				b.StartTimer()
				bm.run(in)
			}
		})
	}
}

// BenchmarkWrite writes METAMORTEM_BENCH_DB's latest quarter's report in each format.
func BenchmarkWrite(b *testing.B) {
	reviews, cat := storetest.Corpus(b)
	q := NewQuarterly(reviews, cat, QuarterlyOptions{})
	for _, bm := range []struct {
		name  string
		write func(io.Writer, Quarterly) error
	}{
		{"html", func(w io.Writer, q Quarterly) error { return WriteHTML(w, q, Options{}) }},
		{"md", WriteMarkdown},
		{"json", WriteJSON},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := bm.write(io.Discard, q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
