package identity

import (
	"github.com/metamortem/metamortem"
)

// Resolver maps the names reviews use for people, teams and components to the canonical names
// a catalog gives them, and knows which names the reviews it was built from use.
type Resolver struct {
	people     *index
	teams      *index
	components *index
	// seenPeople and seenComponents are the names the reviews use, by normalised key.
	seenPeople     *seen
	seenComponents *seen
	terms          *termIndex
	// peopleReviews and componentReviews count, for each canonical name, the reviews that use
	// a name resolving to it.
	peopleReviews, componentReviews map[string]int
	// canonicals holds what canonical returns for each person and component name the reviews
	// write, worked out once for Apply.
	canonicals map[canonicalKey]canonicalName
}

// canonicalKey is a name as Apply passes it to canonical: a person's trimmed, a component's as
// written.
type canonicalKey struct {
	kind Kind
	name string
}

// canonicalName is what canonical returns.
type canonicalName struct {
	name  string
	known bool
}

// New builds a Resolver from what the catalog states explicitly: people's names, display
// names, e-mail addresses (and their local parts) and aliases; teams' names, titles and
// aliases; components' names, titles and aliases and the component names ownership entries
// give. The reviews are where names are seen, for NearDuplicates, Unknown and Summary; they
// never add an identity.
func New(cat metamortem.Catalog, reviews []metamortem.Review) *Resolver {
	res := &Resolver{
		people:     newIndex(personKey, peopleEntries(cat.People)),
		teams:      newIndex(foldKey, teamEntries(cat.Teams)),
		components: newIndex(foldKey, componentEntries(cat)),
	}
	res.terms = newTermIndex(res.components, inferable(cat.Components, res.components))
	people, components := newTally(personKey, res.owner), newTally(foldKey, res.Component)
	for _, r := range reviews {
		people.next()
		for _, p := range r.People {
			people.add(p.Name)
		}
		for _, a := range r.Actions {
			people.add(a.Owner)
		}
		components.next()
		for _, c := range r.Components {
			components.add(c)
		}
	}
	res.seenPeople, res.seenComponents = people.seen(), components.seen()
	res.peopleReviews, res.componentReviews = people.reviews(), components.reviews()
	res.canonicals = map[canonicalKey]canonicalName{}
	for _, sp := range people.spellings {
		name, known := res.canonical(res.seenPeople, sp.spelling, res.owner)
		res.canonicals[canonicalKey{KindPerson, sp.spelling}] = canonicalName{name, known}
	}
	for text := range components.texts {
		name, known := res.canonical(res.seenComponents, text, res.Component)
		res.canonicals[canonicalKey{KindComponent, text}] = canonicalName{name, known}
	}
	return res
}

// Person returns the canonical name of the catalog person that name refers to: a listed name,
// display name, alias or e-mail address, or the local part of a listed e-mail address, in any
// case and with or without a handle's "@". An e-mail address also resolves by its local part.
// ok is false when no catalog person, or more than one, goes by name.
func (res *Resolver) Person(name string) (canonical string, ok bool) {
	if c, ok := res.people.lookup(name); ok {
		return c, true
	}
	if local := emailLocal(name); local != "" {
		return res.people.lookup(local)
	}
	return "", false
}

// Team returns the canonical name of the catalog team that name refers to, by its name, title
// or an alias, with case, spaces, hyphens and underscores ignored.
func (res *Resolver) Team(name string) (canonical string, ok bool) {
	return res.teams.lookup(name)
}

// Component returns the canonical name of the catalog component that name refers to, by its
// name, title or an alias, with case, spaces, hyphens and underscores ignored: "Payments API"
// finds "payments-api", but "payments" finds it only if the catalog lists that alias.
func (res *Resolver) Component(name string) (canonical string, ok bool) {
	return res.components.lookup(name)
}

// owner resolves an action owner, who may be a person or a team.
func (res *Resolver) owner(name string) (string, bool) {
	if c, ok := res.Person(name); ok {
		return c, true
	}
	return res.Team(name)
}

// inferable returns the canonical names of the catalog components InferComponents looks for:
// those a catalog lists as components, not only as an ownership entry's path, and not named by
// another component as its system (a system groups components; naming it says not which).
func inferable(comps []metamortem.CatalogComponent, ix *index) map[string]bool {
	out := map[string]bool{}
	for _, c := range comps {
		if canonical, ok := ix.lookup(c.Name); ok {
			out[canonical] = true
		}
	}
	for _, c := range comps {
		if canonical, ok := ix.lookup(c.System); ok {
			delete(out, canonical)
		}
	}
	return out
}

// reviewPeople returns the people names and action owners a review gives.
func reviewPeople(r metamortem.Review) []string {
	var names []string
	for _, p := range r.People {
		names = append(names, p.Name)
	}
	for _, a := range r.Actions {
		names = append(names, a.Owner)
	}
	return names
}

func peopleEntries(people []metamortem.CatalogPerson) []entry {
	out := make([]entry, 0, len(people))
	for _, p := range people {
		e := entry{name: p.Name}
		e.forms = append(e.forms, form{p.Title, tierListed}, form{p.Email, tierListed})
		for _, a := range p.Aliases {
			e.forms = append(e.forms, form{a, tierListed})
		}
		for _, f := range e.forms {
			if local := emailLocal(f.text); local != "" {
				e.forms = append(e.forms, form{local, tierDerived})
			}
		}
		out = append(out, e)
	}
	return out
}

func teamEntries(teams []metamortem.Team) []entry {
	out := make([]entry, 0, len(teams))
	for _, t := range teams {
		e := entry{name: t.Name, forms: []form{{t.Title, tierListed}}}
		for _, a := range t.Aliases {
			e.forms = append(e.forms, form{a, tierListed})
		}
		out = append(out, e)
	}
	return out
}

// componentEntries lists catalog components, then the components ownership entries name.
func componentEntries(cat metamortem.Catalog) []entry {
	out := make([]entry, 0, len(cat.Components)+len(cat.Ownership))
	for _, c := range cat.Components {
		e := entry{name: c.Name, forms: []form{{c.Title, tierListed}}}
		for _, a := range c.Aliases {
			e.forms = append(e.forms, form{a, tierListed})
		}
		out = append(out, e)
	}
	for _, o := range cat.Ownership {
		out = append(out, entry{name: o.Component})
	}
	return out
}
