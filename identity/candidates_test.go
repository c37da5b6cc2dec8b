package identity

import (
	"reflect"
	"testing"

	"github.com/metamortem/metamortem"
)

// lookalikes is a catalog and reviews in which names are written many ways.
func lookalikes() (metamortem.Catalog, []metamortem.Review) {
	cat := metamortem.Catalog{
		People: []metamortem.CatalogPerson{
			{Name: "Ines Moreau"},
			{Name: "Ola Haugen"},
			{Name: "Omar Hadid"}, // same initials as Ola Haugen
			{Name: "Petra Jonsson"},
			{Name: "Jon Berg"},
			{Name: "Jon Ek"}, // same first name as Jon Berg
		},
		Components: []metamortem.CatalogComponent{
			{Name: "payments-api", Title: "Payments API"},
			{Name: "payments-web"},
		},
	}
	people := func(names ...string) []metamortem.Person {
		var out []metamortem.Person
		for _, n := range names {
			out = append(out, metamortem.Person{Name: n, Role: metamortem.RoleResponder})
		}
		return out
	}
	reviews := []metamortem.Review{
		{ID: "Q-1", People: people("IM", "OH", "Petra"),
			Actions:    []metamortem.Action{{Text: "add alert", Owner: "@pjonsson"}},
			Components: []string{"payments", "payment-web"}},
		{ID: "Q-2", People: people("P. Jonsson", "ola.haugen@corp.example", "Jon"),
			Components: []string{"worker1", "worker2"}},
		{ID: "Q-3", People: people("Karin Sund", "Karin", "KS"),
			Components: []string{"search-svc", "search-service", "payments"}},
		{ID: "Q-4", People: people("Ines Moreau", "karin sund"),
			Actions:    []metamortem.Action{{Text: "fix", Owner: "Karin Sund"}},
			Components: []string{"payments-api"}},
	}
	return cat, reviews
}

func TestNearDuplicates(t *testing.T) {
	cat, reviews := lookalikes()
	got := New(cat, reviews).NearDuplicates()
	want := []Candidate{
		{KindPerson, "@pjonsson", 1, "Petra Jonsson", 0, true, ReasonHandle},
		{KindPerson, "IM", 1, "Ines Moreau", 1, true, ReasonInitials},
		{KindPerson, "KS", 1, "Karin Sund", 2, false, ReasonInitials},
		{KindPerson, "Karin", 1, "Karin Sund", 2, false, ReasonFirstName},
		{KindPerson, "P. Jonsson", 1, "Petra Jonsson", 0, true, ReasonInitialLast},
		{KindPerson, "Petra", 1, "Petra Jonsson", 0, true, ReasonFirstName},
		{KindPerson, "ola.haugen@corp.example", 1, "Ola Haugen", 0, true, ReasonEmail},
		{KindComponent, "payment-web", 1, "payments-web", 0, true, ReasonSpelling},
		{KindComponent, "payments", 2, "payments-api", 1, true, ReasonAffix},
		{KindComponent, "search-service", 1, "search-svc", 1, false, ReasonAffix},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("NearDuplicates() =\n%v\nwant\n%v", got, want)
	}
}

func TestNearDuplicatesNotOffered(t *testing.T) {
	cat, reviews := lookalikes()
	for _, c := range New(cat, reviews).NearDuplicates() {
		switch {
		case c.Name == "OH":
			t.Errorf("NearDuplicates() offers %q ~ %q; two people have those initials", c.Name, c.Match)
		case c.Name == "Jon":
			t.Errorf("NearDuplicates() offers %q ~ %q; two people have that first name", c.Name, c.Match)
		case c.Name == "worker1" || c.Name == "worker2":
			t.Errorf("NearDuplicates() offers %q ~ %q; numbered names differ", c.Name, c.Match)
		case c.Match == "payments-web" && c.Name == "payments":
			t.Errorf("NearDuplicates() offers %q ~ %q; -web is not an affix", c.Name, c.Match)
		}
	}
}

// Names the catalog resolves are never candidates, however they look.
func TestNearDuplicatesResolvedByAlias(t *testing.T) {
	cat, reviews := lookalikes()
	cat.People[0].Aliases = []string{"IM"}
	cat.Components[0].Aliases = []string{"payments"}
	for _, c := range New(cat, reviews).NearDuplicates() {
		if c.Name == "IM" || c.Name == "payments" {
			t.Errorf("NearDuplicates() offers %q ~ %q; the catalog lists it as an alias", c.Name, c.Match)
		}
	}
}

func TestUnknown(t *testing.T) {
	cat, reviews := lookalikes()
	got := New(cat, reviews).Unknown()
	one := func(kind Kind, name string) Name { return Name{kind, name, 1, []string{name}} }
	want := []Name{
		{KindPerson, "Karin Sund", 2, []string{"Karin Sund", "karin sund"}},
		one(KindPerson, "@pjonsson"),
		one(KindPerson, "IM"),
		one(KindPerson, "Jon"),
		one(KindPerson, "KS"),
		one(KindPerson, "Karin"),
		one(KindPerson, "OH"),
		one(KindPerson, "P. Jonsson"),
		one(KindPerson, "Petra"),
		one(KindPerson, "ola.haugen@corp.example"),
		{KindComponent, "payments", 2, []string{"payments"}},
		one(KindComponent, "payment-web"),
		one(KindComponent, "search-service"),
		one(KindComponent, "search-svc"),
		one(KindComponent, "worker1"),
		one(KindComponent, "worker2"),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Unknown() =\n%v\nwant\n%v", got, want)
	}
}

func TestSummary(t *testing.T) {
	cat, reviews := lookalikes()
	got := New(cat, reviews).Summary()
	want := Summary{People: 11, PeopleResolved: 1, Components: 7, ComponentsResolved: 1}
	if got != want {
		t.Errorf("Summary() = %+v; want %+v", got, want)
	}
}

// Action owners that are teams resolve through the catalog's teams.
func TestUnknownTeamOwner(t *testing.T) {
	cat := metamortem.Catalog{Teams: []metamortem.Team{{Name: "platform", Title: "Platform Team"}}}
	reviews := []metamortem.Review{{ID: "Q-9", Actions: []metamortem.Action{
		{Text: "a", Owner: "Platform Team"}, {Text: "b", Owner: "Nobody Known"},
	}}}
	got := New(cat, reviews).Unknown()
	want := []Name{{KindPerson, "Nobody Known", 1, []string{"Nobody Known"}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Unknown() = %v; want %v", got, want)
	}
}
