package analysis

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/parallel"
)

// ClassKind says what makes incidents one class.
type ClassKind string

// The kinds of class: a theme of contributing factors, a theme on one component, or a tag the
// reviews' authors gave.
const (
	ClassTheme          ClassKind = "theme"
	ClassThemeComponent ClassKind = "theme-component"
	ClassTag            ClassKind = "tag"
)

// Class is a pattern that recurs across incidents, with how often and where it happened.
type Class struct {
	// ID is stable across runs: the theme's ID, the theme's ID and "@" and the component, or
	// "tag:" and the tag in lower case.
	ID    string
	Kind  ClassKind
	Label string
	// Theme is the ID of the class's theme; empty for a tag.
	Theme string
	// Component is the component of a theme-component class.
	Component string
	// Incidents are the IDs of the incidents in the class (drills and near misses are left
	// out), ordered by start time, then ID, those with no start time last.
	Incidents []string
	// Quarters count the incidents that started in every quarter from the first incident's to
	// the last one's, including quarters with none.
	Quarters []ClassQuarter
	// FirstSeen and LastSeen are the earliest and latest start times; nil when no incident has
	// one.
	FirstSeen, LastSeen *time.Time
	// Interval describes the days between consecutive incidents, by start time.
	Interval Distribution[float64]
	// Components are the incidents' components under their canonical names (inferred from the
	// text when a review names none), most incidents first, then by name.
	Components []string
	// Teams own the Components according to the catalog, sorted.
	Teams []string
	// Rate compares the incidents in the later half of the observation window with those in
	// the earlier half.
	Rate RateComparison
}

// ClassQuarter is the number of a class's incidents that started in one quarter.
type ClassQuarter struct {
	Quarter Quarter
	Count   int
}

// ClassOptions say how to find classes.
type ClassOptions struct {
	// Catalog resolves component names and says who owns the components.
	Catalog metamortem.Catalog
	// Themes are the themes found in the reviews (see Themes).
	Themes ThemeSet
	// From and To are the observation window the rate test halves, [From, To]; a zero end is
	// the first (or last) start time of any incident given.
	From, To time.Time
	// MinIncidents is the least number of incidents a class must have; 0 means 2, the least
	// that can recur.
	MinIncidents int
	// Resolved, when not nil, is Resolve(Catalog, reviews) worked out already, to share with
	// Themes' names and Finalise.
	Resolved *Resolved
}

// Classes returns the patterns that recur across at least MinIncidents incidents: every theme,
// every theme on one component (when that is not the whole theme), and every review tag.
// Classes are ordered by number of incidents, most first, then by label and ID.
func Classes(reviews []metamortem.Review, opts ClassOptions) []Class {
	minIncidents := max(cmp.Or(opts.MinIncidents, 2), 1)
	b := newClassBuilder(reviews, opts.Catalog, resolveFor(opts.Resolved, opts.Catalog, reviews))
	b.from, b.to = observationWindow(reviews, opts.From, opts.To)

	// Classes are listed first and described afterwards, in parallel.
	var found []classIncidents
	add := func(c Class, set []int32) bool {
		if len(set) < minIncidents {
			return false
		}
		found = append(found, classIncidents{c, set})
		return true
	}
	for _, th := range opts.Themes.Themes {
		set := b.incidentsOf(th.Members)
		if !add(Class{ID: th.ID, Kind: ClassTheme, Label: th.Label, Theme: th.ID}, set) {
			continue
		}
		for _, comp := range b.componentsOf(set) {
			sub := b.involving(set, comp)
			if len(sub) < len(set) {
				name := b.compNames[comp]
				add(Class{ID: th.ID + "@" + name, Kind: ClassThemeComponent, Label: th.Label + " in " + name, Theme: th.ID, Component: name}, sub)
			}
		}
	}
	tags := b.tagged()
	for _, tag := range slices.Sorted(maps.Keys(tags)) {
		add(Class{ID: "tag:" + tag, Kind: ClassTag, Label: tag}, tags[tag])
	}
	out := make([]Class, len(found))
	parallel.Split(parallel.Workers(), len(found), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			out[i] = b.describe(found[i].class, found[i].incidents)
		}
	})
	slices.SortFunc(out, func(a, b Class) int {
		return cmp.Or(cmp.Compare(len(b.Incidents), len(a.Incidents)), strings.Compare(a.Label, b.Label), strings.Compare(a.ID, b.ID))
	})
	return out
}

// classIncidents is a class found and its incidents, as positions in a classBuilder's order.
type classIncidents struct {
	class     Class
	incidents []int32
}

// isIncident reports whether a review is of an incident: not a drill and not a near miss.
func isIncident(r metamortem.Review) bool {
	return r.Kind != metamortem.KindDrill && r.Kind != metamortem.KindNearMiss
}

// observationWindow returns from and to, with a zero end replaced by the earliest (or latest)
// start time of the incidents.
func observationWindow(reviews []metamortem.Review, from, to time.Time) (time.Time, time.Time) {
	var first, last time.Time
	for _, r := range reviews {
		if r.StartedAt == nil || !isIncident(r) {
			continue
		}
		if first.IsZero() || r.StartedAt.Before(first) {
			first = *r.StartedAt
		}
		if last.IsZero() || r.StartedAt.After(last) {
			last = *r.StartedAt
		}
	}
	if from.IsZero() {
		from = first
	}
	if to.IsZero() {
		to = last
	}
	return from.UTC(), to.UTC()
}

// describe fills in the class's incidents, set, and everything measured from them.
func (b *classBuilder) describe(c Class, set []int32) Class {
	c.Incidents = make([]string, len(set))
	var dated []time.Time
	for i, k := range set {
		c.Incidents[i] = b.ids[k]
		if int(k) < b.dated {
			dated = append(dated, b.starts[k])
		}
	}
	if len(dated) > 0 {
		first, last := dated[0], dated[len(dated)-1]
		c.FirstSeen, c.LastSeen = &first, &last
		qs := QuartersBetween(b.quarters[set[0]], b.quarters[set[len(dated)-1]])
		c.Quarters = make([]ClassQuarter, len(qs))
		row := 0
		for i, q := range qs {
			c.Quarters[i].Quarter = q
		}
		// The dated incidents come first and in order of start, so their quarters only rise.
		for _, k := range set[:len(dated)] {
			for c.Quarters[row].Quarter != b.quarters[k] {
				row++
			}
			c.Quarters[row].Count++
		}
	}
	var gaps []float64
	for i := 1; i < len(dated); i++ {
		gaps = append(gaps, dated[i].Sub(dated[i-1]).Hours()/24)
	}
	c.Interval = NewDistribution(gaps)
	comps := b.componentsOf(set)
	c.Components = make([]string, len(comps))
	for i, comp := range comps {
		c.Components[i] = b.compNames[comp]
		for _, t := range b.owners[c.Components[i]] {
			if !slices.Contains(c.Teams, t) {
				c.Teams = append(c.Teams, t)
			}
		}
	}
	slices.Sort(c.Teams)
	c.Rate = b.rate(dated)
	return c
}

// rate compares the start times in the later half of the observation window with those in the
// earlier half; times outside the window are not counted.
func (b *classBuilder) rate(starts []time.Time) RateComparison {
	if !b.from.Before(b.to) {
		return CompareRates(0, 0, 0, 0)
	}
	mid := b.from.Add(b.to.Sub(b.from) / 2)
	earlier, recent := 0, 0
	for _, t := range starts {
		switch {
		case t.Before(b.from) || t.After(b.to):
		case t.Before(mid):
			earlier++
		default:
			recent++
		}
	}
	return CompareRates(earlier, recent, mid.Sub(b.from), b.to.Sub(mid))
}
