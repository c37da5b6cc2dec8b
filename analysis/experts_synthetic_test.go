package analysis

import (
	"reflect"
	"time"

	"github.com/metamortem/metamortem"
)

// The small world the people analyses are tested on: two teams, four people, components
// owned in every way the ownership rules tell apart.
func rosterCatalog() metamortem.Catalog {
	return metamortem.Catalog{
		Teams: []metamortem.Team{
			{Name: "alpha", Members: []string{"ann", "bob"}},
			{Name: "beta", Members: []string{"cat"}},
		},
		People: []metamortem.CatalogPerson{
			{Name: "ann", Title: "Ann Lee", Aliases: []string{"@ann", "AL"}},
			{Name: "bob", Title: "Bob Roe"},
			{Name: "cat", Title: "Cat Poe"},
			{Name: "dan", Title: "Dan Moe", Teams: []string{"beta"}},
		},
		Components: []metamortem.CatalogComponent{
			{Name: "db", Owner: "alpha"},
			{Name: "web", Owner: "beta"},
			{Name: "flags", Owner: "shared"},
			{Name: "cache", Owner: "alpha, beta"},
			{Name: "queue", Owner: "gamma"},
			{Name: "dns", Owner: "Ann Lee"},
			{Name: "cdn", Owner: "tbd"},
			{Name: "api", Owner: "beta"},
			{Name: "auth", Owner: "beta"},
		},
	}
}

func rosterDate(s string) *time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t, err = time.Parse("2006-01-02", s)
	}
	if err != nil {
		panic(err)
	}
	return &t
}

func rosterPeople(pairs ...string) []metamortem.Person {
	var out []metamortem.Person
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, metamortem.Person{Name: pairs[i], Role: metamortem.Role(pairs[i+1])})
	}
	return out
}

// incident returns a review of a real incident.
func rosterIncident(id, started string, components []string, who []metamortem.Person) metamortem.Review {
	r := metamortem.Review{ID: id, Kind: metamortem.KindIncident, Components: components, People: who}
	if started != "" {
		r.StartedAt = rosterDate(started)
	}
	return r
}

// sameValue reports whether got and want are deeply equal.
func sameValue(got, want any) bool { return reflect.DeepEqual(got, want) }
