package store

import (
	"context"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/metamortem/metamortem"
)

// testReaders are the columnReaders built into this binary, by name; the duckdb_arrow build
// adds the Arrow one.
var testReaders = map[string]columnReader{"rows": readRows}

// writeOrderingCase stores a review whose child rows arrive out of order: two fragment
// documents, written before the review's own and in reverse path order, add people, factors and
// sections (one of them under a name the review's own document also uses).
func writeOrderingCase(t *testing.T, db *DB) {
	t.Helper()
	ctx := context.Background()
	fragment := func(path, who, factor, section string) Document {
		return Document{Path: path, Format: "jira", SHA256: path, Raw: []byte("{}"),
			Fragments: []metamortem.Review{{ID: "INC-1",
				People:   []metamortem.Person{{Name: who}},
				Factors:  []metamortem.Factor{{Text: factor}},
				Sections: map[string]string{"summary": "fragment summary from " + path, section: "from " + path}}}}
	}
	own := metamortem.Review{ID: "INC-1", Title: "Checkout latency",
		People:   []metamortem.Person{{Name: "Priya Raman", Role: metamortem.RoleLead}},
		Factors:  []metamortem.Factor{{Text: "pool exhausted"}, {Text: "no alert"}},
		Sections: map[string]string{"summary": "Checkout was slow."}}
	other := metamortem.Review{ID: "INC-2", Title: "Nothing attached"}
	for _, batch := range [][]Document{
		{fragment("z-jira.json", "Zoe", "z factor", "z_notes")},
		{fragment("b-jira.json", "Bo", "b factor", "b_notes")},
		{{Path: "reviews/a.md", Format: "markdown", SHA256: "a", Raw: []byte("#"), Reviews: []metamortem.Review{other, own}}},
	} {
		if err := db.Write(ctx, batch, time.Unix(0, 0)); err != nil {
			t.Fatal(err)
		}
	}
}

func TestReviewsOrderChildRows(t *testing.T) {
	db, _ := openTemp(t)
	writeOrderingCase(t, db)
	whole := []metamortem.Review{
		{ID: "INC-1", Title: "Checkout latency", Kind: metamortem.KindIncident,
			People:  []metamortem.Person{{Name: "Priya Raman", Role: metamortem.RoleLead}, {Name: "Bo"}, {Name: "Zoe"}},
			Factors: []metamortem.Factor{{Text: "pool exhausted"}, {Text: "no alert"}, {Text: "b factor"}, {Text: "z factor"}},
			Sections: map[string]string{"summary": "Checkout was slow.",
				"b_notes": "from b-jira.json", "z_notes": "from z-jira.json"}},
		{ID: "INC-2", Title: "Nothing attached", Kind: metamortem.KindIncident},
	}
	summaryOnly := []metamortem.Review{whole[0], whole[1]}
	summaryOnly[0].Sections = map[string]string{"summary": "Checkout was slow."}
	tests := []struct {
		name string
		opts ReviewsOptions
		want []metamortem.Review
	}{
		{"every section", ReviewsOptions{}, whole},
		{"summary only", ReviewsOptions{Sections: []string{"summary"}}, summaryOnly},
		{"no section", ReviewsOptions{Sections: []string{}}, []metamortem.Review{
			{ID: "INC-1", Title: "Checkout latency", Kind: metamortem.KindIncident, People: whole[0].People, Factors: whole[0].Factors},
			whole[1]}},
	}
	for name, read := range testReaders {
		for _, tt := range tests {
			got, err := db.reviews(context.Background(), read, tt.opts)
			if err != nil {
				t.Fatalf("%s, %s: reviews() = %v", name, tt.name, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s, %s: reviews() = %+v; want %+v", name, tt.name, got, tt.want)
			}
		}
	}
}

// TestReadersAgree loads the same database through every reader and compares the reviews, whole
// and with only the summary section (as the analyses load them): a test database with every
// kind of field, and the one METAMORTEM_BENCH_DB names, if any.
func TestReadersAgree(t *testing.T) {
	if len(testReaders) < 2 {
		t.Skip("one reader in this build: build with -tags duckdb_arrow to compare")
	}
	ctx := context.Background()
	db, _ := openTemp(t)
	writeOrderingCase(t, db)
	docs := []Document{{Path: "reviews/full.md", Format: "markdown", SHA256: "f", Raw: []byte("#"),
		Reviews: []metamortem.Review{fullReview("INC-3"), {ID: "INC-4", Kind: metamortem.KindNearMiss}}}}
	if err := db.Write(ctx, docs, time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	dbs := []*DB{db}
	if path := os.Getenv("METAMORTEM_BENCH_DB"); path != "" && !testing.Short() {
		big, err := Open(ctx, path, true)
		if err != nil {
			t.Fatal(err)
		}
		defer big.Close()
		dbs = append(dbs, big)
	}
	options := []ReviewsOptions{{}, {Sections: []string{"summary"}}}
	for _, db := range dbs {
		for _, opts := range options {
			var first []metamortem.Review
			var firstName string
			for name, read := range testReaders {
				got, err := db.reviews(ctx, read, opts)
				if err != nil {
					t.Fatalf("%s: %s: reviews(%+v) = %v", db.Path(), name, opts, err)
				}
				if first == nil {
					first, firstName = got, name
					continue
				}
				if !reflect.DeepEqual(got, first) {
					t.Errorf("%s: reviews(%+v) through %s differ from those through %s", db.Path(), opts, name, firstName)
				}
			}
			if len(first) == 0 {
				t.Errorf("%s: reviews(%+v): none read", db.Path(), opts)
			}
		}
	}
}
