package analysis

import (
	"slices"
	"strings"

	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/identity"
)

// AddNames adds to the options every name the catalog and the reviews give components, teams
// and people, so that Themes masks them: catalog names, titles, aliases and e-mail addresses,
// component owners, the components and people reviews name (with the canonical names identity
// resolves them to, including components inferred from a review's text) and action owners.
func (o *ThemeOptions) AddNames(cat metamortem.Catalog, reviews []metamortem.Review) {
	o.addNames(cat, reviews, identity.New(cat, reviews))
}

// addNames is AddNames with the reviews' resolver under the catalog given.
func (o *ThemeOptions) addNames(cat metamortem.Catalog, reviews []metamortem.Review, res *identity.Resolver) {
	for _, c := range cat.Components {
		o.Components = append(o.Components, c.Name, c.Title)
		o.Components = append(o.Components, c.Aliases...)
		o.Teams = append(o.Teams, c.Owner)
	}
	for _, t := range cat.Teams {
		o.Teams = append(o.Teams, t.Name, t.Title)
		o.Teams = append(o.Teams, t.Aliases...)
	}
	for _, p := range cat.People {
		o.People = append(o.People, p.Name, p.Title, p.Email)
		o.People = append(o.People, p.Aliases...)
	}
	for _, r := range reviews {
		o.Components = append(o.Components, r.Components...)
		for _, p := range r.People {
			o.People = append(o.People, p.Name)
		}
		for _, a := range r.Actions {
			o.People = append(o.People, a.Owner)
		}
	}
	// The components identity infers from a review's text are catalog components, whose names
	// are already in; so only the names the reviews write need resolving.
	o.Components = append(o.Components, res.WrittenCanonicals(identity.KindComponent)...)
	o.People = append(o.People, res.WrittenCanonicals(identity.KindPerson)...)
	o.Components, o.Teams, o.People = distinctNames(o.Components), distinctNames(o.Teams), distinctNames(o.People)
}

// distinctNames returns the non-empty names, trimmed, sorted and without repeats.
func distinctNames(names []string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// resolvedComponents returns each review's components under their canonical names, including
// those inferred from its text when it names none, by review ID.
func resolvedComponents(res *identity.Resolver, reviews []metamortem.Review) map[string][]string {
	out := make(map[string][]string, len(reviews))
	for _, rr := range res.Apply(reviews) {
		var names []string
		for _, c := range rr.Components {
			names = append(names, c.Name)
		}
		out[rr.ReviewID] = names
	}
	return out
}

// owningTeams returns, for each canonical component name, the teams that own it according to
// the catalog: the component's owner and the owners of ownership entries naming it, under the
// team's canonical name when the catalog lists the team, sorted. Unlike the roster's
// owningTeams (owners_roster.go), an owner no catalog lists as a team is kept as written: a
// class shows who the catalog says owns it, while the ownership analysis must resolve owners
// to teams and reports the unknown ones as a problem of their own.
func owningTeams(res *identity.Resolver, cat metamortem.Catalog) map[string][]string {
	out := map[string][]string{}
	add := func(component, owner string) {
		c, ok := res.Component(component)
		owner = strings.TrimSpace(owner)
		if !ok || owner == "" {
			return
		}
		if t, ok := res.Team(owner); ok {
			owner = t
		}
		if !slices.Contains(out[c], owner) {
			out[c] = append(out[c], owner)
		}
	}
	for _, c := range cat.Components {
		add(c.Name, c.Owner)
	}
	for _, o := range cat.Ownership {
		for _, owner := range o.Owners {
			add(o.Component, owner)
		}
	}
	for _, teams := range out {
		slices.Sort(teams)
	}
	return out
}
