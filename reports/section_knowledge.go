package reports

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/metamortem/metamortem/analysis"
)

// Limits of the knowledge section.
const (
	maxAreas      = 8
	maxTrendLines = 3
)

// knowledge is section 5: how concentrated the knowledge of each component (and tag) is,
// judged by who responded to its incidents (analysis.Experts): knowledge islands, bus
// factors, and how the top responder's share moved quarter by quarter.
type knowledge struct {
	Sentence string `json:"sentence"`
	// Described counts the areas with enough incidents to describe; Islands those that are
	// knowledge islands.
	Described int       `json:"described"`
	Islands   int       `json:"islands"`
	Quarters  []string  `json:"quarters"`
	Areas     []areaRow `json:"areas"`
}

// areaRow is one component or tag.
type areaRow struct {
	Kind       string `json:"kind"`
	Name       string `json:"name"`
	Incidents  int    `json:"incidents"`
	Responders int    `json:"responders"`
	// Top is the responder in most incidents (a pseudonym unless names are shown), in TopCount
	// of them.
	Top         string  `json:"top"`
	TopCount    int     `json:"top_count"`
	TopShare    float64 `json:"top_share"`
	BusFactor50 int     `json:"bus_factor_50"`
	BusFactor80 int     `json:"bus_factor_80"`
	Island      bool    `json:"island"`
	// Trend is Top's share of the area's incidents in each quarter of Quarters; nil for a
	// quarter with none.
	Trend []*float64 `json:"trend"`
}

func newKnowledge(in input) knowledge {
	k := knowledge{Quarters: []string{}, Areas: []areaRow{}}
	column := map[analysis.Quarter]int{}
	for i, q := range in.window {
		k.Quarters = append(k.Quarters, q.String())
		column[q] = i
	}
	e := analysis.Experts(in.history, in.catalog, analysis.ExpertsOptions{People: in.people()})
	areas := slices.Clone(e.Areas)
	slices.SortStableFunc(areas, func(a, b analysis.Concentration) int {
		return cmp.Or(compareBool(b.Island, a.Island), cmp.Compare(b.TopShare, a.TopShare), cmp.Compare(b.Incidents, a.Incidents))
	})
	k.Described = len(areas)
	for _, a := range areas {
		if a.Island {
			k.Islands++
		}
	}
	for _, a := range areas[:min(len(areas), maxAreas)] {
		row := areaRow{Kind: string(a.Kind), Name: a.Name, Incidents: a.Incidents, Responders: len(a.Responders),
			Top: in.names.person(a.Top), TopCount: int(math.Round(a.TopShare * float64(a.Incidents))),
			TopShare: round(a.TopShare, 3), BusFactor50: a.BusFactor50, BusFactor80: a.BusFactor80, Island: a.Island,
			Trend: make([]*float64, len(in.window))}
		for _, t := range a.Trend {
			if i, ok := column[t.Quarter]; ok && t.Incidents > 0 {
				s := round(t.TopShare, 3)
				row.Trend[i] = &s
			}
		}
		k.Areas = append(k.Areas, row)
	}
	k.Sentence = knowledgeSentence(k)
	return k
}

// compareBool orders false before true.
func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

func knowledgeSentence(k knowledge) string {
	if len(k.Areas) == 0 {
		return fmt.Sprintf("No component or tag has %d incidents that name responders, so there is no concentration to measure.", analysis.DefaultMinIncidents)
	}
	a := k.Areas[0]
	if a.Island {
		s := fmt.Sprintf("%s is a knowledge island: one person (%s) responded to %d of its %d incidents, and its bus factor is %d",
			a.Name, a.Top, a.TopCount, a.Incidents, a.BusFactor50)
		if k.Islands > 1 {
			s += "; " + count(k.Islands-1, "more area is an island", "more areas are islands")
		}
		return s + "."
	}
	return fmt.Sprintf("None of the %d components and tags with %d or more incidents is a knowledge island; the most concentrated, %s, had one person in %d of its %d incidents (bus factor %d).",
		k.Described, analysis.DefaultMinIncidents, a.Name, a.TopCount, a.Incidents, a.BusFactor50)
}

// charted are the areas the trend chart draws: the components among Areas, most concentrated
// first (tags repeat what their components show), at most maxTrendLines.
func (k knowledge) charted() []areaRow {
	var out []areaRow
	for _, a := range k.Areas {
		if a.Kind == string(analysis.AreaComponent) && len(out) < maxTrendLines {
			out = append(out, a)
		}
	}
	return out
}

// chart draws the top responder's share per quarter for the most concentrated areas.
func (k knowledge) chart() *chart {
	if len(k.charted()) == 0 {
		return nil
	}
	l := charts.NewLine()
	l.SetGlobalOptions(globals(true, "44", "8", "axis")...)
	l.SetXAxis(k.Quarters)
	l.SetGlobalOptions(
		charts.WithXAxisOpts(opts.XAxis{AxisLabel: axisLabel()}),
		charts.WithYAxisOpts(opts.YAxis{Name: "% of incidents", Min: 0, Max: 100, AxisLabel: axisLabel()}),
	)
	for i, a := range k.charted() {
		data := make([]opts.LineData, len(a.Trend))
		for j, s := range a.Trend {
			data[j] = opts.LineData{Value: "-"} // ECharts' mark for a missing value
			if s != nil {
				data[j] = opts.LineData{Value: math.Round(*s * 100)}
			}
		}
		color := seriesColors[i%len(seriesColors)]
		l.AddSeries(a.Name, data, charts.WithLineChartOpts(opts.LineChart{ConnectNulls: opts.Bool(true), Symbol: "circle", SymbolSize: 8}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: color}), charts.WithLineStyleOpts(opts.LineStyle{Color: color, Width: 2}))
	}
	return &chart{ID: "chart-knowledge", Height: 300, Label: "Line chart of the top responder's share per quarter", Option: options(l)}
}
