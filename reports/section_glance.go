package reports

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/analysis"
)

// glance is section 1: the range against the period before it, by severity, kind and owning
// team, and how long incidents took to detect, recover from and resolve.
type glance struct {
	Sentence string     `json:"sentence"`
	Current  string     `json:"current"`
	Previous string     `json:"previous"`
	Reviews  countRow   `json:"reviews"`
	Severity []countRow `json:"by_severity"`
	Kind     []countRow `json:"by_kind"`
	// Team counts incidents (drills left out) by the team that owns a component they name; an
	// incident naming components of two teams counts for both.
	Team      []countRow    `json:"by_team"`
	Durations []durationRow `json:"durations"`
}

// countRow is one count in the range and in the period before it.
type countRow struct {
	Key      string `json:"key"`
	Current  int    `json:"current"`
	Previous int    `json:"previous"`
}

// durationRow is one measure of time in the range and in the period before it, in minutes.
type durationRow struct {
	Measure  string `json:"measure"`
	Current  spread `json:"current_minutes"`
	Previous spread `json:"previous_minutes"`
}

// The measures of time the glance gives, the first being the one its sentence states.
const (
	measureRecover = "time to recover"
	measureDetect  = "time to detect"
	measureResolve = "time to resolve"
)

func newGlance(in input) glance {
	g := glance{Current: in.cur.Label, Previous: in.prev.Label,
		Reviews: countRow{Key: "reviews", Current: len(in.current), Previous: len(in.previous)}}
	// Count by severity label in one pass, labelling each severity as written once, and keep
	// one review of each label: the overview of those orders the labels as it would all of
	// them (the reviews in range and the period before have start times).
	labels := map[string]string{}
	bySeverity := map[string]*countRow{}
	var examples []metamortem.Review
	for i, set := range [][]metamortem.Review{in.current, in.previous} {
		for _, r := range set {
			label, ok := labels[r.Severity]
			if !ok {
				label = analysis.SeverityLabel(r.Severity)
				labels[r.Severity] = label
			}
			row := bySeverity[label]
			if row == nil {
				row = &countRow{Key: label}
				bySeverity[label] = row
				examples = append(examples, r)
			}
			if i == 0 {
				row.Current++
			} else {
				row.Previous++
			}
		}
	}
	for _, s := range analysis.NewOverview(examples, time.Time{}, time.Time{}).Severities {
		g.Severity = append(g.Severity, *bySeverity[s])
	}
	for _, k := range []metamortem.Kind{metamortem.KindIncident, metamortem.KindNearMiss, metamortem.KindDrill} {
		row := countRow{Key: string(k),
			Current:  countWhere(in.current, func(r metamortem.Review) bool { return kindOf(r) == k }),
			Previous: countWhere(in.previous, func(r metamortem.Review) bool { return kindOf(r) == k })}
		if row.Current+row.Previous > 0 {
			g.Kind = append(g.Kind, row)
		}
	}
	teams := map[string]*countRow{}
	for i, gaps := range []analysis.OwnershipGaps{in.owners(), analysis.Owners(in.previous, in.catalog, analysis.OwnersOptions{})} {
		for _, t := range gaps.Teams {
			if t.Incidents == 0 {
				continue
			}
			if teams[t.Team] == nil {
				teams[t.Team] = &countRow{Key: t.Team}
			}
			if i == 0 {
				teams[t.Team].Current = t.Incidents
			} else {
				teams[t.Team].Previous = t.Incidents
			}
		}
	}
	for _, row := range teams {
		g.Team = append(g.Team, *row)
	}
	slices.SortFunc(g.Team, func(a, b countRow) int {
		return cmp.Or(cmp.Compare(b.Current, a.Current), cmp.Compare(b.Previous, a.Previous), strings.Compare(a.Key, b.Key))
	})
	for _, m := range []struct {
		name string
		of   func(metamortem.Review) (time.Duration, bool)
	}{
		{measureRecover, func(r metamortem.Review) (time.Duration, bool) {
			d, status := analysis.RecoveryTime(r)
			return d, status == analysis.RecoveryKnown
		}},
		{measureDetect, func(r metamortem.Review) (time.Duration, bool) { return between(r.StartedAt, r.DetectedAt) }},
		{measureResolve, func(r metamortem.Review) (time.Duration, bool) { return between(r.StartedAt, r.ResolvedAt) }},
	} {
		g.Durations = append(g.Durations, durationRow{Measure: m.name,
			Current: minutesSpread(durations(in.current, m.of)), Previous: minutesSpread(durations(in.previous, m.of))})
	}
	g.Sentence = glanceSentence(g)
	return g
}

// kindOf is a review's kind, an incident when none is written.
func kindOf(r metamortem.Review) metamortem.Kind {
	if r.Kind == "" {
		return metamortem.KindIncident
	}
	return r.Kind
}

func countWhere(reviews []metamortem.Review, keep func(metamortem.Review) bool) int {
	n := 0
	for _, r := range reviews {
		if keep(r) {
			n++
		}
	}
	return n
}

// between returns the time from a to b when both are known and b is after a.
func between(a, b *time.Time) (time.Duration, bool) {
	if a == nil || b == nil || !b.After(*a) {
		return 0, false
	}
	return b.Sub(*a), true
}

func durations(reviews []metamortem.Review, of func(metamortem.Review) (time.Duration, bool)) analysis.Distribution[time.Duration] {
	var ds []time.Duration
	for _, r := range reviews {
		if d, ok := of(r); ok {
			ds = append(ds, d)
		}
	}
	return analysis.NewDistribution(ds)
}

func glanceSentence(g glance) string {
	n, m := g.Reviews.Current, g.Reviews.Previous
	if n == 0 {
		return fmt.Sprintf("No review started in %s, against %d in %s.", g.Current, m, g.Previous)
	}
	s := fmt.Sprintf("%s had %s against %d in %s", g.Current, count(n, "review", "reviews"), m, g.Previous)
	for _, row := range g.Severity {
		if row.Current > 0 && metamortem.SeverityRank(row.Key) != nil {
			s += fmt.Sprintf(", %d of them %s (%d before)", row.Current, row.Key, row.Previous)
			break
		}
	}
	rec := g.Durations[0].Current
	switch {
	case rec.N == 0:
		s += "; none has a known recovery time"
	case rec.N == 1:
		s += fmt.Sprintf("; the one known recovery time was %s", duration(minutes(rec.Median)))
	default:
		s += fmt.Sprintf("; half recovered within %s and nine in ten within %s (n = %d", duration(minutes(rec.Median)), duration(minutes(rec.P90)), rec.N)
		if rec.SmallSample {
			s += ", too few for a trend"
		}
		s += ")"
	}
	return s + "."
}

// chart compares the range's reviews by severity with the period before.
func (g glance) chart() *chart {
	if len(g.Severity) == 0 {
		return nil
	}
	b := charts.NewBar()
	common(b, true, "36", "8")
	labels := make([]string, len(g.Severity))
	prev := make([]opts.BarData, len(g.Severity))
	cur := make([]opts.BarData, len(g.Severity))
	for i, row := range g.Severity {
		labels[i] = row.Key
		prev[i] = opts.BarData{Value: row.Previous}
		cur[i] = opts.BarData{Value: row.Current}
	}
	b.SetXAxis(labels)
	b.SetGlobalOptions(
		charts.WithXAxisOpts(opts.XAxis{AxisLabel: axisLabel()}),
		charts.WithYAxisOpts(opts.YAxis{Name: "reviews", MinInterval: 1, AxisLabel: axisLabel()}),
	)
	b.Colors = []string{previousColor, barColor}
	b.AddSeries(g.Previous, prev, charts.WithBarChartOpts(opts.BarChart{BarGap: "10%", BarCategoryGap: "35%"}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: previousColor}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top"}))
	b.AddSeries(g.Current, cur, charts.WithBarChartOpts(opts.BarChart{BarGap: "10%", BarCategoryGap: "35%"}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: barColor}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top"}))
	return &chart{ID: "chart-glance", Height: 300, Label: "Bar chart of reviews by severity in " + g.Current + " and " + g.Previous, Option: options(b)}
}
