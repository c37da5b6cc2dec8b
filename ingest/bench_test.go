package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/metamortem/metamortem/store"
)

// fixtureDocs reads the bundled fixture reviews.
func fixtureDocs(b *testing.B) ([]Document, int64) {
	b.Helper()
	root := filepath.Join("..", "fixtures", "reviews")
	files, failures := walk([]string{root})
	if len(failures) > 0 || len(files) == 0 {
		b.Fatalf("walk(%s) = %d files, failures %v", root, len(files), failures)
	}
	var docs []Document
	var size int64
	for _, f := range files {
		data, err := os.ReadFile(f.path)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, NewDocument(f.path, f.rel, data))
		size += int64(len(data))
	}
	return docs, size
}

// BenchmarkParseMarkdown is the parse-only floor: detect and parse every fixture review.
func BenchmarkParseMarkdown(b *testing.B) {
	docs, size := fixtureDocs(b)
	b.SetBytes(size)
	for b.Loop() {
		for _, d := range docs {
			f, ok := Detect(d.Path, d.Data)
			if !ok {
				b.Fatalf("%s: not detected", d.Path)
			}
			if _, err := f.Parse(d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkIngestFixtures ingests the fixture reviews into a fresh database file each time.
func BenchmarkIngestFixtures(b *testing.B) {
	_, size := fixtureDocs(b)
	root := filepath.Join("..", "fixtures", "reviews")
	b.SetBytes(size)
	for b.Loop() {
		b.StopTimer()
		db, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "b.duckdb"), false)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		sum, err := Run(context.Background(), db, []string{root}, Options{Now: time.Unix(0, 0)})
		if err != nil || len(sum.Failed) > 0 {
			b.Fatalf("Run = %v, failed %v", err, sum.Failed)
		}
		db.Close()
	}
}
