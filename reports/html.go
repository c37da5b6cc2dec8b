package reports

import (
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/analysis"
)

// Options change how WriteHTML writes a report.
type Options struct {
	// Title heads the page and names it in the browser; empty means "Incident overview".
	Title string

	// stubECharts replaces the 1 MB ECharts library with a one-line comment, so that golden
	// files stay small. The charts do not draw then.
	stubECharts bool
}

// pageData is everything the page template shows. Review text stays plain strings, for the
// template to escape; only our own embedded scripts and styles are marked as trusted.
type pageData struct {
	// The header: title, range, headline figures and the sentence under them.
	Title     string
	Span      string
	Reviewed  int
	Recovered string
	Undated   int
	Outside   int
	Summary   string

	// The sections, each with its sentence and chart; the recovery section has more to say.
	Quarters   section
	Components section
	Recovery   section
	Headline   string
	Warning    string
	Excluded   string

	// The tables of reviews in range and of reviews with no start time.
	Rows            []row
	UndatedRows     []row
	UndatedSentence string

	// The charts' options, for the page's script, and our own trusted assets.
	Charts   []chart
	CSP      string
	Style    template.CSS
	ErrorsJS template.JS
	ECharts  template.JS
	ChartsJS template.JS
	EChartsV string
}

// section is one part of the report: the sentence that opens it and its chart, if it has one.
type section struct {
	Sentence string
	Chart    *chart
}

// row is one review in a table of the report.
type row struct {
	Started    string
	ID         string
	Title      string
	Severity   string
	Components string
	Recovery   string
	Source     string
}

// WriteHTML writes the overview o to w as one self-contained HTML page: a header with the range
// and counts, reviews per quarter by severity, the components named most, the distribution of
// recovery times and a table of every review. The page needs no network and runs no code built
// from review text.
func WriteHTML(w io.Writer, o analysis.Overview, opt Options) error {
	d := pageData{
		Title:     opt.Title,
		Span:      span(o.From, o.To),
		Summary:   summarySentence(o),
		Reviewed:  len(o.Reviews),
		Undated:   len(o.Undated),
		Outside:   o.OutOfRange,
		Recovered: "–",
		Quarters:  section{quartersSentence(o), quartersChart(o)},
		Recovery:  section{recoverySentence(o.Recovery), recoveryChart(o.Recovery)},
		Headline:  recoveryHeadline(o.Recovery),
		Warning:   smallSampleWarning(o.Recovery),
		Excluded:  excludedSentence(o.Recovery),
		Style:     template.CSS(pageCSS),
		ErrorsJS:  template.JS(errorsJS),
		ECharts:   template.JS(echartsJS),
		ChartsJS:  template.JS(chartsJS),
		EChartsV:  echartsVersion,
	}
	if d.Title == "" {
		d.Title = "Incident overview"
	}
	if opt.stubECharts {
		d.ECharts = echartsStub
	}
	components := componentsChart(o)
	d.Components = section{componentsSentence(o, min(len(o.Components), topComponents)), components}
	if o.Recovery.Times.N > 0 {
		d.Recovered = duration(o.Recovery.Times.Median)
	}
	d.Charts = []chart{} // so that the page gets [] rather than null
	for _, c := range []*chart{d.Quarters.Chart, d.Components.Chart, d.Recovery.Chart} {
		if c != nil {
			d.Charts = append(d.Charts, *c)
		}
	}
	for _, r := range o.Reviews {
		d.Rows = append(d.Rows, newRow(r))
	}
	for _, r := range o.Undated {
		d.UndatedRows = append(d.UndatedRows, newRow(r))
	}
	d.CSP = strings.Join([]string{
		"default-src 'none'",
		"script-src " + scriptHash(string(d.ErrorsJS)) + " " + scriptHash(string(d.ECharts)) + " " + scriptHash(string(d.ChartsJS)),
		"style-src 'unsafe-inline'",
		"img-src data:",
		"base-uri 'none'",
		"form-action 'none'",
	}, "; ")
	if err := page.Execute(w, d); err != nil {
		return fmt.Errorf("write html report: %w", err)
	}
	return nil
}

func newRow(r metamortem.Review) row {
	out := row{
		ID:         r.ID,
		Title:      r.Title,
		Severity:   analysis.SeverityLabel(r.Severity),
		Components: strings.Join(r.Components, ", "),
		Source:     r.Source.Path,
		Started:    "–",
	}
	if r.StartedAt != nil {
		out.Started = r.StartedAt.UTC().Format("2006-01-02 15:04")
	}
	switch d, status := analysis.RecoveryTime(r); status {
	case analysis.RecoveryKnown:
		out.Recovery = duration(d)
	case analysis.RecoveryNotPositive:
		out.Recovery = "ends before start"
	default:
		out.Recovery = "–"
	}
	return out
}
