package identity

import (
	"slices"
	"strings"

	"github.com/metamortem/metamortem"
)

// Resolved is one review's people and components under their canonical names, the single view
// later analyses (experts, owners) should count by. The review itself is left unchanged.
type Resolved struct {
	ReviewID string
	// Components are the review's components, canonical and without repeats, in the order
	// the review names them; for a review that names none, the ones InferComponents finds.
	Components []ResolvedComponent
	// People maps each person name and action owner the review writes (trimmed) to its
	// canonical name: the catalog's when it resolves, otherwise the name's most common
	// spelling across the reviews the Resolver was built from.
	People map[string]string
}

// ResolvedComponent is one component of a review under its canonical name.
type ResolvedComponent struct {
	Name string
	// Known is true when the catalog resolves the name.
	Known bool
	// Inferred is true when the review did not name the component but mentions it.
	Inferred bool
}

// Apply resolves the people and components of each review, in the order given.
func (res *Resolver) Apply(reviews []metamortem.Review) []Resolved {
	out := make([]Resolved, 0, len(reviews))
	for _, r := range reviews {
		rr := Resolved{ReviewID: r.ID, People: make(map[string]string, len(r.People)+len(r.Actions))}
		for _, c := range r.Components {
			name, known := res.canonicalOf(KindComponent, c)
			if name != "" && !slices.ContainsFunc(rr.Components, func(x ResolvedComponent) bool { return x.Name == name }) {
				rr.Components = append(rr.Components, ResolvedComponent{Name: name, Known: known})
			}
		}
		for _, c := range res.InferComponents(r) {
			rr.Components = append(rr.Components, ResolvedComponent{Name: c, Known: true, Inferred: true})
		}
		for _, n := range reviewPeople(r) {
			n = strings.TrimSpace(n)
			if name, _ := res.canonicalOf(KindPerson, n); name != "" {
				rr.People[n] = name
			}
		}
		out = append(out, rr)
	}
	return out
}

// WrittenCanonicals returns the canonical names (as Apply gives them) of every name of kind the
// reviews New was given write: their people and action owners for KindPerson, their components
// for KindComponent (not the components InferComponents finds, which are catalog names). Sorted,
// without repeats or empty names.
func (res *Resolver) WrittenCanonicals(kind Kind) []string {
	var out []string
	for k, c := range res.canonicals {
		if k.kind == kind && c.name != "" {
			out = append(out, c.name)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// canonicalOf returns canonical's answer for a person's trimmed name or a component's name, as
// worked out in New for the names the reviews write.
func (res *Resolver) canonicalOf(kind Kind, name string) (string, bool) {
	if c, ok := res.canonicals[canonicalKey{kind, name}]; ok {
		return c.name, c.known
	}
	if kind == KindPerson {
		return res.canonical(res.seenPeople, name, res.owner)
	}
	return res.canonical(res.seenComponents, name, res.Component)
}

// canonical returns the catalog's name for name, or else its most common spelling among the
// names seen, or else name trimmed; known says whether the catalog resolved it.
func (res *Resolver) canonical(s *seen, name string, resolve func(string) (string, bool)) (string, bool) {
	if c, ok := resolve(name); ok {
		return c, true
	}
	if w := s.written(s.key(name)); w != "" {
		return w, false
	}
	if s.key(name) == "" {
		return "", false
	}
	return strings.TrimSpace(name), false
}
