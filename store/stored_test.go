package store

import (
	"context"
	"reflect"
	"testing"
	"time"
)

// TestReviewOwnersFollowWrites checks the owners ReviewOwners reports after replaced
// documents, a failed batch and a reopening of the database (which reads them from the tables
// rather than keeping them).
func TestReviewOwnersFollowWrites(t *testing.T) {
	ctx := context.Background()
	db, path := openTemp(t)
	doc := func(path, sha string, ids ...string) Document {
		d := Document{Path: path, Format: "markdown", SHA256: sha, Raw: []byte(sha)}
		for _, id := range ids {
			d.Reviews = append(d.Reviews, fullReview(id))
		}
		return d
	}
	for _, batch := range [][]Document{
		{doc("a.md", "1", "A-1", "A-2"), doc("b.md", "2", "B-1")},
		{doc("a.md", "3", "A-1")}, // A-2 is no longer stored
		{doc("c.md", "4", "A-2")}, // so another document may take it
		{doc("b.md", "5", "B-2")}, // B-1 goes, B-2 comes
	} {
		if err := db.Write(ctx, batch, time.Unix(0, 0)); err != nil {
			t.Fatalf("Write(%s) = %v", batch[0].SHA256, err)
		}
	}
	bad := doc("d.md", "6", "D-1")
	bad.Reviews[0].Title = "broken \xff title"
	if err := db.Write(ctx, []Document{doc("a.md", "7", "A-9"), bad}, time.Unix(0, 0)); err == nil {
		t.Fatal("Write(batch with invalid UTF-8) = nil; want an error")
	}
	ids := []string{"A-1", "A-2", "A-9", "B-1", "B-2", "D-1"}
	want := map[string]string{"A-1": "a.md", "A-2": "c.md", "B-2": "b.md"}
	got, err := db.ReviewOwners(ctx, ids)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("ReviewOwners(%q) = %v, %v; want %v", ids, got, err, want)
	}
	db.Close()
	reopened, err := Open(ctx, path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer reopened.Close()
	got, err = reopened.ReviewOwners(ctx, ids)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("after reopening, ReviewOwners(%q) = %v, %v; want %v", ids, got, err, want)
	}
	// Writing through the reopened handle replaces what it read from the tables.
	if err := reopened.Write(ctx, []Document{doc("c.md", "8")}, time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	got, err = reopened.ReviewOwners(ctx, []string{"A-2"})
	if want := map[string]string{}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("after emptying c.md, ReviewOwners([A-2]) = %v, %v; want %v", got, err, want)
	}
	reviews, err := reopened.Reviews(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var stored []string
	for _, r := range reviews {
		stored = append(stored, r.ID)
	}
	if want := []string{"A-1", "B-2"}; !reflect.DeepEqual(stored, want) {
		t.Errorf("stored reviews = %q; want %q", stored, want)
	}
}
