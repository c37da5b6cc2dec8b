package analysis

import (
	"cmp"
	"slices"
	"strings"

	"github.com/metamortem/metamortem"
)

// MismatchShare is the share of a component's incidents below which its owning team counts as
// rarely among the responders.
const MismatchShare = 0.2

// OwnershipProblem names what is wrong with a component's ownership.
type OwnershipProblem string

// The ownership problems Owners finds, in the order they are checked: a component has at most
// one, the first that applies.
const (
	// ProblemUnowned: no catalog gives the component an owner (or only a placeholder such as
	// "none" or "tbd").
	ProblemUnowned OwnershipProblem = "unowned"
	// ProblemShared: the owner is not a single team: a word such as "shared" or "everyone",
	// a list ("payments, data"), or different owners in different catalogs.
	ProblemShared OwnershipProblem = "shared"
	// ProblemUnknownOwner: the owner is neither a team nor a person any catalog lists.
	ProblemUnknownOwner OwnershipProblem = "unknown-owner"
	// ProblemMismatch: members of the owning team responded to fewer than MismatchShare of
	// the component's incidents, judged only for components with at least the minimum number
	// of incidents and at least one responder whose team the catalog knows.
	ProblemMismatch OwnershipProblem = "mismatch"
)

// unownedWords and sharedWords are owners that name nobody and everybody.
var (
	unownedWords = map[string]bool{"none": true, "nobody": true, "tbd": true, "todo": true, "unknown": true,
		"n/a": true, "na": true, "-": true, "unowned": true, "orphan": true, "orphaned": true}
	sharedWords = map[string]bool{"shared": true, "all": true, "everyone": true, "everybody": true,
		"various": true, "multiple": true, "many": true, "common": true, "any": true, "all teams": true}
)

// OwnersOptions tune Owners.
type OwnersOptions struct {
	// MinIncidents is the fewest incidents a component needs before an owner mismatch is
	// judged; 0 means DefaultMinIncidents.
	MinIncidents int
	// People are the reviews' people and components resolved against the catalog: NewPeople's
	// answer for the same reviews and catalog, shared with other analyses; nil means Owners
	// works it out.
	People *People
}

// OwnershipGaps is how well catalog ownership matches who handles incidents: every component
// incidents name, and every team's load.
type OwnershipGaps struct {
	// Components are every component of an incident (drills excluded), problems first, then by
	// incidents (most first), then by name.
	Components []ComponentOwnership
	// Teams are the teams that own a component incidents name or an open action, by name.
	Teams []TeamLoad
}

// ComponentOwnership is one component's ownership as catalogs state it and as incidents show.
type ComponentOwnership struct {
	Component string
	Incidents int
	// Owners are what catalogs give as the owner, in catalog order; empty when none.
	Owners []string
	// InCatalog is false for a component only reviews name.
	InCatalog bool
	// Problem is empty when none applies.
	Problem OwnershipProblem
	// OwnerShare is the share of incidents with a responder from an owning team; meaningful
	// only when OwningTeams is not empty.
	OwnerShare  float64
	OwningTeams []string
	// RespondingTeams count, for each team, the incidents in which one of its members
	// responded, most first, then by name.
	RespondingTeams []TeamCount
}

// TeamCount is a number of incidents for one team.
type TeamCount struct {
	Team      string
	Incidents int
}

// TeamLoad is what falls to one owning team.
type TeamLoad struct {
	Team string
	// Components are the components it owns that incidents name.
	Components []string
	// Incidents counts the distinct incidents naming a component it owns.
	Incidents int
	// OpenActions counts the open action items whose owning team (see Actions) it is.
	OpenActions int
}

// Owners compares catalog ownership with who responds to incidents, with people, teams and
// components resolved against cat. Responders are as in Expertise.
func Owners(reviews []metamortem.Review, cat metamortem.Catalog, opts OwnersOptions) OwnershipGaps {
	minIncidents := cmp.Or(opts.MinIncidents, DefaultMinIncidents)
	ro := opts.People
	if ro == nil {
		ro = NewPeople(reviews, cat)
	}
	type tally struct {
		incidents, withOwner int
		teams                map[string]int
	}
	byComponent := map[string]*tally{}
	teamIncidents := map[string]map[int]bool{}
	for i, x := range ro.reviews {
		if isDrill(x.review) {
			continue
		}
		var teams []string
		for _, p := range x.responders {
			for _, t := range ro.teamsOf[p] {
				if !slices.Contains(teams, t) {
					teams = append(teams, t)
				}
			}
		}
		for _, c := range x.components {
			tl := byComponent[c]
			if tl == nil {
				tl = &tally{teams: map[string]int{}}
				byComponent[c] = tl
			}
			tl.incidents++
			owning := ro.owningTeams(c)
			if slices.ContainsFunc(teams, func(t string) bool { return slices.Contains(owning, t) }) {
				tl.withOwner++
			}
			for _, t := range teams {
				tl.teams[t]++
			}
			for _, t := range owning {
				if teamIncidents[t] == nil {
					teamIncidents[t] = map[int]bool{}
				}
				teamIncidents[t][i] = true
			}
		}
	}
	var g OwnershipGaps
	loads := map[string]*TeamLoad{}
	for t := range ro.teams {
		loads[t] = &TeamLoad{Team: t}
	}
	for c, tl := range byComponent {
		co := ComponentOwnership{Component: c, Incidents: tl.incidents, Owners: slices.Clone(ro.owners[c]),
			InCatalog: ro.catalogued[c], OwningTeams: slices.Clone(ro.owningTeams(c))}
		if len(co.OwningTeams) > 0 {
			co.OwnerShare = float64(tl.withOwner) / float64(tl.incidents)
		}
		for t, n := range tl.teams {
			co.RespondingTeams = append(co.RespondingTeams, TeamCount{t, n})
		}
		slices.SortFunc(co.RespondingTeams, func(a, b TeamCount) int {
			return cmp.Or(cmp.Compare(b.Incidents, a.Incidents), strings.Compare(a.Team, b.Team))
		})
		co.Problem = ro.ownershipProblem(co, minIncidents)
		g.Components = append(g.Components, co)
		for _, t := range co.OwningTeams {
			if loads[t] == nil {
				loads[t] = &TeamLoad{Team: t}
			}
			loads[t].Components = append(loads[t].Components, c)
		}
	}
	slices.SortFunc(g.Components, func(a, b ComponentOwnership) int {
		return cmp.Or(cmp.Compare(problemOrder(a.Problem), problemOrder(b.Problem)),
			cmp.Compare(b.Incidents, a.Incidents), strings.Compare(a.Component, b.Component))
	})
	for _, a := range ro.actionItems() {
		if a.action.Status == metamortem.ActionOpen && a.team != "" {
			if loads[a.team] == nil {
				loads[a.team] = &TeamLoad{Team: a.team}
			}
			loads[a.team].OpenActions++
		}
	}
	for t, l := range loads {
		l.Incidents = len(teamIncidents[t])
		slices.Sort(l.Components)
		if len(l.Components) > 0 || l.OpenActions > 0 {
			g.Teams = append(g.Teams, *l)
		}
	}
	slices.SortFunc(g.Teams, func(a, b TeamLoad) int { return strings.Compare(a.Team, b.Team) })
	return g
}

// ownershipProblem returns the first problem that applies to co, or "".
func (ro *People) ownershipProblem(co ComponentOwnership, minIncidents int) OwnershipProblem {
	var named []string
	for _, owner := range co.Owners {
		for _, o := range splitOwner(owner) {
			if !unownedWords[strings.ToLower(o)] && !slices.Contains(named, o) {
				named = append(named, o)
			}
		}
	}
	switch {
	case len(named) == 0:
		return ProblemUnowned
	case len(named) > 1 || sharedWords[strings.ToLower(named[0])]:
		return ProblemShared
	}
	if _, ok := ro.ownerTeams(named[0]); !ok {
		return ProblemUnknownOwner
	}
	answered := len(co.RespondingTeams) > 0
	if co.Incidents >= minIncidents && answered && len(co.OwningTeams) > 0 && co.OwnerShare < MismatchShare {
		return ProblemMismatch
	}
	return ""
}

func problemOrder(p OwnershipProblem) int {
	return slices.Index([]OwnershipProblem{ProblemUnowned, ProblemShared, ProblemUnknownOwner, ProblemMismatch, ""}, p)
}
