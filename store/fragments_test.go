package store

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/metamortem/metamortem"
)

func TestFragmentsAttachAndReplace(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	review := fullReview("INC-1")
	tickets := func(status metamortem.ActionStatus) Document {
		return Document{Path: "jira.json", Format: "jira", SHA256: string(status), Raw: []byte("{}"),
			Fragments: []metamortem.Review{{ID: "INC-1", Actions: []metamortem.Action{{Text: "FERN-9 add pool alert", Status: status, Ticket: "FERN-9"}}}}}
	}
	// The fragment document sorts before the review's own ("jira.json" < "reviews/a.md") and
	// is written first: the review's own actions must still come first.
	if err := db.Write(ctx, []Document{tickets(metamortem.ActionOpen)}, time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	if err := db.Write(ctx, []Document{{Path: "reviews/a.md", Format: "markdown", SHA256: "1", Raw: []byte("#"), Reviews: []metamortem.Review{review}}}, time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	if err := db.Write(ctx, []Document{tickets(metamortem.ActionDone)}, time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	got, err := db.Reviews(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := append(append([]metamortem.Action{}, review.Actions...),
		metamortem.Action{Text: "FERN-9 add pool alert", Status: metamortem.ActionDone, Ticket: "FERN-9"})
	if len(got) != 1 || !reflect.DeepEqual(got[0].Actions, want) {
		t.Fatalf("actions = %+v; want %+v", got[0].Actions, want)
	}
}

func TestCatalogRoundTrip(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	cat := metamortem.Catalog{
		Components: []metamortem.CatalogComponent{{Name: "payments-api", Title: "Payments API", Owner: "payments", System: "checkout", Aliases: []string{"payments"}}},
		Teams:      []metamortem.Team{{Name: "payments", Title: "Payments", Parent: "commerce", Members: []string{"praman"}, Aliases: []string{}}},
		People:     []metamortem.CatalogPerson{{Name: "praman", Title: "Priya Raman", Email: "priya@fernhill.example", Teams: []string{"payments"}, Aliases: []string{"PR", "@praman"}}},
		Ownership:  []metamortem.Ownership{{Pattern: "/services/payments/", Owners: []string{"@fernhill/payments"}, Source: "codeowners"}},
	}
	if err := db.Write(ctx, []Document{{Path: "catalog-info.yaml", Format: "backstage", SHA256: "1", Raw: []byte("x"), Catalog: cat}}, time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	got, err := db.Catalog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cat.Teams[0].Aliases = nil // an empty list reads back as nil
	if !reflect.DeepEqual(got, cat) {
		t.Errorf("Catalog() =\n%+v\nwant\n%+v", got, cat)
	}
	// Rewriting the document with an empty catalog removes its entries.
	if err := db.Write(ctx, []Document{{Path: "catalog-info.yaml", Format: "backstage", SHA256: "2", Raw: []byte("y")}}, time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	if got, err := db.Catalog(ctx); err != nil || !got.Empty() {
		t.Errorf("after replace: Catalog() = %+v, %v; want empty", got, err)
	}
}
