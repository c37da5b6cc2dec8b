package analysis_test

import (
	"context"
	"os"
	"testing"

	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/analysis"
	"github.com/metamortem/metamortem/store"
)

// benchCorpus loads the reviews and catalog of the database METAMORTEM_BENCH_DB names (such as
// a 100,000-review synthetic corpus), or skips the benchmark when it is unset.
func benchCorpus(b *testing.B) ([]metamortem.Review, metamortem.Catalog) {
	b.Helper()
	path := os.Getenv("METAMORTEM_BENCH_DB")
	if path == "" {
		b.Skip("set METAMORTEM_BENCH_DB to a database of reviews to run this benchmark")
	}
	ctx := context.Background()
	db, err := store.Open(ctx, path, true)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	cat, err := db.Catalog(ctx)
	if err != nil {
		b.Fatal(err)
	}
	reviews, err := db.Reviews(ctx)
	if err != nil {
		b.Fatal(err)
	}
	return reviews, cat
}

// BenchmarkPeopleAnalyses runs each analysis of people, and Quality, over every review of
// METAMORTEM_BENCH_DB.
func BenchmarkPeopleAnalyses(b *testing.B) {
	reviews, cat := benchCorpus(b)
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
