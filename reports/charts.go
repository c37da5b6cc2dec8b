package reports

import (
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// chart is one chart of the page: the fixed ID of the element it is drawn in, the element's
// height, the label a screen reader gives it, and the ECharts options, which the page receives
// as JSON data.
type chart struct {
	ID     string         `json:"id"`
	Height int            `json:"-"`
	Label  string         `json:"-"`
	Option map[string]any `json:"option"`
}

// The report's colours: one blue for the range, a grey for the period before it and for
// unknowns, and a few muted accents where a chart needs to tell kinds apart.
const (
	barColor      = "#4c72b0"
	previousColor = "#b8c2cc"
	unknownColor  = "#b0b0b0"
	alertColor    = "#c44e52"
	amberColor    = "#dd8452"
	goodColor     = "#55a868"
	textFont      = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
)

// seriesColors tell the series of one chart apart, in order.
var seriesColors = []string{barColor, amberColor, goodColor, alertColor, "#8172b3", "#937860"}

// common sets what every bar chart shares: no animation (so a screenshot or print shows the
// final picture), the system font, a plain tooltip and a grid with the given top and bottom
// margins in pixels that leaves room for labels.
func common(b *charts.Bar, legend bool, top, bottom string) {
	b.Colors = []string{barColor}
	b.SetGlobalOptions(globals(legend, top, bottom, "axis")...)
}

// globals are the options every chart shares, with the tooltip's trigger ("axis" or "item").
func globals(legend bool, top, bottom, trigger string) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: trigger}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(legend), Top: "0", TextStyle: &opts.TextStyle{FontFamily: textFont}}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "40", Top: top, Bottom: bottom, ContainLabel: opts.Bool(true)}),
		charts.WithAriaOpts(&opts.Aria{Enabled: opts.Bool(true)}),
	}
}

// optioner is a go-echarts chart whose options can be taken as data.
type optioner interface {
	Validate()
	JSON() map[string]any
}

func options(c optioner) map[string]any {
	c.Validate()
	return c.JSON()
}

func axisLabel() *opts.AxisLabel {
	return &opts.AxisLabel{FontFamily: textFont, FontSize: 12, Color: "#333"}
}

// categoryLabel is the label of a category axis of names, cut short when too long.
func categoryLabel() *opts.AxisLabel {
	return &opts.AxisLabel{FontFamily: textFont, FontSize: 12, Color: "#333", Width: 240, Overflow: "truncate"}
}

// hbarSeries is one series of a horizontal bar chart.
type hbarSeries struct {
	name   string
	values []float64
	color  string
}

// hbar draws horizontal bars, one row per name, the first name at the top; with stack set, the
// series are stacked. unit names the value axis.
func hbar(id, label string, names []string, unit string, stack bool, series ...hbarSeries) *chart {
	if len(names) == 0 {
		return nil
	}
	b := charts.NewBar()
	top := "8"
	if len(series) > 1 {
		top = "32"
	}
	common(b, len(series) > 1, top, "28")
	b.SetXAxis(names).XYReversal()
	b.SetGlobalOptions(
		charts.WithXAxisOpts(opts.XAxis{Name: unit, NameLocation: "middle", NameGap: 26, MinInterval: 1, AxisLabel: axisLabel()}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), AxisLabel: categoryLabel()}),
	)
	b.Colors = nil
	for _, s := range series {
		data := make([]opts.BarData, len(s.values))
		for i, v := range s.values {
			data[i] = opts.BarData{Value: v}
		}
		bc := opts.BarChart{BarCategoryGap: "30%", BarGap: "10%"}
		if stack {
			bc.Stack = "total"
		}
		b.Colors = append(b.Colors, s.color)
		label := opts.Label{Show: opts.Bool(!stack), Position: "right"}
		b.AddSeries(s.name, data, charts.WithBarChartOpts(bc), charts.WithItemStyleOpts(opts.ItemStyle{Color: s.color}),
			charts.WithLabelOpts(label))
	}
	rowHeight := 26
	if !stack && len(series) > 1 {
		rowHeight = 20 * len(series)
	}
	return &chart{ID: id, Label: label, Height: 80 + rowHeight*len(names), Option: options(b)}
}
