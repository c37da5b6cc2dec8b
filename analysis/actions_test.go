package analysis

import (
	"testing"
	"time"

	"github.com/metamortem/metamortem"
)

// actionsReviews: A (reviewed 2025-06-01, SEV1, db), B (resolved 2025-01-01 12:00, no
// review date, no severity, web), C (no dates, no component) and D (reviewed after the as-of
// date used in the tests, 2025-07-01).
func actionsReviews() []metamortem.Review {
	a := rosterIncident("A", "2025-05-31", []string{"db"}, nil)
	a.ReviewedAt, a.Severity = rosterDate("2025-06-01T10:00:00Z"), "SEV1"
	a.Actions = []metamortem.Action{
		{Text: "a1", Owner: "@ann", Status: metamortem.ActionDone, Due: rosterDate("2025-06-11")},
		{Text: "a2", Owner: "Cat Poe", Status: metamortem.ActionOpen, Due: rosterDate("2025-06-20")},
		{Text: "a3", Status: metamortem.ActionWontFix},
	}
	b := rosterIncident("B", "", []string{"web"}, nil)
	b.ResolvedAt = rosterDate("2025-01-01T12:00:00Z")
	b.Actions = []metamortem.Action{
		{Text: "b1", Owner: "Zed", Status: metamortem.ActionOpen},
		{Text: "b2", Owner: "alpha", Status: metamortem.ActionUnknown, Due: rosterDate("2025-02-01")},
		{Text: "b3", Owner: "Bob Roe", Status: metamortem.ActionDone, Due: rosterDate("2025-01-04")},
	}
	c := rosterIncident("C", "", nil, nil)
	c.Actions = []metamortem.Action{{Text: "c1", Status: metamortem.ActionOpen}}
	d := rosterIncident("D", "", []string{"db"}, nil)
	d.ReviewedAt = rosterDate("2025-08-01")
	d.Actions = []metamortem.Action{{Text: "d1", Owner: "@ann", Status: metamortem.ActionOpen}}
	// Out of order on purpose: results follow review IDs.
	return []metamortem.Review{d, c, b, a}
}

func TestActions(t *testing.T) {
	asOf := time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)
	f := Actions(actionsReviews(), rosterCatalog(), ActionsOptions{AsOf: asOf, Examples: 2})
	all := f.All
	rate, _ := all.CompletionRate()
	wontFix, _ := all.WontFixShare()
	checks := []struct {
		name      string
		got, want any
	}{
		{"as of", f.AsOf, asOf},
		{"after as of", f.AfterAsOf, 1},
		{"counts", [5]int{all.Actions, all.Done, all.Open, all.WontFix, all.Unknown}, [5]int{7, 2, 3, 1, 1}},
		{"completion", round9(rate), round9(2.0 / 6)},
		{"won't fix", round9(wontFix), round9(1.0 / 6)},
		{"overdue", all.Overdue, 1},
		// a2 agreed 2025-06-01: 30 days; b1 agreed 2025-01-01: 181 days; c1 unknown.
		{"open ages", all.OpenAgeDays, Distribution[int]{N: 2, Median: 30, P75: 181, P90: 181, Min: 30, Max: 181, SmallSample: true}},
		{"age unknown", all.AgeUnknown, 1},
		// a1 due 10 days after 2025-06-01, b3 3 days after 2025-01-01: lower middle is 3.
		{"days to due median", all.DaysToDue.Median, 3},
		{"days to due n", all.DaysToDue.N, 2},
		{"age buckets", f.OpenByAge, []AgeBucket{
			{"0-30 days", 0, 30, 1}, {"31-90 days", 31, 90, 0}, {"91-180 days", 91, 180, 0},
			{"181-365 days", 181, 365, 1}, {"over 365 days", 366, -1, 0}, {"unknown", -1, -1, 1},
		}},
		{"team keys", groupKeys(f.ByTeam), []string{"alpha", "beta", NoTeam}},
		// alpha: a1 (Ann), a3 (db's owner), b2 (the team itself), b3 (Bob).
		{"alpha", tallyCounts(f.ByTeam[0]), [6]int{4, 2, 0, 1, 1, 0}},
		// beta: a2 (Cat, overdue), b1 (Zed is nobody: web's owner).
		{"beta", tallyCounts(f.ByTeam[1]), [6]int{2, 0, 2, 0, 0, 1}},
		{"severity keys", groupKeys(f.BySeverity), []string{"SEV1", UnknownSeverity}},
		{"SEV1", tallyCounts(f.BySeverity[0]), [6]int{3, 1, 1, 1, 0, 1}},
		{"quarter keys", groupKeys(f.ByQuarter), []string{"2025Q1", "2025Q2", NoQuarter}},
		{"no owner", f.NoOwner.Count, 2},
		{"no owner examples", f.NoOwner.Examples, []ActionExample{
			{Review: "A", Text: "a3", Team: "alpha", Status: metamortem.ActionWontFix},
			{Review: "C", Text: "c1", Status: metamortem.ActionOpen},
		}},
		{"no due", f.NoDue.Count, 3},
		{"no due examples", len(f.NoDue.Examples), 2},
		{"first no due", f.NoDue.Examples[0].Text, "a3"},
		{"owner shown by name", f.NoDue.Examples[1].Owner, "Zed"},
	}
	for _, c := range checks {
		if !sameValue(c.got, c.want) {
			t.Errorf("Actions(as of 2025-07-01) %s = %v; want %v", c.name, c.got, c.want)
		}
	}
}

// Without an as-of date, Actions counts at the latest review date, D's 2025-08-01.
func TestActionsDefaultAsOf(t *testing.T) {
	want := time.Date(2025, 8, 1, 0, 0, 0, 0, time.UTC)
	if got, ok := LatestReviewDate(actionsReviews()); !ok || !got.Equal(want) {
		t.Errorf("LatestReviewDate() = %v, %v; want %v, true", got, ok, want)
	}
	f := Actions(actionsReviews(), rosterCatalog(), ActionsOptions{})
	if !f.AsOf.Equal(want) || f.AfterAsOf != 0 || f.All.Actions != 8 {
		t.Errorf("Actions(no as-of) = as of %v, %d after, %d actions; want %v, 0, 8", f.AsOf, f.AfterAsOf, f.All.Actions, want)
	}
	if _, ok := LatestReviewDate(nil); ok {
		t.Errorf("LatestReviewDate(nil) ok = true; want false")
	}
}

func TestActionsEmpty(t *testing.T) {
	f := Actions(nil, metamortem.Catalog{}, ActionsOptions{})
	if _, ok := f.All.CompletionRate(); ok || f.All.Actions != 0 || len(f.ByTeam) != 0 {
		t.Errorf("Actions(nil) = %+v; want nothing, no completion rate", f)
	}
}

func groupKeys(gs []ActionGroup) []string {
	var out []string
	for _, g := range gs {
		out = append(out, g.Key)
	}
	return out
}

// tallyCounts returns actions, done, open, won't fix, unknown and overdue.
func tallyCounts(g ActionGroup) [6]int {
	return [6]int{g.Actions, g.Done, g.Open, g.WontFix, g.Unknown, g.Overdue}
}

// Odd reviews never make the people analyses panic: no dates, blank names, unknown roles and
// statuses, owners that are lists, actions due before their review.
func TestPeopleAnalysesOddInput(t *testing.T) {
	odd := []metamortem.Review{
		{},
		{ID: "a", Components: []string{"", " ", "db"}, Tags: []string{"", " "},
			People:  []metamortem.Person{{Name: "", Role: "lead"}, {Name: "  ", Role: "weird"}, {Name: "@", Role: "responder"}},
			Actions: []metamortem.Action{{}, {Owner: "alpha, beta", Status: "maybe", Due: rosterDate("1999-01-01")}}},
		{ID: "b", Kind: "drill", Components: []string{"db"}, ReviewedAt: rosterDate("2025-01-01"),
			Actions: []metamortem.Action{{Owner: "Ann Lee", Status: metamortem.ActionDone, Due: rosterDate("2024-12-01")}}},
	}
	for _, cat := range []metamortem.Catalog{{}, rosterCatalog(), {Components: []metamortem.CatalogComponent{{Name: "", Owner: ""}}}} {
		Experts(odd, cat, ExpertsOptions{MinIncidents: 1})
		Owners(odd, cat, OwnersOptions{MinIncidents: 1})
		f := Actions(odd, cat, ActionsOptions{})
		if f.All.Actions != 3 || f.All.Unknown != 2 || f.All.DaysToDue.Median != -31 {
			t.Errorf("Actions(odd) = %d actions, %d unknown, days to due %d; want 3, 2, -31", f.All.Actions, f.All.Unknown, f.All.DaysToDue.Median)
		}
	}
}
