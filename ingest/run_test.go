package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/store"
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const (
	reviewA = `{"id":"A-1","title":"first","kind":"incident","factors":[{"text":"disk full"}],"actions":[],"sections":{},"source":null}` + "\n"
	reviewB = `{"id":"B-1","title":"second","kind":"incident","factors":[{"text":"dns"}],"actions":[],"sections":{},"source":null}` + "\n"
)

func openStore(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "t.duckdb"), false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestRunCountsAndSkipsUnchanged(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.jsonl":         reviewA,
		"sub/b.jsonl":     reviewB,
		"bad.jsonl":       `{"id":"C-1","kind":"outage","factors":[],"actions":[],"sections":{},"source":null}` + "\n",
		"image.png":       "\x89PNG\x00\x00",
		"notes.txt":       "just words",
		"empty.md":        "",
		".git/HEAD":       "ref: refs/heads/main",
		"dup/again.jsonl": reviewA,
		"README.md":       "# Our reviews\n\nStarted 2024-01-01. Root cause: see each file.\n",
	})
	db := openStore(t)
	sum, err := Run(ctx, db, []string{dir}, Options{Now: time.Unix(0, 0), BatchSize: 2})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 8 || sum.Added != 2 || sum.Updated != 0 || sum.Unchanged != 0 || len(sum.Skipped) != 4 || len(sum.Failed) != 2 {
		t.Fatalf("first run: read %d added %d updated %d unchanged %d skipped %d failed %v; want 8 2 0 0 4 [bad, dup]",
			sum.Read, sum.Added, sum.Updated, sum.Unchanged, len(sum.Skipped), sum.Failed)
	}
	wantFail := map[string]string{
		filepath.Join(dir, "bad.jsonl"):       `kind "outage"`,
		filepath.Join(dir, "dup/again.jsonl"): `review id "A-1" is already used by ` + filepath.Join(dir, "a.jsonl"),
	}
	for _, f := range sum.Failed {
		if want, ok := wantFail[f.Path]; !ok || !strings.Contains(f.Reason, want) {
			t.Errorf("failure %s; want one of %v", f, wantFail)
		}
	}

	again, err := Run(ctx, db, []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if again.Unchanged != 2 || again.Added != 0 || again.Reviews != 0 {
		t.Errorf("second run: unchanged %d added %d reviews %d; want 2 0 0", again.Unchanged, again.Added, again.Reviews)
	}

	writeFiles(t, dir, map[string]string{"a.jsonl": strings.Replace(reviewA, "first", "first, revised", 1)})
	third, err := Run(ctx, db, []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if third.Updated != 1 || third.Unchanged != 1 {
		t.Errorf("after edit: updated %d unchanged %d; want 1 1", third.Updated, third.Unchanged)
	}
	reviews, err := db.Reviews(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(reviews) != 2 || reviews[0].Title != "first, revised" {
		t.Errorf("stored %+v; want A-1 revised and B-1", reviews)
	}
}

func TestRunDryRunWritesNothing(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.jsonl": reviewA})
	db := openStore(t)
	sum, err := Run(ctx, db, []string{dir}, Options{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	reviews, err := db.Reviews(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 1 || sum.Reviews != 1 || len(reviews) != 0 {
		t.Errorf("dry run: added %d reviews %d stored %d; want 1 1 0", sum.Added, sum.Reviews, len(reviews))
	}
}

func TestRunMissingRoot(t *testing.T) {
	db := openStore(t)
	missing := filepath.Join(t.TempDir(), "nope")
	sum, err := Run(context.Background(), db, []string{missing}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Failed) != 1 || sum.Failed[0].Path != missing || !strings.Contains(sum.Failed[0].Reason, "no such file") {
		t.Errorf("Run(missing) failed = %v; want one failure naming %s", sum.Failed, missing)
	}
}

func TestPathID(t *testing.T) {
	tests := []struct {
		rel  string
		n    int
		want string
	}{
		{"2024/03-12 Checkout Latency.md", 1, "2024-03-12-checkout-latency"},
		{"a.md", 2, "a-2"},
		{"PM2022-009 - Bad AMI", 1, "pm2022-009-bad-ami"},
		{"...md", 1, "review"},
	}
	for _, tt := range tests {
		if got := (Document{Rel: tt.rel}).PathID(tt.n); got != tt.want {
			t.Errorf("PathID(%q, %d) = %q; want %q", tt.rel, tt.n, got, tt.want)
		}
	}
}

func TestRunReadsOwnershipInGithubFolder(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		".github/CODEOWNERS": "# owners\n/services/payments-api/ @fernhill/payments\n",
		".git/CODEOWNERS":    "/services/payments-api/ @someone-else\n",
	})
	db := openStore(t)
	sum, err := Run(context.Background(), db, []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 1 || sum.Formats["codeowners"] != 1 || sum.Catalog.Ownership != 1 {
		t.Errorf("Run(.github/CODEOWNERS, .git/CODEOWNERS) read %d, formats %v, ownership %d; want 1, codeowners 1, 1",
			sum.Read, sum.Formats, sum.Catalog.Ownership)
	}
}

func TestRunReportsUnreadableRowsAsWarnings(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"tracker.csv": "id,title,date,severity,root cause\n" +
			"INC-1,Checkout down,2025-01-02,SEV2,disk full\n" +
			"INC-2,Search slow,2025-01-03,SEV3\n" +
			"INC-3,Login errors,2025-01-04,SEV2,expired certificate,extra,cells\n" +
			"INC-4,Payments down,2025-01-05,SEV1,pool exhausted\n",
	})
	db := openStore(t)
	sum, err := Run(context.Background(), db, []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 1 || len(sum.Failed) != 0 || len(sum.Warnings) == 0 {
		t.Fatalf("Run(tracker with ragged rows) added %d failed %v warnings %v; want 1 document, warnings", sum.Added, sum.Failed, sum.Warnings)
	}
	for _, w := range sum.Warnings {
		if w.Path != filepath.Join(dir, "tracker.csv") || w.Line == 0 {
			t.Errorf("warning %s; want the file and a line", w)
		}
	}
	t.Logf("%d reviews, warnings %v", sum.Reviews, sum.Warnings)
}

func TestKeepReviews(t *testing.T) {
	day := time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		r    metamortem.Review
		want bool
	}{
		{"dated", metamortem.Review{ID: "notes", StartedAt: &day}, true},
		{"factor", metamortem.Review{ID: "a", Factors: []metamortem.Factor{{Text: "disk full"}}}, true},
		{"summary filed under a tag", metamortem.Review{ID: "a", Tags: []string{"cloud"}, Sections: map[string]string{"summary": "DNS failed."}}, true},
		{"summary alone", metamortem.Review{ID: "notes", Sections: map[string]string{"summary": "Welcome to our reviews."}}, false},
		{"summary with its own id", metamortem.Review{ID: "0afb9162", Sections: map[string]string{"summary": "An upstream update broke pinned packages."}}, true},
		{"tag alone", metamortem.Review{ID: "notes", Tags: []string{"cloud"}}, false},
		{"nothing", metamortem.Review{ID: "notes", Title: "Notes"}, false},
		{"own id, no summary", metamortem.Review{ID: "INC-7", Title: "Notes"}, false},
	}
	for _, tt := range tests {
		doc := NewDocument("reviews/notes.md", "notes.md", nil)
		if got := len(keepReviews(doc, []metamortem.Review{tt.r})) == 1; got != tt.want {
			t.Errorf("keepReviews(%s) kept = %v; want %v", tt.name, got, tt.want)
		}
	}
	for _, name := range []string{"PMyyyy-nnn - Postmortem template.md", "investigations/TEMPLATE.md", "2024/template-v2.md"} {
		if !templateFile(name) {
			t.Errorf("templateFile(%q) = false; want true", name)
		}
	}
	for _, name := range []string{"2024/templates-service-outage.md", "2024/db-outage.md", "templated-emails-delayed.md"} {
		if templateFile(name) {
			t.Errorf("templateFile(%q) = true; want false", name)
		}
	}
}

// A file whose size and modification time match the store's is not read again; a change that
// keeps the size but moves the modification time is read, and replaces the review.
func TestRunSkipsBySizeAndModificationTime(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "a.jsonl")
	writeFiles(t, dir, map[string]string{"a.jsonl": reviewA})
	stamp := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	if err := os.Chtimes(path, stamp, stamp); err != nil {
		t.Fatal(err)
	}
	db := openStore(t)
	if _, err := Run(ctx, db, []string{dir}, Options{}); err != nil {
		t.Fatal(err)
	}
	same := strings.Replace(reviewA, "first", "FIRST", 1) // same size
	writeFiles(t, dir, map[string]string{"a.jsonl": same})
	if err := os.Chtimes(path, stamp, stamp); err != nil {
		t.Fatal(err)
	}
	sum, err := Run(ctx, db, []string{dir}, Options{})
	if err != nil || sum.Unchanged != 1 {
		t.Fatalf("same size and time: unchanged %d, %v; want 1 (not read)", sum.Unchanged, err)
	}
	// Touched, bytes unchanged: read once, then known by the new time.
	touched := stamp.Add(time.Hour)
	writeFiles(t, dir, map[string]string{"a.jsonl": reviewA})
	os.Chtimes(path, stamp, stamp)
	if _, err := Run(ctx, db, []string{dir}, Options{}); err != nil { // stores A as it is now
		t.Fatal(err)
	}
	if err := os.Chtimes(path, touched, touched); err != nil {
		t.Fatal(err)
	}
	if sum, err := Run(ctx, db, []string{dir}, Options{}); err != nil || sum.Unchanged != 1 {
		t.Fatalf("touched: unchanged %d, %v; want 1", sum.Unchanged, err)
	}
	stamps, err := db.DocumentStamps(ctx)
	if err != nil || !stamps[path].Modified.Equal(touched) {
		t.Fatalf("after a touch, stored time %v, %v; want %v (restamped)", stamps[path].Modified, err, touched)
	}
	writeFiles(t, dir, map[string]string{"a.jsonl": same})
	later := touched.Add(time.Minute)
	if err := os.Chtimes(path, later, later); err != nil {
		t.Fatal(err)
	}
	sum, err = Run(ctx, db, []string{dir}, Options{})
	if err != nil || sum.Updated != 1 {
		t.Fatalf("new time: updated %d, %v; want 1", sum.Updated, err)
	}
	reviews, err := db.Reviews(ctx)
	if err != nil || len(reviews) != 1 || reviews[0].Title != "FIRST" {
		t.Errorf("stored %+v, %v; want the changed title FIRST", reviews, err)
	}
}
