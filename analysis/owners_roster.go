package analysis

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/identity"
)

// People is what the people analyses (Experts, Owners, Actions) know about a set of reviews
// and a catalog, with every name resolved once through the identity package: each review's
// canonical components, the people who responded to it, the teams people belong to and the
// owners catalogs give components. Build it once with NewPeople and pass it to each analysis
// in its options, so that they share the work. It is never changed once built (what it works
// out on first use is guarded by sync.Once), so any number of goroutines may use it at once.
type People struct {
	res     *identity.Resolver
	reviews []rosterReview
	// display is the name shown for each canonical person: the catalog's display name when it
	// has one, else the canonical name.
	display map[string]string
	// teamsOf lists each person's canonical teams (by display name), sorted.
	teamsOf map[string][]string
	// teams holds the canonical names of the teams catalogs list, and of the teams catalog
	// people are members of that no catalog lists (an alias file names only memberships).
	teams map[string]bool
	// implied maps the lower-case name of each such membership-only team to its spelling.
	implied map[string]string
	// owners lists, for each canonical component, the owners catalogs write for it (team names
	// canonical where the catalog lists the team), in catalog order without repeats.
	owners map[string][]string
	// catalogued holds the canonical components some catalog lists.
	catalogued map[string]bool
	// owning holds owningTeams' answer for each component owners gives owners for.
	owning map[string][]string
	// items lists every action item, worked out on first use (see actionItems).
	items func() []actionItem
}

// rosterReview is one review as the people analyses see it.
type rosterReview struct {
	review metamortem.Review
	// components are the review's canonical components, inferred ones included.
	components []string
	// responders are the people who led, responded or attended (display names, sorted).
	responders []string
	// participants are responders and authors: who took part, which is what a drill counts.
	participants []string
	// people maps each name the review writes (people and action owners) to its display name.
	people map[string]string
}

// responderRoles are the roles that count as having handled an incident. Authors are left
// out because a review is often written by someone assigned afterwards; owners (of action
// items) because follow-up work is routed by team, not by who knew the system that night.
var responderRoles = map[metamortem.Role]bool{
	metamortem.RoleLead: true, metamortem.RoleResponder: true, metamortem.RoleAttendee: true,
}

// NewPeople resolves the reviews' names against cat. Component names that reviews give but
// no catalog lists are treated as components too when they look like identifiers (two words
// joined by a hyphen or underscore, as "notification-gateway"), so that reviews which name no
// component but mention one of these count for it, as they would for a catalogued one.
func NewPeople(reviews []metamortem.Review, cat metamortem.Catalog) *People {
	// base resolves the catalog as given; its lookups depend on the catalog alone.
	base := identity.New(cat, nil)
	withNamed := cat
	withNamed.Components = slices.Clone(cat.Components)
	added, checked := map[string]bool{}, map[string]bool{}
	for _, r := range reviews {
		for _, c := range r.Components {
			if checked[c] {
				continue // reviews repeat a few names many times
			}
			checked[c] = true
			c = strings.TrimSpace(c)
			if _, ok := base.Component(c); !ok && identifierLike(c) && !added[strings.ToLower(c)] {
				added[strings.ToLower(c)] = true
				withNamed.Components = append(withNamed.Components, metamortem.CatalogComponent{Name: c})
			}
		}
	}
	ro := &People{
		res:        identity.New(withNamed, reviews),
		display:    map[string]string{},
		teamsOf:    map[string][]string{},
		teams:      map[string]bool{},
		implied:    map[string]string{},
		owners:     map[string][]string{},
		catalogued: map[string]bool{},
	}
	ro.readCatalog(cat, base)
	ro.reviews = make([]rosterReview, 0, len(reviews))
	for i, rr := range ro.res.Apply(reviews) {
		r := reviews[i]
		x := rosterReview{review: r, people: rr.People} // Apply's map, made display names below
		if len(rr.Components) > 0 {
			x.components = make([]string, 0, len(rr.Components))
		}
		for _, c := range rr.Components {
			x.components = append(x.components, c.Name)
		}
		for written, canonical := range x.people {
			x.people[written] = ro.displayName(canonical)
		}
		for _, p := range r.People {
			name := x.people[strings.TrimSpace(p.Name)]
			if name == "" {
				continue
			}
			if responderRoles[p.Role] && !slices.Contains(x.responders, name) {
				x.responders = append(x.responders, name)
			}
			if (responderRoles[p.Role] || p.Role == metamortem.RoleAuthor) && !slices.Contains(x.participants, name) {
				x.participants = append(x.participants, name)
			}
		}
		slices.Sort(x.responders)
		slices.Sort(x.participants)
		ro.reviews = append(ro.reviews, x)
	}
	ro.owning = make(map[string][]string, len(ro.owners))
	for c := range ro.owners {
		ro.owning[c] = ro.ownersTeams(c)
	}
	ro.items = sync.OnceValue(ro.listActionItems)
	return ro
}

// readCatalog records display names, team memberships and component owners. Components are
// looked up with base, the resolver of the catalog as given, so that only real catalog entries
// count as catalogued.
func (ro *People) readCatalog(cat metamortem.Catalog, base *identity.Resolver) {
	for _, t := range cat.Teams {
		if c, ok := ro.res.Team(t.Name); ok {
			ro.teams[c] = true
		}
	}
	for _, p := range cat.People {
		for _, t := range p.Teams {
			k := strings.ToLower(strings.TrimSpace(t))
			if _, ok := ro.team(t); !ok && k != "" {
				ro.implied[k] = strings.TrimSpace(t)
				ro.teams[ro.implied[k]] = true
			}
		}
	}
	team := func(name string) string {
		if t, ok := ro.team(name); ok {
			return t
		}
		return strings.TrimSpace(name)
	}
	for _, p := range cat.People {
		canonical, ok := ro.res.Person(p.Name)
		if !ok {
			continue
		}
		if _, seen := ro.display[canonical]; !seen && strings.TrimSpace(p.Title) != "" {
			ro.display[canonical] = strings.TrimSpace(p.Title)
		}
		for _, t := range p.Teams {
			ro.joinTeam(ro.displayName(canonical), team(t))
		}
	}
	for _, t := range cat.Teams {
		for _, m := range t.Members {
			if canonical, ok := ro.res.Person(m); ok {
				ro.joinTeam(ro.displayName(canonical), team(t.Name))
			}
		}
	}
	addOwner := func(component, owner string) {
		c, ok := base.Component(component)
		if !ok {
			return
		}
		ro.catalogued[c] = true
		if owner = strings.TrimSpace(owner); owner != "" && !slices.Contains(ro.owners[c], team(owner)) {
			ro.owners[c] = append(ro.owners[c], team(owner))
		}
	}
	for _, c := range cat.Components {
		addOwner(c.Name, c.Owner)
	}
	for _, o := range cat.Ownership {
		for _, owner := range append([]string{""}, o.Owners...) {
			addOwner(o.Component, owner)
		}
	}
}

func (ro *People) joinTeam(person, team string) {
	if team != "" && !slices.Contains(ro.teamsOf[person], team) {
		ro.teamsOf[person] = append(ro.teamsOf[person], team)
		slices.Sort(ro.teamsOf[person])
	}
}

// team returns the canonical name of the team name refers to: a catalog team's, or a team
// only memberships name, in any case.
func (ro *People) team(name string) (string, bool) {
	if t, ok := ro.res.Team(name); ok {
		return t, true
	}
	t, ok := ro.implied[strings.ToLower(strings.TrimSpace(name))]
	return t, ok
}

// displayName returns the name shown for a canonical person name.
func (ro *People) displayName(canonical string) string {
	if d, ok := ro.display[canonical]; ok {
		return d
	}
	return canonical
}

// ownerTeams returns the teams that person or team name stands for: the team itself, or the
// teams a catalog person belongs to. ok is false when name is neither.
func (ro *People) ownerTeams(name string) (teams []string, ok bool) {
	if t, found := ro.team(name); found {
		return []string{t}, true
	}
	if p, found := ro.res.Person(name); found {
		return ro.teamsOf[ro.displayName(p)], true
	}
	return nil, false
}

// identifierPattern matches at least two runs of letters or digits joined by single hyphens or
// underscores, with nothing else: "notification-gateway", "pg_ledger".
var identifierPattern = regexp.MustCompile(`^[\p{L}\p{N}]+(?:[-_][\p{L}\p{N}]+)+$`)

// identifierLike reports whether a name looks like a system's identifier rather than words.
func identifierLike(s string) bool {
	return identifierPattern.MatchString(s)
}

// isDrill reports whether a review describes a drill; everything else (incidents, near misses
// and reviews of unstated kind) happened for real and counts as an incident here.
func isDrill(r metamortem.Review) bool {
	return r.Kind == metamortem.KindDrill
}

// eventTime is when a review's event happened: its start, else the first of detection,
// mitigation, resolution and review that it gives; nil when it gives none.
func eventTime(r metamortem.Review) *time.Time {
	for _, t := range []*time.Time{r.StartedAt, r.DetectedAt, r.MitigatedAt, r.ResolvedAt, r.ReviewedAt} {
		if t != nil {
			u := t.UTC()
			return &u
		}
	}
	return nil
}

// ownerSeparators split an owner written as a list ("payments, data", "edge & platform").
var ownerSeparators = regexp.MustCompile(`\s*(?:[,;/&+|]|\band\b)\s*`)

// splitOwner returns the owners an owner string names, trimmed, without empty ones.
func splitOwner(owner string) []string {
	var out []string
	for _, o := range ownerSeparators.Split(owner, -1) {
		if o = strings.TrimSpace(o); o != "" {
			out = append(out, o)
		}
	}
	return out
}

// owningTeams returns the catalog teams that own component, through its owners: a team, or a
// catalog person's teams. Owners that are neither count for nothing. Sorted; shared, not to be
// changed.
func (ro *People) owningTeams(component string) []string {
	return ro.owning[component]
}

// ownersTeams works out owningTeams.
func (ro *People) ownersTeams(component string) []string {
	var out []string
	for _, owner := range ro.owners[component] {
		for _, o := range splitOwner(owner) {
			teams, _ := ro.ownerTeams(o)
			for _, t := range teams {
				if !slices.Contains(out, t) {
					out = append(out, t)
				}
			}
		}
	}
	slices.Sort(out)
	return out
}
