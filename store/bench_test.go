package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/metamortem/metamortem"
)

// BenchmarkWriteBatches writes n reviews in ingest's 256-document transactions, with the
// ID look-up ingest makes before each batch, and reports the time per review of the first and
// the last tenth of the batches: equal figures mean the cost does not grow with the store.
func BenchmarkWriteBatches(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				first, last := writeBatches(b, n)
				b.ReportMetric(float64(first.Microseconds())/256, "µs/review-first-tenth")
				b.ReportMetric(float64(last.Microseconds())/256, "µs/review-last-tenth")
			}
		})
	}
}

func writeBatches(b *testing.B, n int) (first, last time.Duration) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(b.TempDir(), "bench.duckdb"), false)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	batches := n / 256
	tenth := max(batches/10, 1)
	for k := range batches {
		docs := make([]Document, 256)
		ids := make([]string, 256)
		for i := range docs {
			r := fullReview(fmt.Sprintf("B-%07d", k*256+i))
			ids[i] = r.ID
			docs[i] = Document{Path: r.ID + ".md", Format: "markdown", SHA256: r.ID, Raw: []byte("# review"), Reviews: []metamortem.Review{r}}
		}
		begin := time.Now()
		if _, err := db.ReviewOwners(ctx, ids); err != nil {
			b.Fatal(err)
		}
		if err := db.Write(ctx, docs, time.Unix(0, 0)); err != nil {
			b.Fatal(err)
		}
		d := time.Since(begin)
		switch {
		case k < tenth:
			first += d
		case k >= batches-tenth:
			last += d
		}
	}
	return first / time.Duration(tenth), last / time.Duration(tenth)
}
