package identity

import (
	"cmp"
	"slices"
	"strings"
)

// Kind says whether a name is a person's or a component's.
type Kind string

// The kinds of name. Person names include action owners, which may be teams.
const (
	KindPerson    Kind = "person"
	KindComponent Kind = "component"
)

// Name is a name seen in reviews that resolves to nothing in the catalog.
type Name struct {
	Kind Kind
	// Name is the spelling used most often (the first in byte order on a tie).
	Name string
	// Reviews counts the reviews that use the name in any spelling.
	Reviews int
	// Spellings are every way the name is written, in byte order.
	Spellings []string
}

// Summary says how many of the distinct names seen in reviews the catalog resolves.
type Summary struct {
	People, PeopleResolved         int
	Components, ComponentsResolved int
}

// seen counts the names reviews use, grouped by normalised key.
type seen struct {
	key   func(string) string
	names map[string]*seenName
}

// seenName is one name in all its spellings.
type seenName struct {
	spellings map[string]int
	reviews   int
}

func newSeen(key func(string) string) *seen {
	return &seen{key: key, names: map[string]*seenName{}}
}

// keys returns the keys of the seen names in byte order.
func (s *seen) keys() []string {
	out := make([]string, 0, len(s.names))
	for k := range s.names {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// written returns the spelling of the name with key k used most often, or "" if none is seen.
func (s *seen) written(k string) string {
	sn := s.names[k]
	if sn == nil {
		return ""
	}
	best, most := "", 0
	for sp, n := range sn.spellings {
		if n > most || n == most && sp < best {
			best, most = sp, n
		}
	}
	return best
}

// reviews counts the reviews that use the name with key k.
func (s *seen) reviews(k string) int {
	if sn := s.names[k]; sn != nil {
		return sn.reviews
	}
	return 0
}

// unresolved returns the seen names resolve finds nothing for.
func (s *seen) unresolved(kind Kind, resolve func(string) (string, bool)) []Name {
	var out []Name
	for _, k := range s.keys() {
		w := s.written(k)
		if _, ok := resolve(w); ok {
			continue
		}
		n := Name{Kind: kind, Name: w, Reviews: s.names[k].reviews}
		for sp := range s.names[k].spellings {
			n.Spellings = append(n.Spellings, sp)
		}
		slices.Sort(n.Spellings)
		out = append(out, n)
	}
	return out
}

// Unknown returns the names seen in the reviews that no catalog entry resolves: people
// (including action owners that are neither a catalog person nor a team) first, then
// components, each by reviews using them, most first, then by name.
func (res *Resolver) Unknown() []Name {
	out := append(res.seenPeople.unresolved(KindPerson, res.owner),
		res.seenComponents.unresolved(KindComponent, res.Component)...)
	slices.SortStableFunc(out, func(a, b Name) int {
		return cmp.Or(cmp.Compare(kindOrder(a.Kind), kindOrder(b.Kind)),
			cmp.Compare(b.Reviews, a.Reviews), strings.Compare(a.Name, b.Name))
	})
	return out
}

// Summary counts the distinct names seen in the reviews and how many of them resolve.
func (res *Resolver) Summary() Summary {
	s := Summary{People: len(res.seenPeople.names), Components: len(res.seenComponents.names)}
	s.PeopleResolved = s.People - len(res.seenPeople.unresolved(KindPerson, res.owner))
	s.ComponentsResolved = s.Components - len(res.seenComponents.unresolved(KindComponent, res.Component))
	return s
}

func kindOrder(k Kind) int {
	if k == KindPerson {
		return 0
	}
	return 1
}
