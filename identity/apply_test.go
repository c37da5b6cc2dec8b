package identity

import (
	"reflect"
	"testing"

	"github.com/metamortem/metamortem"
)

func TestApply(t *testing.T) {
	cat := quill()
	reviews := []metamortem.Review{
		{ID: "Q-1",
			Components: []string{"Payments API", "payments-api", " pay-api ", "Ledger", ""},
			People:     []metamortem.Person{{Name: "@imoreau"}, {Name: "karin sund"}},
			Actions:    []metamortem.Action{{Text: "x", Owner: "Payments Team"}, {Text: "y", Owner: " IM "}}},
		{ID: "Q-2", Title: "coredns dropped queries for the Payments API",
			People: []metamortem.Person{{Name: "Karin Sund"}, {Name: "Oskar"}}},
		{ID: "Q-3", Components: []string{"ledger"},
			Actions: []metamortem.Action{{Text: "z", Owner: "Karin Sund"}}},
	}
	res := New(cat, reviews)
	got := res.Apply(reviews)
	want := []Resolved{
		{ReviewID: "Q-1",
			Components: []ResolvedComponent{{Name: "payments-api", Known: true}, {Name: "Ledger"}},
			People: map[string]string{"@imoreau": "Ines Moreau", "karin sund": "Karin Sund",
				"Payments Team": "payments", "IM": "Ines Moreau"}},
		{ReviewID: "Q-2",
			Components: []ResolvedComponent{
				{Name: "internal-dns", Known: true, Inferred: true},
				{Name: "payments-api", Known: true, Inferred: true}},
			People: map[string]string{"Karin Sund": "Karin Sund", "Oskar": "olind"}},
		{ReviewID: "Q-3",
			Components: []ResolvedComponent{{Name: "Ledger"}},
			People:     map[string]string{"Karin Sund": "Karin Sund"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Apply() =\n%+v\nwant\n%+v", got, want)
	}
}

// WrittenCanonicals gives the names Apply resolves the written names to, without the inferred
// components.
func TestWrittenCanonicals(t *testing.T) {
	reviews := []metamortem.Review{
		{ID: "Q-1", Components: []string{"Payments API", " pay-api ", "Ledger", ""},
			People:  []metamortem.Person{{Name: "@imoreau"}, {Name: " "}},
			Actions: []metamortem.Action{{Text: "x", Owner: "Payments Team"}}},
		{ID: "Q-2", Title: "coredns dropped queries", People: []metamortem.Person{{Name: "Oskar"}}},
		{ID: "Q-3", Components: []string{"ledger"}},
	}
	res := New(quill(), reviews)
	for _, tc := range []struct {
		kind Kind
		want []string
	}{
		{KindPerson, []string{"Ines Moreau", "olind", "payments"}},
		{KindComponent, []string{"Ledger", "payments-api"}},
	} {
		if got := res.WrittenCanonicals(tc.kind); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("WrittenCanonicals(%q) = %q; want %q", tc.kind, got, tc.want)
		}
	}
}

// A review the Resolver was not built from keeps its unknown names as written.
func TestApplyUnseen(t *testing.T) {
	res := New(quill(), nil)
	got := res.Apply([]metamortem.Review{{ID: "Q-5", Components: []string{" billing "},
		People: []metamortem.Person{{Name: "Vera"}, {Name: "—"}}}})
	want := []Resolved{{ReviewID: "Q-5", Components: []ResolvedComponent{{Name: "billing"}},
		People: map[string]string{"Vera": "Vera"}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Apply() = %+v; want %+v", got, want)
	}
}

// Odd names and catalogs never panic and never resolve to an empty name.
func TestOddInput(t *testing.T) {
	odd := []string{"", " ", "@", "@@", "—", "A", "a@", "@a@", "..", "P.", "I. ", "\x00", "\xff\xfe",
		"日本 語", "O'", "-a-", "a--b", "x@y@z", "AB CD", "- api"}
	var cat metamortem.Catalog
	var reviews []metamortem.Review
	for i, s := range odd {
		cat.People = append(cat.People, metamortem.CatalogPerson{Name: s, Title: s, Email: s, Aliases: []string{s}})
		cat.Teams = append(cat.Teams, metamortem.Team{Name: s, Aliases: []string{s}})
		cat.Components = append(cat.Components, metamortem.CatalogComponent{Name: s, Title: s, Aliases: []string{s}})
		cat.Ownership = append(cat.Ownership, metamortem.Ownership{Component: s})
		reviews = append(reviews, metamortem.Review{ID: string(rune('a' + i)), Title: s, Components: []string{s},
			People: []metamortem.Person{{Name: s}}, Actions: []metamortem.Action{{Owner: s}},
			Factors: []metamortem.Factor{{Text: s}}, Timeline: []metamortem.TimelineEvent{{Text: s}},
			Sections: map[string]string{"summary": s}})
	}
	for _, c := range []metamortem.Catalog{{}, cat} {
		for _, rs := range [][]metamortem.Review{nil, reviews} {
			res := New(c, rs)
			res.NearDuplicates()
			res.Unknown()
			res.Summary()
			for _, r := range res.Apply(reviews) {
				for _, comp := range r.Components {
					if comp.Name == "" {
						t.Errorf("Apply(%q): empty component name", r.ReviewID)
					}
				}
				for n, canonical := range r.People {
					if canonical == "" {
						t.Errorf("Apply(%q): %q resolves to an empty name", r.ReviewID, n)
					}
				}
			}
			for _, s := range odd {
				if c, ok := res.Person(s); ok && c == "" {
					t.Errorf("Person(%q) = %q, true; want a name", s, c)
				}
				if c, ok := res.Component(s); ok && c == "" {
					t.Errorf("Component(%q) = %q, true; want a name", s, c)
				}
			}
		}
	}
}
