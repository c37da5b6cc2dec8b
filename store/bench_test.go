package store

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/metamortem/metamortem"
)

// BenchmarkWriteBatches writes n reviews in ingest's 256-document transactions, with the
// ID look-up ingest makes before each batch, and reports the time per review of the first and
// the last tenth of the batches (equal figures mean the cost does not grow with the store) and
// of the whole run, opening and closing (checkpointing) the database included.
func BenchmarkWriteBatches(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				begin := time.Now()
				first, last := writeBatches(b, n)
				b.ReportMetric(float64(first.Microseconds())/256, "µs/review-first-tenth")
				b.ReportMetric(float64(last.Microseconds())/256, "µs/review-last-tenth")
				b.ReportMetric(float64(time.Since(begin).Microseconds())/float64(n), "µs/review-with-close")
			}
		})
	}
}

// benchRaw is a document of about the size of a generated Markdown review (1.1 KB), different
// for every ID so that it does not compress to nothing.
func benchRaw(id string) []byte {
	var sb strings.Builder
	for i := 0; sb.Len() < 1100; i++ {
		fmt.Fprintf(&sb, "%s line %d: the connection pool of checkout-%d was exhausted.\n", id, i, i*7919%1000)
	}
	return []byte(sb.String())
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
			docs[i] = Document{Path: r.ID + ".md", Format: "markdown", SHA256: r.ID, Raw: benchRaw(r.ID), Reviews: []metamortem.Review{r}}
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
