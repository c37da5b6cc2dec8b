package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestRunCSVFormats ingests a folder holding a tracker, a Jira export and a Dispatch export:
// each is detected, the Dispatch tables are read as one document, and a second run finds
// nothing changed.
func TestRunCSVFormats(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"ops-incidents.csv", "jira-followups.csv"} {
		data, err := os.ReadFile(filepath.Join("testdata", "csv", name))
		if err != nil {
			t.Fatal(err)
		}
		writeFiles(t, dir, map[string]string{name: string(data)})
	}
	entries, err := os.ReadDir(filepath.Join("testdata", "dispatch"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join("testdata", "dispatch", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		writeFiles(t, dir, map[string]string{filepath.Join("dispatch", e.Name()): string(data)})
	}
	db := openStore(t)
	ctx := context.Background()
	sum, err := Run(ctx, db, []string{dir}, Options{Now: time.Unix(0, 0)})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"csv": 1, "jira-csv": 1, "dispatch": 1}
	for format, n := range want {
		if sum.Formats[format] != n {
			t.Errorf("Run: %d %s documents; want %d (formats %v, failed %v)", sum.Formats[format], format, n, sum.Formats, sum.Failed)
		}
	}
	if sum.Reviews != 5 || sum.Fragments != 3 || len(sum.Failed) != 0 {
		t.Errorf("Run: %d reviews, %d fragments, failed %v; want 5, 3, none", sum.Reviews, sum.Fragments, sum.Failed)
	}
	again, err := Run(ctx, db, []string{dir}, Options{Now: time.Unix(0, 0)})
	if err != nil {
		t.Fatal(err)
	}
	if again.Unchanged != 3 || again.Added+again.Updated != 0 {
		t.Errorf("second Run: unchanged %d, added %d, updated %d; want 3, 0, 0", again.Unchanged, again.Added, again.Updated)
	}
}
