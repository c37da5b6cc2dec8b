// Package storetest gives benchmarks the reviews of a real database: the one the
// METAMORTEM_BENCH_DB variable names, such as a copy of the scale benchmark's 100,000-review
// database. Benchmarks that use it skip when the variable is unset.
package storetest

import (
	"context"
	"os"
	"testing"

	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/store"
)

// BenchDB is the environment variable that names the database.
const BenchDB = "METAMORTEM_BENCH_DB"

// Open opens the database BenchDB names, read-only, and closes it when tb ends; it skips tb
// when the variable is unset.
func Open(tb testing.TB) *store.DB {
	tb.Helper()
	path := os.Getenv(BenchDB)
	if path == "" {
		tb.Skip("set " + BenchDB + " to a database of reviews to run this benchmark")
	}
	db, err := store.Open(context.Background(), path, true)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// Corpus loads every review (with every section) and the catalog of the database BenchDB
// names, or skips tb when the variable is unset.
func Corpus(tb testing.TB) ([]metamortem.Review, metamortem.Catalog) {
	tb.Helper()
	db := Open(tb)
	ctx := context.Background()
	cat, err := db.Catalog(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	reviews, err := db.Reviews(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	return reviews, cat
}
