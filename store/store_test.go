package store

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/metamortem/metamortem"
)

func at(s string) *time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return &t
}

func fullReview(id string) metamortem.Review {
	two := 2
	return metamortem.Review{
		ID: id, Title: "Checkout latency", Kind: metamortem.KindIncident,
		Severity: "SEV2", SeverityRank: &two,
		StartedAt: at("2025-03-14T09:40:00Z"), DetectedAt: at("2025-03-14T09:52:00Z"),
		MitigatedAt: at("2025-03-14T10:30:00Z"), ResolvedAt: at("2025-03-14T11:00:00Z"),
		ReviewedAt: at("2025-03-15T09:00:00Z"),
		Components: []string{"checkout-service", "payments-api"},
		Tags:       []string{"database"},
		People:     []metamortem.Person{{Name: "Priya Raman", Role: metamortem.RoleLead}, {Name: "JK", Role: metamortem.RoleAttendee}},
		Factors:    []metamortem.Factor{{Text: "connection pool exhausted"}},
		Actions: []metamortem.Action{
			{Text: "raise pool size", Owner: "@praman", Status: metamortem.ActionDone, Due: at("2025-04-01T00:00:00Z"), Ticket: "FERN-12"},
			{Text: "add pool alert", Status: metamortem.ActionOpen},
		},
		Timeline: []metamortem.TimelineEvent{{At: at("2025-03-14T09:40:00Z"), Text: "latency rises", Actor: "pager"}, {Text: "undated note"}},
		Sections: map[string]string{"summary": "Checkout was slow.", "impact": "12% of orders failed."},
		Source:   metamortem.Source{Path: "reviews/a.md", Format: "markdown", SHA256: "abc"},
	}
}

func openTemp(t *testing.T) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test.duckdb")
	db, err := Open(context.Background(), path, false)
	if err != nil {
		t.Fatalf("Open(%q) = %v", path, err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

func TestWriteThenReadIsLossless(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	want := fullReview("INC-1")
	doc := Document{Path: "reviews/a.md", Format: "markdown", SHA256: "abc", Raw: []byte("# raw"), Reviews: []metamortem.Review{want}}
	if err := db.Write(ctx, []Document{doc}, time.Unix(0, 0)); err != nil {
		t.Fatalf("Write = %v", err)
	}
	got, err := db.Reviews(ctx)
	if err != nil {
		t.Fatalf("Reviews = %v", err)
	}
	if len(got) != 1 || !reflect.DeepEqual(got[0], want) {
		t.Fatalf("Reviews() = %+v; want [%+v]", got, want)
	}
}

func TestWriteReplacesADocumentsReviews(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	first := Document{Path: "a.md", Format: "markdown", SHA256: "1", Raw: []byte("v1"),
		Reviews: []metamortem.Review{fullReview("A-1"), fullReview("A-2")}}
	second := Document{Path: "a.md", Format: "markdown", SHA256: "2", Raw: []byte("v2"),
		Reviews: []metamortem.Review{fullReview("A-1")}}
	for _, d := range []Document{first, second} {
		if err := db.Write(ctx, []Document{d}, time.Unix(0, 0)); err != nil {
			t.Fatalf("Write(%s) = %v", d.SHA256, err)
		}
	}
	got, err := db.Reviews(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID != "A-1" || len(got[0].Actions) != 2 || len(got[0].Factors) != 1 {
		t.Fatalf("after replace: %d reviews, first %+v; want one review A-1 with 2 actions, 1 factor", len(got), got)
	}
	stamps, err := db.DocumentStamps(ctx)
	if err != nil {
		t.Fatal(err)
	}
	hashes := map[string]string{}
	for path, st := range stamps {
		hashes[path] = st.SHA256
	}
	if want := map[string]string{"a.md": "2"}; !reflect.DeepEqual(hashes, want) {
		t.Errorf("DocumentStamps() hashes = %v; want %v", hashes, want)
	}
	owners, err := db.ReviewOwners(ctx, []string{"A-1", "A-2", "nope"})
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]string{"A-1": "a.md"}; !reflect.DeepEqual(owners, want) {
		t.Errorf("ReviewOwners() = %v; want %v", owners, want)
	}
}

func TestFailedBatchLeavesNothing(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	good := Document{Path: "good.md", Format: "markdown", SHA256: "1", Raw: []byte("x"), Reviews: []metamortem.Review{fullReview("G-1")}}
	if err := db.Write(ctx, []Document{good}, time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	bad := fullReview("B-1")
	bad.Title = "broken \xff\xfe title"
	batch := []Document{
		{Path: "good.md", Format: "markdown", SHA256: "2", Raw: []byte("y"), Reviews: []metamortem.Review{fullReview("G-2")}},
		{Path: "bad.md", Format: "markdown", SHA256: "3", Raw: []byte("z"), Reviews: []metamortem.Review{bad}},
	}
	if err := db.Write(ctx, batch, time.Unix(0, 0)); err == nil {
		t.Fatal("Write(batch with invalid UTF-8) = nil; want an error")
	}
	got, err := db.Reviews(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID != "G-1" {
		t.Fatalf("after failed batch: %+v; want only G-1, untouched", got)
	}
}

func TestMigrationsAreRecordedOnce(t *testing.T) {
	ctx := context.Background()
	db, path := openTemp(t)
	db.Close()
	for range 2 {
		db, err := Open(ctx, path, false)
		if err != nil {
			t.Fatal(err)
		}
		n, err := schemaVersion(ctx, db.sql)
		db.Close()
		if err != nil || n != SchemaVersion() {
			t.Fatalf("schemaVersion = %d, %v; want %d", n, err, SchemaVersion())
		}
	}
	ro, err := Open(ctx, path, true)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	res, err := ro.Query(ctx, `SELECT count(*) FROM schema_migrations`)
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Rows[0][0]; got != int64(len(mustMigrations(t))) {
		t.Errorf("schema_migrations rows = %v; want %d", got, len(mustMigrations(t)))
	}
}

func mustMigrations(t *testing.T) []migration {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

func TestQueryCannotWrite(t *testing.T) {
	ctx := context.Background()
	db, path := openTemp(t)
	if _, err := db.Query(ctx, `SELECT 1`); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Query on a writable handle = %v; want ErrReadOnly", err)
	}
	if err := db.Write(ctx, []Document{{Path: "a.md", Format: "markdown", SHA256: "1", Raw: []byte("x"), Reviews: []metamortem.Review{fullReview("A")}}}, time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	ro, err := Open(ctx, path, true)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.Query(ctx, `DELETE FROM reviews`); err == nil {
		t.Error("Query(DELETE) on a read-only database = nil; want an error")
	}
	res, err := ro.Query(ctx, `SELECT id, started_at FROM reviews`)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 1 || res.Rows[0][0] != "A" {
		t.Errorf("Query(SELECT) = %v; want one row A", res.Rows)
	}
}

func TestOpenReadOnlyMissingFile(t *testing.T) {
	_, err := Open(context.Background(), filepath.Join(t.TempDir(), "none.duckdb"), true)
	if !errors.Is(err, ErrNoDatabase) {
		t.Errorf("Open(missing, read-only) = %v; want ErrNoDatabase", err)
	}
}

func TestExportParquet(t *testing.T) {
	ctx := context.Background()
	db, path := openTemp(t)
	docs := []Document{{Path: "a.md", Format: "markdown", SHA256: "1", Raw: []byte("x"),
		Reviews: []metamortem.Review{fullReview("A-1"), fullReview("A-2")}}}
	if err := db.Write(ctx, docs, time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	ro, err := Open(ctx, path, true)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	out := filepath.Join(t.TempDir(), "it's.parquet")
	if err := ro.ExportParquet(ctx, out); err != nil {
		t.Fatal(err)
	}
	res, err := ro.Query(ctx, `SELECT count(*), max(len(components)) FROM read_parquet(`+quoteString(out)+`)`)
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Rows[0]; got[0] != int64(2) || got[1] != int64(2) {
		t.Errorf("parquet rows, max components = %v; want 2, 2", got)
	}
}

// TestLockedByAnotherProcess holds the database open in a child process and expects Open here
// to fail with ErrLocked, for writers and readers alike.
func TestLockedByAnotherProcess(t *testing.T) {
	if os.Getenv("METAMORTEM_HOLD_DB") != "" {
		return
	}
	db, path := openTemp(t)
	db.Close() // let the child take the lock
	cmd := exec.Command(os.Args[0], "-test.run=TestHoldDatabase")
	cmd.Env = append(os.Environ(), "METAMORTEM_HOLD_DB="+path)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { stdin.Close(); cmd.Wait() }()
	buf := make([]byte, 5)
	if _, err := stdout.Read(buf); err != nil || !strings.HasPrefix(string(buf), "held") {
		t.Fatalf("child did not take the lock: %q, %v", buf, err)
	}
	for _, ro := range []bool{false, true} {
		_, err := Open(context.Background(), path, ro)
		if !errors.Is(err, ErrLocked) {
			t.Errorf("Open(locked, readOnly=%v) = %v; want ErrLocked", ro, err)
		}
	}
}

// TestHoldDatabase is the child of TestLockedByAnotherProcess: it opens the database, says
// "held", and keeps it open until its stdin closes.
func TestHoldDatabase(t *testing.T) {
	path := os.Getenv("METAMORTEM_HOLD_DB")
	if path == "" {
		t.Skip("helper process for TestLockedByAnotherProcess")
	}
	db, err := Open(context.Background(), path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	os.Stdout.WriteString("held\n")
	buf := make([]byte, 1)
	os.Stdin.Read(buf)
}
