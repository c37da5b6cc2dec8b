package store

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/metamortem/metamortem"
)

// BenchmarkReviews loads every review of the database named by METAMORTEM_BENCH_DB (for
// example a copy of the scale benchmark's 100,000-review database), read-only.
func BenchmarkReviews(b *testing.B) {
	db, ctx := openBench(b)
	for b.Loop() {
		reviews, err := db.Reviews(ctx)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(reviews)), "reviews")
	}
}

// BenchmarkReviewsSummary loads the reviews as themes, classes and finalise do: with only the
// summary section.
func BenchmarkReviewsSummary(b *testing.B) {
	db, ctx := openBench(b)
	for b.Loop() {
		if _, err := db.ReviewsWith(ctx, ReviewsOptions{Sections: []string{"summary"}}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReviewsReport loads the reviews as the report does: every review with only the
// summary section, then every section of about a quarter's reviews (those that started in the
// 92 days up to the latest start).
func BenchmarkReviewsReport(b *testing.B) {
	db, ctx := openBench(b)
	for b.Loop() {
		reviews, err := db.ReviewsWith(ctx, ReviewsOptions{Sections: []string{"summary"}})
		if err != nil {
			b.Fatal(err)
		}
		var latest time.Time
		for _, r := range reviews {
			if r.StartedAt != nil && r.StartedAt.After(latest) {
				latest = *r.StartedAt
			}
		}
		var fill []*metamortem.Review
		for i, r := range reviews {
			if r.StartedAt != nil && r.StartedAt.After(latest.AddDate(0, 0, -92)) {
				fill = append(fill, &reviews[i])
			}
		}
		if err := db.FillSections(ctx, fill); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(fill)), "filled")
	}
}

// openBench opens the database METAMORTEM_BENCH_DB names, read-only, until b ends, or skips b.
// (storetest.Open does this for other packages; store's own tests cannot import it.)
func openBench(b *testing.B) (*DB, context.Context) {
	b.Helper()
	path := os.Getenv("METAMORTEM_BENCH_DB")
	if path == "" {
		b.Skip("METAMORTEM_BENCH_DB names no database to load")
	}
	ctx := context.Background()
	db, err := Open(ctx, path, true)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db, ctx
}
