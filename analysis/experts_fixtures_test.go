package analysis_test

import (
	"slices"
	"testing"
	"time"

	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/analysis"
	"github.com/metamortem/metamortem/ingest"
)

// readFernhillPeople reads the Fernhill fixtures (../fixtures, ground truth in its README.md) the way
// ingest does and returns their catalog and reviews.
func readFernhillPeople(t *testing.T) (metamortem.Catalog, []metamortem.Review) {
	t.Helper()
	reviews, cat, failures := ingest.ReadAll("../fixtures/catalog", "../fixtures/reviews")
	if len(failures) > 0 {
		t.Fatalf("reading the fixtures: %v", failures)
	}
	return cat, reviews
}

// The fixtures' knowledge island (README "Knowledge island"): ledger-db, Priya Raman in 7 of
// its 8 incidents, and no other component island; every other component with at least three
// incidents has nobody in more than two thirds of them (README "Control").
func TestFixturesExperts(t *testing.T) {
	cat, reviews := readFernhillPeople(t)
	e := analysis.Experts(reviews, cat, analysis.ExpertsOptions{})
	var islands []string
	for _, a := range e.Areas {
		if a.Island {
			islands = append(islands, string(a.Kind)+" "+a.Name+" "+a.Top)
		}
		if a.Kind == analysis.AreaComponent && a.Name != "ledger-db" && a.TopShare > 2.0/3 {
			t.Errorf("Experts(fixtures) %s top share = %v (%s); want at most 2/3", a.Name, a.TopShare, a.Top)
		}
		if a.Name != "ledger-db" {
			continue
		}
		if a.Incidents != 8 || a.Top != "Priya Raman" || a.Responders[0].Incidents != 7 || a.TopShare != 0.875 {
			t.Errorf("Experts(fixtures) ledger-db = %d incidents, top %s in %d (%v); want 8, Priya Raman in 7 (0.875)",
				a.Incidents, a.Top, a.Responders[0].Incidents, a.TopShare)
		}
		if a.BusFactor50 != 1 || a.BusFactor80 != 1 {
			t.Errorf("Experts(fixtures) ledger-db bus factors = %d, %d; want 1, 1", a.BusFactor50, a.BusFactor80)
		}
		// No one else is in more than 3 of the 8.
		if a.Responders[1].Incidents > 3 {
			t.Errorf("Experts(fixtures) ledger-db second responder %s in %d; want at most 3", a.Responders[1].Name, a.Responders[1].Incidents)
		}
	}
	// The rule applied to tags finds two more: Priya in 6 of the 9 "database" incidents (her
	// ledger-db incidents carry the tag), and Rafael Mendes in 3 of the 5 "config-change"
	// ones (storefront's flag rollouts). The README plants ground truth for components only.
	want := []string{"component ledger-db Priya Raman", "tag database Priya Raman", "tag config-change Rafael Mendes"}
	if !slices.Equal(islands, want) {
		t.Errorf("Experts(fixtures) islands = %q; want %q", islands, want)
	}
	// The game day exercised api-gateway with Dmitri Volkov and Joanna Kowalska; Dmitri led
	// INC-2026-014 on api-gateway seven months later.
	i := slices.IndexFunc(e.Drills, func(d analysis.DrillCoverage) bool { return d.Component == "api-gateway" })
	if i < 0 || !slices.Equal(e.Drills[i].Participants, []string{"Dmitri Volkov", "Joanna Kowalska"}) ||
		!slices.Equal(e.Drills[i].ThenResponded, []string{"Dmitri Volkov"}) {
		t.Errorf("Experts(fixtures) drills = %+v; want api-gateway with Dmitri Volkov and Joanna Kowalska, then Dmitri Volkov", e.Drills)
	}
}

// The fixtures' ownership findings (README "Ownership findings"), and no others.
func TestFixturesOwners(t *testing.T) {
	cat, reviews := readFernhillPeople(t)
	g := analysis.Owners(reviews, cat, analysis.OwnersOptions{})
	type finding struct {
		component string
		incidents int
		problem   analysis.OwnershipProblem
	}
	var got []finding
	for _, c := range g.Components {
		if c.Problem != "" {
			got = append(got, finding{c.Component, c.Incidents, c.Problem})
		}
		if c.Component == "search-indexer" && !slices.Equal(c.RespondingTeams, []analysis.TeamCount{{Team: "storefront", Incidents: 2}}) {
			t.Errorf("Owners(fixtures) search-indexer responding teams = %v; want storefront in 2 (the third names nobody)", c.RespondingTeams)
		}
	}
	want := []finding{
		{"notification-gateway", 6, analysis.ProblemUnowned},
		{"feature-flags", 2, analysis.ProblemShared},
		{"order-events-bus", 2, analysis.ProblemUnknownOwner},
		{"search-indexer", 3, analysis.ProblemMismatch},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Owners(fixtures) problems = %v; want %v", got, want)
	}
}

// Actions on the fixtures count every action item, as of the latest review date:
// INC-2026-045, reviewed 2026-09-04 09:00 UTC.
func TestFixturesActions(t *testing.T) {
	cat, reviews := readFernhillPeople(t)
	f := analysis.Actions(reviews, cat, analysis.ActionsOptions{})
	total := 0
	for _, r := range reviews {
		total += len(r.Actions)
	}
	if want := time.Date(2026, 9, 4, 9, 0, 0, 0, time.UTC); !f.AsOf.Equal(want) {
		t.Errorf("Actions(fixtures).AsOf = %v; want %v", f.AsOf, want)
	}
	if f.All.Actions != total || f.AfterAsOf != 0 {
		t.Errorf("Actions(fixtures) = %d actions, %d after as-of; want %d, 0", f.All.Actions, f.AfterAsOf, total)
	}
	if f.All.WontFix != 0 || f.All.Done == 0 || f.All.Open == 0 {
		t.Errorf("Actions(fixtures) = %d done, %d open, %d won't fix; want some done and open, none won't fix", f.All.Done, f.All.Open, f.All.WontFix)
	}
}
