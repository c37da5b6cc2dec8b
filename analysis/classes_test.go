package analysis

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/metamortem/metamortem"
)

// classDate returns midday UTC on the given date.
func classDate(y int, m time.Month, d int) *time.Time {
	t := time.Date(y, m, d, 12, 0, 0, 0, time.UTC)
	return &t
}

// classFixture is six reviews, a theme over five of them and a catalog: A, B, C and F are
// incidents of the theme, D is a drill in it, E is undated and shares a tag with A.
func classFixture() ([]metamortem.Review, ClassOptions) {
	reviews := []metamortem.Review{
		{ID: "A", Kind: metamortem.KindIncident, StartedAt: classDate(2024, 1, 10), Components: []string{"Payments"}, Tags: []string{"DB"}},
		{ID: "B", Kind: metamortem.KindIncident, StartedAt: classDate(2024, 4, 20), Components: []string{"payments", "storefront"}},
		{ID: "C", Kind: metamortem.KindIncident, StartedAt: classDate(2024, 10, 5), Components: []string{"payments"}},
		{ID: "D", Kind: metamortem.KindDrill, StartedAt: classDate(2024, 5, 1), Components: []string{"storefront"}},
		{ID: "E", Kind: metamortem.KindIncident, Components: []string{"storefront"}, Tags: []string{" db "}},
		{ID: "F", Kind: metamortem.KindIncident, StartedAt: classDate(2024, 11, 1), Components: []string{"storefront"}},
	}
	member := func(id string) ThemeMember { return ThemeMember{ReviewID: id, Text: "pool ran dry in " + id} }
	set := ThemeSet{Themes: []Theme{{ID: "t1", Label: "Pool", Members: []ThemeMember{member("A"), member("B"), member("C"), member("D"), member("F")}}}}
	cat := metamortem.Catalog{
		Components: []metamortem.CatalogComponent{{Name: "payments", Owner: "team-pay"}, {Name: "storefront", Owner: "Web Team"}},
		Teams:      []metamortem.Team{{Name: "team-web", Title: "Web Team"}},
	}
	return reviews, ClassOptions{Catalog: cat, Themes: set, From: *classDate(2024, 1, 1), To: *classDate(2025, 1, 1)}
}

func TestClasses(t *testing.T) {
	reviews, opts := classFixture()
	classes := Classes(reviews, opts)
	var got []string
	for _, c := range classes {
		got = append(got, c.ID)
	}
	// t1@payments (A, B, C) is listed; t1@storefront has B and F only, D being a drill.
	if want := []string{"t1", "t1@payments", "t1@storefront", "tag:db"}; !slices.Equal(got, want) {
		t.Fatalf("Classes IDs = %q; want %q", got, want)
	}
	t1 := classes[0]
	if want := []string{"A", "B", "C", "F"}; !slices.Equal(t1.Incidents, want) || t1.Kind != ClassTheme || t1.Label != "Pool" {
		t.Errorf("t1 = %s %q %q; want theme Pool %q", t1.Kind, t1.Label, t1.Incidents, want)
	}
	wantQuarters := []ClassQuarter{{Quarter{2024, 1}, 1}, {Quarter{2024, 2}, 1}, {Quarter{2024, 3}, 0}, {Quarter{2024, 4}, 2}}
	if !slices.Equal(t1.Quarters, wantQuarters) {
		t.Errorf("t1.Quarters = %v; want %v", t1.Quarters, wantQuarters)
	}
	if !t1.FirstSeen.Equal(*classDate(2024, 1, 10)) || !t1.LastSeen.Equal(*classDate(2024, 11, 1)) {
		t.Errorf("t1 seen %v to %v; want 2024-01-10 to 2024-11-01", t1.FirstSeen, t1.LastSeen)
	}
	// Gaps: Jan 10 to Apr 20 is 101 days, to Oct 5 is 168 more, to Nov 1 is 27 more.
	wantInterval := Distribution[float64]{N: 3, Median: 101, P75: 168, P90: 168, Min: 27, Max: 168, SmallSample: true}
	if t1.Interval != wantInterval {
		t.Errorf("t1.Interval = %+v; want %+v", t1.Interval, wantInterval)
	}
	if want := []string{"payments", "storefront"}; !slices.Equal(t1.Components, want) {
		t.Errorf("t1.Components = %q; want %q", t1.Components, want)
	}
	if want := []string{"team-pay", "team-web"}; !slices.Equal(t1.Teams, want) {
		t.Errorf("t1.Teams = %q; want %q", t1.Teams, want)
	}
	// The window 2024-01-01 to 2025-01-01 halves on 2024-07-02: A and B before, C and F after,
	// so P = P(X >= 2 | 4, 1/2) = 11/16.
	if r := t1.Rate; r.Earlier != 2 || r.Recent != 2 || r.P != 11.0/16 || r.Rising {
		t.Errorf("t1.Rate = %+v; want 2 earlier, 2 recent, p 11/16, not rising", r)
	}

	web := classes[2]
	if want := []string{"B", "F"}; web.Kind != ClassThemeComponent || web.Label != "Pool in storefront" || web.Component != "storefront" || !slices.Equal(web.Incidents, want) {
		t.Errorf("t1@storefront = %s %q %q %q; want theme-component \"Pool in storefront\" on storefront %q", web.Kind, web.Label, web.Component, web.Incidents, want)
	}

	tag := classes[3]
	if want := []string{"A", "E"}; tag.Kind != ClassTag || tag.Label != "db" || !slices.Equal(tag.Incidents, want) {
		t.Errorf("tag:db = %s %q %q; want tag db %q (undated last)", tag.Kind, tag.Label, tag.Incidents, want)
	}
	if tag.Interval.N != 0 || len(tag.Quarters) != 1 || !tag.FirstSeen.Equal(*tag.LastSeen) {
		t.Errorf("tag:db = %d gaps, quarters %v; want no gaps and one quarter", tag.Interval.N, tag.Quarters)
	}
}

func TestClassesEdges(t *testing.T) {
	reviews, opts := classFixture()
	// The result does not depend on the order of the reviews.
	reversed := slices.Clone(reviews)
	slices.Reverse(reversed)
	if a, b := Classes(reviews, opts), Classes(reversed, opts); !reflect.DeepEqual(a, b) {
		t.Errorf("Classes depends on the order of reviews:\n%+v\n%+v", a, b)
	}
	// A higher minimum leaves only the theme; nothing in, nothing out.
	opts.MinIncidents = 4
	if got := Classes(reviews, opts); len(got) != 1 || got[0].ID != "t1" {
		t.Errorf("Classes with MinIncidents 4 = %d classes; want t1 only", len(got))
	}
	if got := Classes(nil, ClassOptions{}); len(got) != 0 {
		t.Errorf("Classes(nil) = %+v; want none", got)
	}
	// With no window given, the rate test runs from the first to the last incident's start.
	opts = ClassOptions{Themes: opts.Themes}
	c := Classes(reviews, opts)[0]
	if c.Rate.EarlierSpan != c.Rate.RecentSpan || c.Rate.EarlierSpan != classDate(2024, 11, 1).Sub(*classDate(2024, 1, 10))/2 {
		t.Errorf("default window halves = %v, %v; want half of 2024-01-10 to 2024-11-01", c.Rate.EarlierSpan, c.Rate.RecentSpan)
	}
}

func TestAddNames(t *testing.T) {
	cat := metamortem.Catalog{
		Components: []metamortem.CatalogComponent{{Name: "payments-api", Title: "Payments API", Aliases: []string{"pay-api"}, Owner: "payments"}},
		Teams:      []metamortem.Team{{Name: "payments", Aliases: []string{"money"}}},
		People:     []metamortem.CatalogPerson{{Name: "Karin Sund", Email: "ks@example.com", Aliases: []string{"@ksund"}}},
	}
	reviews := []metamortem.Review{{
		ID: "R1", Components: []string{" checkout "}, People: []metamortem.Person{{Name: "Lars Vik"}},
		Actions: []metamortem.Action{{Owner: "@ksund"}},
	}}
	var o ThemeOptions
	o.AddNames(cat, reviews)
	tests := []struct {
		name      string
		got, want []string
	}{
		{"Components", o.Components, []string{"Payments API", "checkout", "pay-api", "payments-api"}},
		{"Teams", o.Teams, []string{"money", "payments"}},
		{"People", o.People, []string{"@ksund", "Karin Sund", "Lars Vik", "ks@example.com"}},
	}
	for _, tt := range tests {
		if !slices.Equal(tt.got, tt.want) {
			t.Errorf("AddNames: %s = %q; want %q", tt.name, tt.got, tt.want)
		}
	}
}
