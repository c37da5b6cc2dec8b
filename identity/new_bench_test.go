package identity_test

import (
	"context"
	"os"
	"testing"

	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/identity"
	"github.com/metamortem/metamortem/store"
)

// benchReviews loads the reviews and catalog of the database METAMORTEM_BENCH_DB names (such as
// a 100,000-review synthetic corpus), or skips the benchmark when it is unset.
func benchReviews(b *testing.B) (metamortem.Catalog, []metamortem.Review) {
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
	return cat, reviews
}

// BenchmarkNew builds a Resolver over every review of METAMORTEM_BENCH_DB.
func BenchmarkNew(b *testing.B) {
	cat, reviews := benchReviews(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		identity.New(cat, reviews)
	}
}

// BenchmarkApply resolves every review of METAMORTEM_BENCH_DB.
func BenchmarkApply(b *testing.B) {
	cat, reviews := benchReviews(b)
	res := identity.New(cat, reviews)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res.Apply(reviews)
	}
}
