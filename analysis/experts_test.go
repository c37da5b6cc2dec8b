package analysis

import (
	"math"
	"slices"
	"testing"

	"github.com/metamortem/metamortem"
)

// dbReviews are five incidents of db and a drill of it. Ann (written three ways) responds to
// three, Bob, Cat and Dan to one each; R4's author and R5's action owner are not responders.
func dbReviews() []metamortem.Review {
	r1 := rosterIncident("R1", "2025-01-10", []string{"db"}, rosterPeople("Ann Lee", "lead", "Bob Roe", "responder"))
	r1.Tags = []string{"disk"}
	r2 := rosterIncident("R2", "2025-02-10", []string{"db"}, rosterPeople("@ann", "lead"))
	r2.Tags = []string{" Disk "}
	r3 := rosterIncident("R3", "2025-04-10", []string{"db"}, rosterPeople("AL", "attendee", "Cat Poe", "responder"))
	r3.Tags = []string{"disk", "DISK"}
	r4 := rosterIncident("R4", "2025-05-10", []string{"db"}, rosterPeople("Dan Moe", "lead", "Ann Lee", "author"))
	r5 := rosterIncident("R5", "", []string{"db"}, rosterPeople("Ann Lee", "owner"))
	drill := rosterIncident("D1", "2025-03-01", []string{"db"}, rosterPeople("Cat Poe", "author", "Bob Roe", "attendee"))
	drill.Kind = metamortem.KindDrill
	return []metamortem.Review{r1, r2, r3, r4, r5, drill}
}

func TestExperts(t *testing.T) {
	e := Experts(dbReviews(), rosterCatalog(), ExpertsOptions{})
	if len(e.Areas) != 2 {
		t.Fatalf("Experts() has %d areas; want 2 (component db, tag disk)", len(e.Areas))
	}
	db := e.Areas[0]
	checks := []struct {
		name      string
		got, want any
	}{
		{"kind", db.Kind, AreaComponent},
		{"name", db.Name, "db"},
		{"incidents", db.Incidents, 5},
		{"unattended", db.Unattended, 1},
		{"top", db.Top, "Ann Lee"},
		{"top share", db.TopShare, 0.6},
		// Top three by incidents then name: Ann, Bob, Cat, in R1, R2, R3.
		{"top3 share", db.Top3Share, 0.6},
		// Participations 3, 1, 1, 1 of 6: (9+1+1+1)/36.
		{"hhi", round9(db.HHI), round9(12.0 / 36)},
		// Half of 5 needs 3 incidents: Ann alone. 80% needs 4: Ann and Dan.
		{"bus factor 50", db.BusFactor50, 1},
		{"bus factor 80", db.BusFactor80, 2},
		{"exact", db.BusFactorExact, true},
		{"island", db.Island, true},
		{"owners", db.Owners, []string{"alpha"}},
		{"outside owner", db.OutsideOwner, []string{"Cat Poe", "Dan Moe"}},
		{"undated", db.Undated, 1},
		{"trend", db.Trend, []ConcentrationTrend{
			{Quarter{2025, 1}, 2, 1, 2, true},
			{Quarter{2025, 2}, 2, 0.5, 3, true},
		}},
		{"responders", db.Responders, []Responder{
			{"Ann Lee", 3, []string{"alpha"}}, {"Bob Roe", 1, []string{"alpha"}},
			{"Cat Poe", 1, []string{"beta"}}, {"Dan Moe", 1, []string{"beta"}},
		}},
		{"drills", db.Drills, 1},
		{"drill participants", db.DrillParticipants, []string{"Bob Roe", "Cat Poe"}},
		// Cat responded to R3 after the drill; Bob's only incident, R1, came before it.
		{"drilled then responded", db.DrilledThenResponded, []string{"Cat Poe"}},
		{"tag", e.Areas[1].Name + " " + string(e.Areas[1].Kind), "disk tag"},
		{"tag incidents", e.Areas[1].Incidents, 3},
		{"tag owners", e.Areas[1].Owners, []string(nil)},
	}
	for _, c := range checks {
		if !sameValue(c.got, c.want) {
			t.Errorf("Experts(db reviews) %s = %v; want %v", c.name, c.got, c.want)
		}
	}
}

func TestExpertsMinIncidents(t *testing.T) {
	tests := []struct {
		min  int
		want []string
	}{
		{0, []string{"db", "disk"}},
		{4, []string{"db"}},
		{6, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, a := range Experts(dbReviews(), rosterCatalog(), ExpertsOptions{MinIncidents: tt.min}).Areas {
			got = append(got, a.Name)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Experts(MinIncidents: %d) areas = %q; want %q", tt.min, got, tt.want)
		}
	}
}

// An island needs five incidents: four, all with one person, is concentrated but not yet one.
func TestExpertsIsland(t *testing.T) {
	var reviews []metamortem.Review
	for i, d := range []string{"2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01"} {
		reviews = append(reviews, rosterIncident(string(rune('a'+i)), d, []string{"web"}, rosterPeople("Cat Poe", "lead")))
	}
	four := Experts(reviews, rosterCatalog(), ExpertsOptions{}).Areas[0]
	if four.Island || four.TopShare != 1 || four.HHI != 1 {
		t.Errorf("Experts(4 incidents all Cat) = island %v, top share %v, HHI %v; want false, 1, 1", four.Island, four.TopShare, four.HHI)
	}
	if four.OutsideOwner == nil || len(four.OutsideOwner) != 0 {
		t.Errorf("Experts(4 incidents all Cat) outside owner = %#v; want empty, not nil", four.OutsideOwner)
	}
	reviews = append(reviews, rosterIncident("e", "2025-05-01", []string{"web"}, rosterPeople("Bob Roe", "lead")))
	five := Experts(reviews, rosterCatalog(), ExpertsOptions{}).Areas[0]
	if !five.Island || five.TopShare != 0.8 {
		t.Errorf("Experts(5 incidents, Cat in 4) = island %v, top share %v; want true, 0.8", five.Island, five.TopShare)
	}
}

// A component whose owner has no listed members cannot tell who is outside the team.
func TestExpertsOutsideUnknownTeam(t *testing.T) {
	var reviews []metamortem.Review
	for _, id := range []string{"a", "b", "c"} {
		reviews = append(reviews, rosterIncident(id, "2025-01-01", []string{"queue"}, rosterPeople("Cat Poe", "lead")))
	}
	if got := Experts(reviews, rosterCatalog(), ExpertsOptions{}).Areas[0].OutsideOwner; got != nil {
		t.Errorf("Experts(queue owned by unknown gamma) outside owner = %q; want nil", got)
	}
}

// Clusters group people with the components they respond to.
func TestExpertsClusters(t *testing.T) {
	var reviews []metamortem.Review
	for i := range 3 {
		id := string(rune('a' + i))
		reviews = append(reviews,
			rosterIncident("db"+id, "2025-01-01", []string{"db"}, rosterPeople("Ann Lee", "lead", "Bob Roe", "responder")),
			rosterIncident("web"+id, "2025-01-01", []string{"web", "api"}, rosterPeople("Cat Poe", "lead", "Dan Moe", "responder")))
	}
	want := []ExpertCluster{
		{People: []string{"Ann Lee", "Bob Roe"}, Components: []string{"db"}},
		{People: []string{"Cat Poe", "Dan Moe"}, Components: []string{"api", "web"}},
	}
	slices.Reverse(want) // four nodes before three
	if got := Experts(reviews, rosterCatalog(), ExpertsOptions{}).Clusters; !sameValue(got, want) {
		t.Errorf("Experts(two separate groups).Clusters = %v; want %v", got, want)
	}
}

func TestExpertsEmpty(t *testing.T) {
	for _, reviews := range [][]metamortem.Review{nil, {{ID: "x"}}, {rosterIncident("y", "", nil, rosterPeople("", "lead"))}} {
		e := Experts(reviews, metamortem.Catalog{}, ExpertsOptions{MinIncidents: 1})
		if len(e.Areas) != 0 || len(e.Clusters) != 0 {
			t.Errorf("Experts(%v) = %+v; want nothing", reviews, e)
		}
	}
}

// Areas whose incidents name nobody are counted as silent, not listed.
func TestExpertsSilent(t *testing.T) {
	var reviews []metamortem.Review
	for _, id := range []string{"a", "b", "c"} {
		r := rosterIncident(id, "2025-01-01", []string{"web"}, rosterPeople("Ann Lee", "author"))
		r.Tags = []string{"quiet"}
		reviews = append(reviews, r)
	}
	e := Experts(reviews, rosterCatalog(), ExpertsOptions{})
	if len(e.Areas) != 0 || e.Silent != 2 {
		t.Errorf("Experts(3 incidents naming only an author) = %d areas, %d silent; want 0, 2", len(e.Areas), e.Silent)
	}
}

func round9(x float64) float64 { return math.Round(x*1e9) / 1e9 }
