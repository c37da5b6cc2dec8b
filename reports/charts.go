package reports

import (
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/metamortem/metamortem/analysis"
)

// topComponents is how many components the components chart shows at most.
const topComponents = 15

// chart is one chart of the page: the fixed ID of the element it is drawn in, the element's
// height and the ECharts options, which the page receives as JSON data.
type chart struct {
	ID     string         `json:"id"`
	Height int            `json:"-"`
	Option map[string]any `json:"option"`
}

// severityColors run from red for the worst severity to blue for the mildest.
var severityColors = []string{"#b2182b", "#e6550d", "#fdae6b", "#9ecae1", "#4292c6", "#08519c", "#6a51a3", "#9e9ac8"}

const (
	unknownColor = "#b0b0b0"
	barColor     = "#4c72b0"
	textFont     = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
)

// common sets what every chart shares: no animation (so a screenshot or print shows the final
// picture), the system font, a plain tooltip and a grid with the given top and bottom margins
// in pixels that leaves room for labels.
func common(b *charts.Bar, legend bool, top, bottom string) {
	b.Colors = []string{barColor}
	b.SetGlobalOptions(
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(legend), Top: "0", TextStyle: &opts.TextStyle{FontFamily: textFont}}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "40", Top: top, Bottom: bottom, ContainLabel: opts.Bool(true)}),
		charts.WithAriaOpts(&opts.Aria{Enabled: opts.Bool(true)}),
	)
}

func options(b *charts.Bar) map[string]any {
	b.Validate()
	return b.JSON()
}

func axisLabel() *opts.AxisLabel {
	return &opts.AxisLabel{FontFamily: textFont, FontSize: 12, Color: "#333"}
}

// quartersChart stacks the reviews of each quarter by severity, worst at the bottom.
func quartersChart(o analysis.Overview) *chart {
	if len(o.Quarters) == 0 {
		return nil
	}
	b := charts.NewBar()
	common(b, true, "40", "8")
	b.SetGlobalOptions(
		charts.WithXAxisOpts(opts.XAxis{AxisLabel: axisLabel()}),
		charts.WithYAxisOpts(opts.YAxis{Name: "reviews", MinInterval: 1, AxisLabel: axisLabel()}),
	)
	labels := make([]string, len(o.Quarters))
	for i, q := range o.Quarters {
		labels[i] = q.Quarter.String()
	}
	b.SetXAxis(labels)
	b.Colors = nil
	for s, severity := range o.Severities {
		data := make([]opts.BarData, len(o.Quarters))
		for i, q := range o.Quarters {
			data[i] = opts.BarData{Value: q.BySeverity[s]}
		}
		color := severityColors[min(s, len(severityColors)-1)]
		if severity == analysis.UnknownSeverity {
			color = unknownColor
		}
		b.Colors = append(b.Colors, color)
		b.AddSeries(severity, data,
			charts.WithBarChartOpts(opts.BarChart{Stack: "severity", BarCategoryGap: "30%"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: color}))
	}
	return &chart{ID: "chart-quarters", Height: 360, Option: options(b)}
}

// componentsChart ranks the components named most, the most named at the top.
func componentsChart(o analysis.Overview) *chart {
	if len(o.Components) == 0 {
		return nil
	}
	top := o.Components[:min(len(o.Components), topComponents)]
	b := charts.NewBar()
	common(b, false, "8", "28")
	names := make([]string, len(top))
	data := make([]opts.BarData, len(top))
	for i, c := range top {
		names[i] = c.Component
		data[i] = opts.BarData{Value: c.Count}
	}
	b.SetXAxis(names).XYReversal()
	b.SetGlobalOptions(
		charts.WithXAxisOpts(opts.XAxis{Name: "reviews", NameLocation: "middle", NameGap: 26, MinInterval: 1, AxisLabel: axisLabel()}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{FontFamily: textFont, FontSize: 12, Color: "#333", Width: 220, Overflow: "truncate"}}),
	)
	b.AddSeries("reviews", data,
		charts.WithBarChartOpts(opts.BarChart{BarCategoryGap: "25%"}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: barColor}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}))
	return &chart{ID: "chart-components", Height: 60 + 28*len(top), Option: options(b)}
}

// recoveryChart is the histogram of recovery times.
func recoveryChart(r analysis.Recovery) *chart {
	if r.Times.N == 0 {
		return nil
	}
	b := charts.NewBar()
	common(b, false, "32", "32")
	labels := make([]string, len(r.Histogram))
	data := make([]opts.BarData, len(r.Histogram))
	for i, bucket := range r.Histogram {
		labels[i] = bucket.Label
		data[i] = opts.BarData{Value: bucket.Count}
	}
	b.SetXAxis(labels)
	b.SetGlobalOptions(
		charts.WithXAxisOpts(opts.XAxis{Name: "recovery time", NameLocation: "middle", NameGap: 30, AxisLabel: axisLabel()}),
		charts.WithYAxisOpts(opts.YAxis{Name: "reviews", MinInterval: 1, AxisLabel: axisLabel()}),
	)
	b.AddSeries("reviews", data,
		charts.WithBarChartOpts(opts.BarChart{BarCategoryGap: "8%"}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: barColor}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top"}))
	return &chart{ID: "chart-recovery", Height: 300, Option: options(b)}
}
