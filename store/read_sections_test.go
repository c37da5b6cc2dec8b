package store

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/metamortem/metamortem"
)

func TestFillSections(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	writeOrderingCase(t, db) // INC-1: sections from its own document and two fragments; INC-2: none
	docs := []Document{{Path: "reviews/full.md", Format: "markdown", SHA256: "f", Raw: []byte("#"),
		Reviews: []metamortem.Review{
			{ID: "INC-3", Sections: map[string]string{"summary": "Checkout was slow.", "impact": "12% of orders failed."}},
			{ID: "INC-4", Sections: map[string]string{"impact": "none", "went_wrong": "paging"}},
		}}}
	if err := db.Write(ctx, docs, time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	// What a load with every section gives each review, and one with only the summary.
	whole := map[string]map[string]string{
		"INC-1": {"summary": "Checkout was slow.", "b_notes": "from b-jira.json", "z_notes": "from z-jira.json"},
		"INC-2": nil,
		"INC-3": {"summary": "Checkout was slow.", "impact": "12% of orders failed."},
		"INC-4": {"impact": "none", "went_wrong": "paging"},
	}
	summary := map[string]map[string]string{
		"INC-1": {"summary": "Checkout was slow."},
		"INC-2": nil,
		"INC-3": {"summary": "Checkout was slow."},
		"INC-4": nil,
	}
	tests := []struct {
		name string
		fill []string // the IDs of the reviews to fill; "INC-9" is not stored
		want map[string]map[string]string
	}{
		{"none", nil, summary},
		{"one with fragments", []string{"INC-1"}, map[string]map[string]string{
			"INC-1": whole["INC-1"], "INC-2": nil, "INC-3": summary["INC-3"], "INC-4": nil}},
		{"one without summary", []string{"INC-4"}, map[string]map[string]string{
			"INC-1": summary["INC-1"], "INC-2": nil, "INC-3": summary["INC-3"], "INC-4": whole["INC-4"]}},
		{"one without sections", []string{"INC-2"}, summary},
		{"several", []string{"INC-3", "INC-1", "INC-2"}, map[string]map[string]string{
			"INC-1": whole["INC-1"], "INC-2": nil, "INC-3": whole["INC-3"], "INC-4": nil}},
		{"all", []string{"INC-1", "INC-2", "INC-3", "INC-4"}, whole},
	}
	for name, read := range testReaders {
		for _, tt := range tests {
			reviews, err := db.reviews(ctx, read, ReviewsOptions{Sections: []string{"summary"}})
			if err != nil {
				t.Fatalf("%s, %s: reviews() = %v", name, tt.name, err)
			}
			var fill []*metamortem.Review
			for _, id := range tt.fill {
				for i := range reviews {
					if reviews[i].ID == id {
						fill = append(fill, &reviews[i])
					}
				}
			}
			if err := db.fillSections(ctx, read, fill); err != nil {
				t.Fatalf("%s, %s: fillSections() = %v", name, tt.name, err)
			}
			got := map[string]map[string]string{}
			for _, r := range reviews {
				got[r.ID] = r.Sections
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s, %s: fillSections(%q) gave %v; want %v", name, tt.name, tt.fill, got, tt.want)
			}
		}
	}
}

// TestFillSectionsSetsNil checks that a review with no stored sections, or not stored at all,
// ends with nil Sections whatever it held, and that the rest of it is left alone.
func TestFillSectionsSetsNil(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	writeOrderingCase(t, db)
	stale := func(id string) *metamortem.Review {
		return &metamortem.Review{ID: id, Title: "kept", Sections: map[string]string{"stale": "text"}}
	}
	for name, read := range testReaders {
		for _, id := range []string{"INC-2", "INC-9"} {
			r := stale(id)
			if err := db.fillSections(ctx, read, []*metamortem.Review{r}); err != nil {
				t.Fatalf("%s: fillSections(%s) = %v", name, id, err)
			}
			if want := (metamortem.Review{ID: id, Title: "kept"}); !reflect.DeepEqual(*r, want) {
				t.Errorf("%s: fillSections(%s) gave %+v; want %+v", name, id, *r, want)
			}
		}
	}
}
