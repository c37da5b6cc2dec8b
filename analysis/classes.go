package analysis

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/identity"
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
}

// Classes returns the patterns that recur across at least MinIncidents incidents: every theme,
// every theme on one component (when that is not the whole theme), and every review tag.
// Classes are ordered by number of incidents, most first, then by label and ID.
func Classes(reviews []metamortem.Review, opts ClassOptions) []Class {
	minIncidents := max(cmp.Or(opts.MinIncidents, 2), 1)
	incidents := map[string]metamortem.Review{}
	for _, r := range reviews {
		if isIncident(r) {
			incidents[r.ID] = r
		}
	}
	res := identity.New(opts.Catalog, reviews)
	b := classBuilder{
		incidents:  incidents,
		components: resolvedComponents(res, reviews),
		owners:     owningTeams(res, opts.Catalog),
	}
	b.from, b.to = observationWindow(reviews, opts.From, opts.To)

	var out []Class
	add := func(c Class, ids map[string]bool) bool {
		if len(ids) < minIncidents {
			return false
		}
		out = append(out, b.describe(c, ids))
		return true
	}
	for _, th := range opts.Themes.Themes {
		ids := map[string]bool{}
		for _, m := range th.Members {
			if _, ok := incidents[m.ReviewID]; ok {
				ids[m.ReviewID] = true
			}
		}
		if !add(Class{ID: th.ID, Kind: ClassTheme, Label: th.Label, Theme: th.ID}, ids) {
			continue
		}
		for _, comp := range b.componentsOf(ids) {
			sub := map[string]bool{}
			for id := range ids {
				if slices.Contains(b.components[id], comp) {
					sub[id] = true
				}
			}
			if len(sub) < len(ids) {
				add(Class{ID: th.ID + "@" + comp, Kind: ClassThemeComponent, Label: th.Label + " in " + comp, Theme: th.ID, Component: comp}, sub)
			}
		}
	}
	byTag := map[string]map[string]bool{}
	for id, r := range incidents {
		for _, tag := range r.Tags {
			if tag = strings.ToLower(strings.TrimSpace(tag)); tag != "" {
				if byTag[tag] == nil {
					byTag[tag] = map[string]bool{}
				}
				byTag[tag][id] = true
			}
		}
	}
	for tag, ids := range byTag {
		add(Class{ID: "tag:" + tag, Kind: ClassTag, Label: tag}, ids)
	}
	slices.SortFunc(out, func(a, b Class) int {
		return cmp.Or(cmp.Compare(len(b.Incidents), len(a.Incidents)), strings.Compare(a.Label, b.Label), strings.Compare(a.ID, b.ID))
	})
	return out
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

// classBuilder describes classes of the incidents it holds.
type classBuilder struct {
	incidents  map[string]metamortem.Review
	components map[string][]string // canonical components by review ID
	owners     map[string][]string // owning teams by canonical component
	from, to   time.Time
}

// componentsOf returns the components of the incidents ids, most incidents first, then by
// name.
func (b classBuilder) componentsOf(ids map[string]bool) []string {
	counts := map[string]int{}
	for id := range ids {
		for _, c := range b.components[id] {
			counts[c]++
		}
	}
	out := make([]string, 0, len(counts))
	for c := range counts {
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b string) int { return cmp.Or(cmp.Compare(counts[b], counts[a]), strings.Compare(a, b)) })
	return out
}

// describe fills in the class's incidents, ids, and everything measured from them.
func (b classBuilder) describe(c Class, ids map[string]bool) Class {
	var dated []time.Time
	var undated []string
	for id := range ids {
		c.Incidents = append(c.Incidents, id)
		if s := b.incidents[id].StartedAt; s != nil {
			dated = append(dated, s.UTC())
		} else {
			undated = append(undated, id)
		}
	}
	slices.SortFunc(c.Incidents, func(x, y string) int {
		sx, sy := b.incidents[x].StartedAt, b.incidents[y].StartedAt
		switch {
		case sx == nil && sy != nil:
			return 1
		case sx != nil && sy == nil:
			return -1
		case sx != nil && sy != nil && !sx.Equal(*sy):
			return sx.Compare(*sy)
		}
		return strings.Compare(x, y)
	})
	slices.SortFunc(dated, time.Time.Compare)
	if len(dated) > 0 {
		first, last := dated[0], dated[len(dated)-1]
		c.FirstSeen, c.LastSeen = &first, &last
		row := map[Quarter]int{}
		for i, q := range QuartersBetween(QuarterOf(first), QuarterOf(last)) {
			c.Quarters = append(c.Quarters, ClassQuarter{Quarter: q})
			row[q] = i
		}
		for _, t := range dated {
			c.Quarters[row[QuarterOf(t)]].Count++
		}
	}
	var gaps []float64
	for i := 1; i < len(dated); i++ {
		gaps = append(gaps, dated[i].Sub(dated[i-1]).Hours()/24)
	}
	c.Interval = NewDistribution(gaps)
	c.Components = b.componentsOf(ids)
	for _, comp := range c.Components {
		for _, t := range b.owners[comp] {
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
func (b classBuilder) rate(starts []time.Time) RateComparison {
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
