package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/metamortem/metamortem/store"
)

// killCorpus writes n small reviews, one per file.
func killCorpus(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		body := fmt.Sprintf(`---
id: K-%05d
title: Incident %d
started_at: 2025-%02d-%02dT10:00:00Z
severity: SEV%d
components: [svc-%d]
---

# Incident %d

## Timeline

| Time | Event |
|---|---|
| 2025-%02d-%02d 10:00 | alert fired |
| 2025-%02d-%02d 10:40 | recovered |

## Contributing Factors

- connection pool exhausted on svc-%d
- retry storm after the first timeouts

## Action Items

- [ ] Cap retries (@owner%d) FIX-%d
`, i, i, i%12+1, i%28+1, i%3+1, i%17, i, i%12+1, i%28+1, i%12+1, i%28+1, i%17, i%5, i)
		sub := filepath.Join(dir, fmt.Sprintf("%02d", i%10))
		os.MkdirAll(sub, 0o755)
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("k-%05d.md", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestKillDuringIngest kills `metamortem ingest` with SIGKILL at random points, 20 times. After
// every kill the database must open, hold only whole batches (ingest commits 256 documents per
// transaction), and be consistent: every document has its review and every child row its
// review. A final run must complete the ingest, and one more must find nothing to do.
func TestKillDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("kills ingest 20 times; skipped under -short")
	}
	bin, err := exec.LookPath("metamortem")
	if err != nil {
		t.Fatalf("the metamortem test command is not on PATH: %v", err)
	}
	const files, batch = 2000, 256
	corpus := killCorpus(t, files)

	// How long does an uninterrupted ingest take here? Kills land anywhere in that span.
	begin := time.Now()
	if out, err := exec.Command(bin, "--db", filepath.Join(t.TempDir(), "full.duckdb"), "ingest", corpus).CombinedOutput(); err != nil {
		t.Fatalf("full ingest: %v\n%s", err, out)
	}
	full := time.Since(begin)
	t.Logf("an uninterrupted ingest of %d files took %s", files, full)

	rng := rand.New(rand.NewPCG(7, 11))
	for i := range 20 {
		db := filepath.Join(t.TempDir(), fmt.Sprintf("killed-%02d.duckdb", i))
		cmd := exec.Command(bin, "--db", db, "ingest", corpus)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int64N(int64(full))))
		cmd.Process.Kill()
		cmd.Wait()
		docs := checkConsistent(t, db)
		if docs%batch != 0 && docs != files {
			t.Fatalf("kill %d: %d documents stored; want a multiple of the batch size %d (or all %d)", i, docs, batch, files)
		}
		t.Logf("kill %d: %d documents committed", i, docs)
		if i%5 == 4 {
			completes(t, bin, db, corpus, files)
		}
	}
}

// completes runs ingest to the end on a database a kill left behind, checks that it then holds
// every document, and that one more run finds nothing to do.
func completes(t *testing.T, bin, db, corpus string, files int) {
	t.Helper()
	if out, err := exec.Command(bin, "--db", db, "ingest", corpus).CombinedOutput(); err != nil {
		t.Fatalf("ingest after a kill: %v\n%s", err, out)
	}
	if docs := checkConsistent(t, db); docs != files {
		t.Fatalf("after a full run: %d documents; want %d", docs, files)
	}
	out, err := exec.Command(bin, "--db", db, "ingest", corpus).CombinedOutput()
	want := fmt.Sprintf("read %d documents: 0 added, 0 updated, %d unchanged, 0 skipped, 0 failed", files, files)
	if err != nil || !slices.Contains(strings.Split(string(out), "\n"), want) {
		t.Fatalf("re-ingest: %v\n%s", err, out)
	}
}

// checkConsistent opens the database (replaying its log), checks that documents, reviews and
// child rows agree, and returns the number of documents.
func checkConsistent(t *testing.T, path string) int {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, path, false)
	if err != nil {
		t.Fatalf("open after kill: %v", err)
	}
	db.Close()
	ro, err := store.Open(ctx, path, true)
	if err != nil {
		t.Fatalf("open read-only after kill: %v", err)
	}
	defer ro.Close()
	res, err := ro.Query(ctx, `SELECT
		(SELECT count(*) FROM documents),
		(SELECT count(*) FROM reviews),
		(SELECT count(*) FROM reviews r WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.path = r.doc_path)),
		(SELECT count(*) FROM factors f WHERE NOT EXISTS (SELECT 1 FROM reviews r WHERE r.id = f.review_id)),
		(SELECT count(*) FROM actions a WHERE NOT EXISTS (SELECT 1 FROM reviews r WHERE r.id = a.review_id)),
		(SELECT count(*) FROM factors)`)
	if err != nil {
		t.Fatal(err)
	}
	row := res.Rows[0]
	docs, reviews, orphanReviews, orphanFactors, orphanActions, factors := row[0].(int64), row[1].(int64), row[2], row[3], row[4], row[5].(int64)
	if docs != reviews || orphanReviews != int64(0) || orphanFactors != int64(0) || orphanActions != int64(0) || factors != 2*reviews {
		t.Fatalf("inconsistent database: %d documents, %d reviews, %v orphan reviews, %v orphan factors, %v orphan actions, %d factors",
			docs, reviews, orphanReviews, orphanFactors, orphanActions, factors)
	}
	return int(docs)
}
