package analysis

import (
	"testing"

	"github.com/metamortem/metamortem"
)

// ownersReviews give each component of rosterCatalog the incidents its rule needs.
func ownersReviews() []metamortem.Review {
	var rs []metamortem.Review
	add := func(component string, n int, who ...string) {
		for i := range n {
			id := component + "-" + string(rune('a'+i))
			rs = append(rs, rosterIncident(id, "2025-01-01", []string{component}, rosterPeople(who...)))
		}
	}
	add("db", 3, "Ann Lee", "lead")
	add("web", 3, "Bob Roe", "lead", "@ann", "responder") // beta's, handled by alpha only
	add("flags", 1, "Cat Poe", "lead")
	add("cache", 1, "Cat Poe", "lead")
	add("queue", 3, "Cat Poe", "lead")
	add("mailer", 2, "Bob Roe", "lead") // only reviews name it
	add("dns", 3, "Bob Roe", "lead")    // owned by Ann, so by alpha
	add("cdn", 1, "Bob Roe", "lead")
	add("api", 2, "Bob Roe", "lead")       // beta's, alpha only, but too few to judge
	add("auth", 4, "Ann Lee", "lead")      // beta's; with the next, beta in 1 of 5
	add("auth", 1, "Dan Moe", "responder") // ids repeat auth-a; that is fine here
	drill := rosterIncident("drill", "2025-01-01", []string{"web"}, rosterPeople("Cat Poe", "lead"))
	drill.Kind = metamortem.KindDrill
	return append(rs, drill)
}

func TestOwners(t *testing.T) {
	g := Owners(ownersReviews(), rosterCatalog(), OwnersOptions{})
	want := map[string]struct {
		incidents int
		problem   OwnershipProblem
		inCatalog bool
	}{
		"db":     {3, "", true},
		"web":    {3, ProblemMismatch, true},
		"flags":  {1, ProblemShared, true},
		"cache":  {1, ProblemShared, true},
		"queue":  {3, ProblemUnknownOwner, true},
		"mailer": {2, ProblemUnowned, false},
		"dns":    {3, "", true},
		"cdn":    {1, ProblemUnowned, true},
		"api":    {2, "", true},
		"auth":   {5, "", true}, // 1/5 is not below 20%
	}
	if len(g.Components) != len(want) {
		t.Errorf("Owners() has %d components; want %d", len(g.Components), len(want))
	}
	for _, c := range g.Components {
		w, ok := want[c.Component]
		if !ok {
			t.Errorf("Owners() lists %q; want it not listed", c.Component)
			continue
		}
		if c.Incidents != w.incidents || c.Problem != w.problem || c.InCatalog != w.inCatalog {
			t.Errorf("Owners() %s = %d incidents, problem %q, in catalog %v; want %d, %q, %v",
				c.Component, c.Incidents, c.Problem, c.InCatalog, w.incidents, w.problem, w.inCatalog)
		}
	}
	// Problems first in rule order, then by incidents, then name.
	var order []string
	for _, c := range g.Components {
		order = append(order, c.Component)
	}
	wantOrder := []string{"mailer", "cdn", "cache", "flags", "queue", "web", "auth", "db", "dns", "api"}
	if !sameValue(order, wantOrder) {
		t.Errorf("Owners() order = %q; want %q", order, wantOrder)
	}
	web := g.Components[5]
	if !sameValue(web.RespondingTeams, []TeamCount{{"alpha", 3}}) || web.OwnerShare != 0 || !sameValue(web.OwningTeams, []string{"beta"}) {
		t.Errorf("Owners() web = teams %v, owner share %v, owning %v; want [{alpha 3}], 0, [beta]", web.RespondingTeams, web.OwnerShare, web.OwningTeams)
	}
	auth := g.Components[6]
	if auth.OwnerShare != 0.2 || !sameValue(auth.RespondingTeams, []TeamCount{{"alpha", 4}, {"beta", 1}}) {
		t.Errorf("Owners() auth = owner share %v, teams %v; want 0.2, [{alpha 4} {beta 1}]", auth.OwnerShare, auth.RespondingTeams)
	}
}

func TestOwnersMinIncidents(t *testing.T) {
	g := Owners(ownersReviews(), rosterCatalog(), OwnersOptions{MinIncidents: 2})
	for _, c := range g.Components {
		if c.Component == "api" && c.Problem != ProblemMismatch {
			t.Errorf("Owners(MinIncidents: 2) api problem = %q; want %q", c.Problem, ProblemMismatch)
		}
	}
}

func TestOwnersTeams(t *testing.T) {
	reviews := ownersReviews()
	reviews[0].Actions = []metamortem.Action{
		{Text: "a", Owner: "Cat Poe", Status: metamortem.ActionOpen},
		{Text: "b", Status: metamortem.ActionOpen}, // db's owner: alpha
		{Text: "c", Owner: "@ann", Status: metamortem.ActionDone},
	}
	g := Owners(reviews, rosterCatalog(), OwnersOptions{})
	want := []TeamLoad{
		// alpha owns db (3 incidents), dns through Ann (3) and, with beta, cache (1).
		{Team: "alpha", Components: []string{"cache", "db", "dns"}, Incidents: 7, OpenActions: 1},
		{Team: "beta", Components: []string{"api", "auth", "cache", "web"}, Incidents: 11, OpenActions: 1},
	}
	if !sameValue(g.Teams, want) {
		t.Errorf("Owners().Teams = %+v; want %+v", g.Teams, want)
	}
}

func TestSplitOwner(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"payments", []string{"payments"}},
		{" payments, data ", []string{"payments", "data"}},
		{"edge & platform", []string{"edge", "platform"}},
		{"edge and platform", []string{"edge", "platform"}},
		{"team-a/team-b", []string{"team-a", "team-b"}},
		{"brandon", []string{"brandon"}},
		{"", nil},
		{" , ", nil},
	}
	for _, tt := range tests {
		if got := splitOwner(tt.in); !sameValue(got, tt.want) {
			t.Errorf("splitOwner(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// A team that only people's memberships name (as in an alias file) is a team all the same.
func TestOwnersMembershipTeam(t *testing.T) {
	cat := metamortem.Catalog{
		People:     []metamortem.CatalogPerson{{Name: "eve", Teams: []string{"ops"}}},
		Components: []metamortem.CatalogComponent{{Name: "box", Owner: "OPS"}},
	}
	var reviews []metamortem.Review
	for _, id := range []string{"a", "b", "c"} {
		reviews = append(reviews, rosterIncident(id, "2025-01-01", []string{"box"}, rosterPeople("eve", "lead")))
	}
	c := Owners(reviews, cat, OwnersOptions{}).Components[0]
	if c.Problem != "" || !sameValue(c.OwningTeams, []string{"ops"}) || c.OwnerShare != 1 {
		t.Errorf("Owners(box owned by OPS, eve in ops) = problem %q, owning %q, share %v; want none, [ops], 1", c.Problem, c.OwningTeams, c.OwnerShare)
	}
}
