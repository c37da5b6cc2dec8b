package reports

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/metamortem/metamortem/analysis"
)

// maxClasses is how many classes the heatmap shows at most.
const maxClasses = 12

// risingMark follows the label of a rising class in the heatmap and the tables.
const risingMark = " ▲"

// classes is section 2: the incident classes found from contributing-factor themes (see
// analysis.Classes), counted by quarter over the trend window, with the rising ones marked.
type classes struct {
	Sentence string     `json:"sentence"`
	Quarters []string   `json:"quarters"`
	Rows     []classRow `json:"rows"`
	// More counts the classes with incidents in the window that the rows leave out.
	More int `json:"more"`
}

// classRow is one class: its incidents per quarter of the window, and whether its rate rose.
type classRow struct {
	ID         string   `json:"id"`
	Label      string   `json:"label"`
	Counts     []int    `json:"counts"`
	Incidents  int      `json:"incidents"`
	Components []string `json:"components"`
	// Rising is true when the class's incidents came significantly faster in the later half
	// of its history than in the earlier half (analysis.RateComparison), with RateEarlier,
	// RateRecent (incidents per quarter) and PValue the test behind it.
	Rising      bool    `json:"rising"`
	RateEarlier float64 `json:"rate_earlier"`
	RateRecent  float64 `json:"rate_recent"`
	PValue      float64 `json:"p_value"`
}

func newClasses(in input) classes {
	c := classes{Quarters: []string{}, Rows: []classRow{}}
	column := map[analysis.Quarter]int{}
	for i, q := range in.window {
		c.Quarters = append(c.Quarters, q.String())
		column[q] = i
	}
	var rows []classRow
	for _, cl := range in.classes {
		if cl.Kind != analysis.ClassTheme {
			continue
		}
		row := classRow{ID: cl.ID, Label: cl.Label, Counts: make([]int, len(in.window)), Components: nonNil(cl.Components),
			Rising: cl.Rate.Rising, RateEarlier: round(cl.Rate.RateEarlier, 2), RateRecent: round(cl.Rate.RateRecent, 2),
			PValue: round(cl.Rate.P, 4)}
		for _, q := range cl.Quarters {
			if i, ok := column[q.Quarter]; ok {
				row.Counts[i] += q.Count
				row.Incidents += q.Count
			}
		}
		if row.Incidents > 0 {
			rows = append(rows, row)
		}
	}
	slices.SortStableFunc(rows, func(a, b classRow) int {
		return cmp.Or(cmp.Compare(b.Incidents, a.Incidents), strings.Compare(a.Label, b.Label))
	})
	if len(rows) > maxClasses {
		c.More = len(rows) - maxClasses
		rows = rows[:maxClasses]
	}
	c.Rows = append(c.Rows, rows...)
	c.Sentence = classesSentence(c)
	return c
}

func classesSentence(c classes) string {
	window := c.Quarters[0] + "–" + c.Quarters[len(c.Quarters)-1]
	if len(c.Rows) == 0 {
		return fmt.Sprintf("No incident class recurred in %s: no contributing factor was shared by two incidents.", window)
	}
	top := c.Rows[0]
	s := fmt.Sprintf("%s in %s; the largest, %s, had %s",
		count(len(c.Rows)+c.More, "incident class had incidents", "incident classes had incidents"), window, top.Label, count(top.Incidents, "incident", "incidents"))
	if len(c.Rows)+c.More == 1 {
		s = fmt.Sprintf("One incident class had incidents in %s, %s, with %s", window, top.Label, count(top.Incidents, "incident", "incidents"))
	}
	var rising []string
	for _, r := range c.Rows {
		if r.Rising {
			rising = append(rising, r.Label)
		}
	}
	switch len(rising) {
	case 0:
		s += ", and none is rising"
	case len(c.Rows) + c.More:
		s += ", and it is rising"
	case 1:
		s += ", and one is rising: " + rising[0]
	default:
		s += fmt.Sprintf(", and %d are rising: %s", len(rising), list(rising))
	}
	return s + "."
}

// chart is the class-by-quarter heatmap, the largest class at the top, rising classes marked.
func (c classes) chart() *chart {
	if len(c.Rows) == 0 {
		return nil
	}
	h := charts.NewHeatMap()
	h.SetGlobalOptions(globals(false, "8", "8", "item")...)
	labels := make([]string, len(c.Rows))
	var data []opts.HeatMapData
	most := 1
	for y, r := range c.Rows {
		labels[y] = r.Label
		if r.Rising {
			labels[y] += risingMark
		}
		for x, n := range r.Counts {
			most = max(most, n)
			if n > 0 {
				data = append(data, opts.HeatMapData{Value: [3]int{x, y, n}})
			}
		}
	}
	h.SetGlobalOptions(
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: c.Quarters, AxisLabel: axisLabel(), SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: labels, Inverse: opts.Bool(true), AxisLabel: categoryLabel(),
			SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		charts.WithVisualMapOpts(opts.VisualMap{Show: opts.Bool(false), Min: 0, Max: float32(most),
			InRange: &opts.VisualMapInRange{Color: []string{"#dbe5f1", barColor, "#1f3d73"}}}),
	)
	h.AddSeries("incidents", data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Color: "#fff"}))
	return &chart{ID: "chart-classes", Height: 70 + 30*len(c.Rows),
		Label: "Heatmap of incidents per class and quarter", Option: options(h)}
}

// nonNil returns xs, or an empty list for nil, so that JSON shows [] rather than null.
func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
