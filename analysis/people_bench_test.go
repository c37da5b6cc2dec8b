package analysis_test

import (
	"testing"

	"github.com/metamortem/metamortem/analysis"
	"github.com/metamortem/metamortem/store/storetest"
)

// BenchmarkPeopleAnalyses runs each analysis of people, and Quality, over every review of
// METAMORTEM_BENCH_DB.
func BenchmarkPeopleAnalyses(b *testing.B) {
	reviews, cat := storetest.Corpus(b)
	for _, bm := range []struct {
		name string
		run  func()
	}{
		{"Experts", func() { analysis.Experts(reviews, cat, analysis.ExpertsOptions{}) }},
		{"Owners", func() { analysis.Owners(reviews, cat, analysis.OwnersOptions{}) }},
		{"Actions", func() { analysis.Actions(reviews, cat, analysis.ActionsOptions{}) }},
		{"Quality", func() { analysis.Quality(reviews, analysis.QualityOptions{}) }},
		{"AddNames", func() {
			var o analysis.ThemeOptions
			o.AddNames(cat, reviews)
		}},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				bm.run()
			}
		})
	}
}
