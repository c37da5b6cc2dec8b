package analysis

import (
	"cmp"
	"slices"
	"strings"

	"github.com/metamortem/metamortem"
)

// DefaultMinIncidents is the fewest incidents a component or tag needs before Experts
// describes who handles it: with fewer, every share is one or two people's luck.
const DefaultMinIncidents = 3

// The knowledge-island rule: an area with at least IslandMinIncidents incidents in at least
// IslandShare of which one person responded.
const (
	IslandMinIncidents = 5
	IslandShare        = 0.5
)

// ExpertsOptions tune Experts.
type ExpertsOptions struct {
	// MinIncidents is the fewest incidents an area needs to be described; 0 means
	// DefaultMinIncidents.
	MinIncidents int
	// People are the reviews' people and components resolved against the catalog: NewPeople's
	// answer for the same reviews and catalog, shared with other analyses; nil means Experts
	// works it out.
	People *People
}

// AreaKind says whether an area is a component or a tag.
type AreaKind string

// The kinds of area Experts describes.
const (
	AreaComponent AreaKind = "component"
	AreaTag       AreaKind = "tag"
)

// Expertise is who handles what: for each component and tag with enough incidents, how
// concentrated the knowledge of it is; which drills exercised which components; and groups of
// people who handle the same components.
//
// Responders are the people a review names as lead, responder or attendee, resolved to one
// name each through the identity package. Authors are not responders (reviews are often
// written by someone assigned afterwards), nor are action-item owners (follow-up work is
// routed by team). Incidents are every review except drills: near misses were handled for
// real. Drills are counted apart, with their authors as participants, since game days are
// written up by the people who ran them.
type Expertise struct {
	// MinIncidents is the threshold Areas were chosen by.
	MinIncidents int
	// Areas are the components, then the tags, with at least MinIncidents incidents of which
	// at least one names a responder, each by incidents (most first), then name.
	Areas []Concentration
	// Silent counts the components and tags with at least MinIncidents incidents none of
	// which names a responder: there is nothing to say about who knows them.
	Silent int
	// Drills lists every component that drills exercised, by name.
	Drills []DrillCoverage
	// Clusters are groups of people who handle the same components, largest first.
	Clusters []ExpertCluster
}

// Concentration says how many people know one component or tag, judged by who responded to
// its incidents.
type Concentration struct {
	Kind AreaKind
	Name string
	// Owners are the owners catalogs give a component (none for tags).
	Owners []string
	// Incidents counts the area's incidents; Unattended those of them naming no responder,
	// which count in every share's denominator but for nobody.
	Incidents, Unattended int
	// Responders are everyone who responded, by incidents (most first), then name.
	Responders []Responder
	// Top is the responder in most incidents (the first by name on a tie), TopShare the
	// share of the area's incidents they were in, and Top3Share the share in which at least
	// one of the top three was.
	Top                 string
	TopShare, Top3Share float64
	// HHI is the Herfindahl–Hirschman index of responders' shares of all person-incident
	// participations: 1 when one person did everything, 1/k when k people shared evenly.
	HHI float64
	// BusFactor50 and BusFactor80 are the fewest responders who together were in at least
	// half, and at least 80%, of the incidents; 0 when all of them together were not.
	BusFactor50, BusFactor80 int
	// BusFactorExact is false when the bus factors are greedy estimates (many responders),
	// which can be larger than the true minimum.
	BusFactorExact bool
	// Island is true for at least IslandMinIncidents incidents with Top in at least
	// IslandShare of them.
	Island bool
	// Trend gives each quarter with incidents, in order; Undated counts incidents with no
	// date, which no quarter holds.
	Trend   []ConcentrationTrend
	Undated int
	// OutsideOwner are the responders in none of the owning teams, by name; nil when the
	// area has no owning team the catalog lists members for.
	OutsideOwner []string
	// Drills counts the drills of a component and DrillParticipants names who took part.
	Drills            int
	DrillParticipants []string
	// DrilledThenResponded are drill participants who later responded to a real incident of
	// the component.
	DrilledThenResponded []string
}

// Responder is one person's part in an area's incidents.
type Responder struct {
	Name      string
	Incidents int
	// Teams are the person's teams according to the catalog.
	Teams []string
}

// ConcentrationTrend is an area's responders in one quarter.
type ConcentrationTrend struct {
	Quarter   Quarter
	Incidents int
	// TopShare is the share of the quarter's incidents in which the area's overall Top
	// responded.
	TopShare float64
	// Responders counts the distinct responders that quarter.
	Responders int
	// SmallSample is true when the quarter has fewer than MinSample incidents.
	SmallSample bool
}

// DrillCoverage is what drills did for one component.
type DrillCoverage struct {
	Component    string
	Drills       int
	Participants []string
	// ThenResponded are participants who responded to a real incident of the component dated
	// after a drill of it they took part in.
	ThenResponded []string
}

// areaIncident is one incident of an area: when it happened and who responded.
type areaIncident struct {
	review     *rosterReview
	responders []string
}

// Experts describes the concentration of knowledge in the reviews, with people and components
// resolved against cat.
func Experts(reviews []metamortem.Review, cat metamortem.Catalog, opts ExpertsOptions) Expertise {
	minIncidents := cmp.Or(opts.MinIncidents, DefaultMinIncidents)
	ro := opts.People
	if ro == nil {
		ro = NewPeople(reviews, cat)
	}
	byComponent, byTag := map[string][]areaIncident{}, map[string][]areaIncident{}
	for i := range ro.reviews {
		x := &ro.reviews[i]
		if isDrill(x.review) {
			continue
		}
		inc := areaIncident{review: x, responders: x.responders}
		for _, c := range x.components {
			byComponent[c] = append(byComponent[c], inc)
		}
		var tags []string
		for _, t := range x.review.Tags {
			if t = strings.ToLower(strings.TrimSpace(t)); t != "" && !slices.Contains(tags, t) {
				tags = append(tags, t)
				byTag[t] = append(byTag[t], inc)
			}
		}
	}
	drills := ro.drills(byComponent)
	e := Expertise{MinIncidents: minIncidents, Drills: drills, Clusters: ro.clusters(byComponent)}
	for _, group := range []struct {
		kind  AreaKind
		areas map[string][]areaIncident
	}{{AreaComponent, byComponent}, {AreaTag, byTag}} {
		var areas []Concentration
		for name, incidents := range group.areas {
			if len(incidents) < minIncidents {
				continue
			}
			c := ro.concentrate(incidents)
			if len(c.Responders) == 0 {
				e.Silent++
				continue
			}
			c.Kind, c.Name = group.kind, name
			if group.kind == AreaComponent {
				c.Owners = slices.Clone(ro.owners[name])
				c.OutsideOwner = ro.outsideOwner(name, c.Responders)
				if i, ok := slices.BinarySearchFunc(drills, name, func(d DrillCoverage, n string) int {
					return strings.Compare(d.Component, n)
				}); ok {
					c.Drills, c.DrillParticipants, c.DrilledThenResponded = drills[i].Drills, drills[i].Participants, drills[i].ThenResponded
				}
			}
			areas = append(areas, c)
		}
		slices.SortFunc(areas, func(a, b Concentration) int {
			return cmp.Or(cmp.Compare(b.Incidents, a.Incidents), strings.Compare(a.Name, b.Name))
		})
		e.Areas = append(e.Areas, areas...)
	}
	return e
}

// concentrate measures who responded to incidents.
func (ro *People) concentrate(incidents []areaIncident) Concentration {
	c := Concentration{Incidents: len(incidents)}
	n := len(incidents)
	sets := map[string]incidentSet{}
	for i, inc := range incidents {
		if len(inc.responders) == 0 {
			c.Unattended++
		}
		for _, p := range inc.responders {
			if sets[p] == nil {
				sets[p] = newIncidentSet(n)
			}
			sets[p].add(i)
		}
	}
	var counts []int
	var order []incidentSet
	for p, s := range sets {
		c.Responders = append(c.Responders, Responder{Name: p, Incidents: s.count(), Teams: slices.Clip(ro.teamsOf[p])})
	}
	slices.SortFunc(c.Responders, func(a, b Responder) int {
		return cmp.Or(cmp.Compare(b.Incidents, a.Incidents), strings.Compare(a.Name, b.Name))
	})
	for _, r := range c.Responders {
		counts = append(counts, r.Incidents)
		order = append(order, sets[r.Name])
	}
	c.HHI = HHI(counts)
	c.BusFactor50, c.BusFactorExact = busFactor(order, n, 1, 2)
	var exact80 bool
	c.BusFactor80, exact80 = busFactor(order, n, 4, 5)
	c.BusFactorExact = c.BusFactorExact && exact80
	if len(c.Responders) == 0 {
		return c
	}
	c.Top = c.Responders[0].Name
	c.TopShare = float64(c.Responders[0].Incidents) / float64(n)
	top3 := make([]int, min(3, len(order)))
	for i := range top3 {
		top3[i] = i
	}
	c.Top3Share = float64(unionCount(order, top3, newIncidentSet(n))) / float64(n)
	c.Island = n >= IslandMinIncidents && c.TopShare >= IslandShare
	c.Trend, c.Undated = trendOf(incidents, c.Top)
	return c
}

// trendOf returns, for each quarter with incidents, how many there were, the share top was in
// and the distinct responders; and the number of incidents with no date.
func trendOf(incidents []areaIncident, top string) ([]ConcentrationTrend, int) {
	type tally struct {
		incidents, withTop int
		people             map[string]bool
	}
	quarters := map[Quarter]*tally{}
	undated := 0
	for _, inc := range incidents {
		t := eventTime(inc.review.review)
		if t == nil {
			undated++
			continue
		}
		q := QuarterOf(*t)
		if quarters[q] == nil {
			quarters[q] = &tally{people: map[string]bool{}}
		}
		tl := quarters[q]
		tl.incidents++
		for _, p := range inc.responders {
			tl.people[p] = true
			if p == top {
				tl.withTop++
			}
		}
	}
	var out []ConcentrationTrend
	for q, tl := range quarters {
		out = append(out, ConcentrationTrend{Quarter: q, Incidents: tl.incidents,
			TopShare: float64(tl.withTop) / float64(tl.incidents), Responders: len(tl.people),
			SmallSample: tl.incidents < MinSample})
	}
	slices.SortFunc(out, func(a, b ConcentrationTrend) int {
		return cmp.Or(cmp.Compare(a.Quarter.Year, b.Quarter.Year), cmp.Compare(a.Quarter.Q, b.Quarter.Q))
	})
	return out, undated
}

// outsideOwner returns the responders in none of the teams owning component, or nil when no
// owning team has members the catalog lists.
func (ro *People) outsideOwner(component string, responders []Responder) []string {
	owning := ro.owningTeams(component)
	known := false
	for _, members := range ro.teamsOf {
		for _, t := range members {
			known = known || slices.Contains(owning, t)
		}
	}
	if !known {
		return nil
	}
	out := []string{}
	for _, r := range responders {
		if !slices.ContainsFunc(r.Teams, func(t string) bool { return slices.Contains(owning, t) }) {
			out = append(out, r.Name)
		}
	}
	slices.Sort(out)
	return out
}
