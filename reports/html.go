package reports

import (
	"fmt"
	"html/template"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/metamortem/metamortem/analysis"
)

// Options change how WriteHTML writes a report.
type Options struct {
	// stubECharts replaces the 1 MB ECharts library with a one-line comment, so that golden
	// files stay small. The charts do not draw then.
	stubECharts bool
}

// pageData is everything the page template shows. Review text stays plain strings, for the
// template to escape; only our own embedded scripts and styles are marked as trusted.
type pageData struct {
	Q Quarterly
	// The sections' charts (nil for a section with nothing to draw) and all of them as the
	// page's script receives them.
	Glance, Classes, Themes, Finalise, Knowledge, Ownership, Actions, Quality *chart
	Charts                                                                    []chart

	// Tables that gather several lists of the report.
	GlanceTables  []part[countRow]
	ThemeParts    []part[themeRow]
	AppendixParts []part[reviewRow]
	ActionRows    []tallyRow
	// MaxEvidence is how many actions section 4 lists for each reason.
	MaxEvidence int

	CSP      string
	Style    template.CSS
	ErrorsJS template.JS
	ECharts  template.JS
	ChartsJS template.JS
	EChartsV string
}

// part is a named list of rows, shown as one table under its own heading.
type part[T any] struct {
	Name string
	Rows []T
}

// WriteHTML writes the quarterly report q to w as one self-contained HTML page: a summary of
// what each section shows, then the sections, each with its sentence, chart and table, and an
// appendix of the reviews with an anchor for each. The page needs no network and runs no code
// built from review text.
func WriteHTML(w io.Writer, q Quarterly, opt Options) error {
	d := pageData{
		Q:         q,
		Glance:    q.Glance.chart(),
		Classes:   q.Classes.chart(),
		Themes:    q.Themes.chart(),
		Finalise:  q.Finalise.chart(),
		Knowledge: q.Knowledge.chart(),
		Ownership: q.Ownership.chart(),
		Actions:   q.Actions.chart(),
		Quality:   q.Quality.chart(),
		Style:     template.CSS(pageCSS),
		ErrorsJS:  template.JS(errorsJS),
		ECharts:   template.JS(echartsJS),
		ChartsJS:  template.JS(chartsJS),
		EChartsV:  echartsVersion,

		MaxEvidence: maxEvidence,
	}
	if opt.stubECharts {
		d.ECharts = echartsStub
	}
	d.GlanceTables = []part[countRow]{{"Severity", q.Glance.Severity}, {"Kind", q.Glance.Kind}, {"Owning team (incidents)", q.Glance.Team}}
	d.ThemeParts = []part[themeRow]{{"Largest in range", q.Themes.Largest}, {"Growing fastest", q.Themes.Growing}}
	d.AppendixParts = []part[reviewRow]{{"Reviews in range", q.Appendix.Reviews}, {"Earlier reviews cited", q.Appendix.Cited}}
	d.ActionRows = append(slices.Clone(q.Actions.Teams), q.Actions.All)
	d.Charts = []chart{} // so that the page gets [] rather than null
	for _, c := range []*chart{d.Glance, d.Classes, d.Themes, d.Finalise, d.Knowledge, d.Ownership, d.Actions, d.Quality} {
		if c != nil {
			d.Charts = append(d.Charts, *c)
		}
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

// pageFuncs are the formatting functions the page template uses; each returns plain text for
// the template to escape.
var pageFuncs = template.FuncMap{
	"minutes": func(m float64) string { return duration(minutes(m)) },
	"hours":   func(h float64) string { return duration(time.Duration(h * float64(time.Hour))) },
	"percent": percent,
	"join":    func(xs []string) string { return strings.Join(xs, ", ") },
	"date": func(t *time.Time) string {
		if t == nil {
			return "–"
		}
		return t.UTC().Format(time.DateOnly)
	},
	"datetime": func(t *time.Time) string {
		if t == nil {
			return "–"
		}
		return t.UTC().Format("2006-01-02 15:04")
	},
	"day":      func(t time.Time) string { return day(t) },
	"lastDay":  func(t time.Time) string { return day(t.Add(-time.Nanosecond)) },
	"rate":     rate,
	"pvalue":   pValue,
	"href":     func(path string) string { return filepath.ToSlash(path) },
	"reason":   reasonWords,
	"teams":    teamsText,
	"rules":    rulesText,
	"cell":     func(s *float64) string { return trendCell(s) },
	"recovery": func(m *float64) string { return optionalMinutes(m) },
	"bus":      busFactor,
	"few":      fewNames,
	"add":      func(a, b int) int { return a + b },
}

// maxNames is how many names a table cell lists before it counts the rest.
const maxNames = 3

// fewNames lists at most maxNames names and counts the rest: "a, b, c and 4 more".
func fewNames(names []string) string {
	if len(names) <= maxNames {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:maxNames], ", ") + fmt.Sprintf(" and %d more", len(names)-maxNames)
}

// busFactor writes a bus factor, "–" for 0 (all responders together were not in enough
// incidents to reach the share).
func busFactor(n int) string {
	if n == 0 {
		return "–"
	}
	return strconv.Itoa(n)
}

// reasonWords is how the report writes a reason of analysis.Finalise, as a verb phrase whose
// subject is the class.
func reasonWords(r string) string {
	switch analysis.Reason(r) {
	case analysis.ReasonRecurredAfterFix:
		return "recurred after a fix"
	case analysis.ReasonLocalFixesOnly:
		return "was fixed only locally"
	case analysis.ReasonStillOpen:
		return "recurred while an action was past due"
	}
	return r
}

func teamsText(ts []teamCount) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = fmt.Sprintf("%s (%d)", t.Team, t.Incidents)
	}
	return strings.Join(parts, ", ")
}

func rulesText(rs []ruleCount) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = fmt.Sprintf("%s ×%d", r.Rule, r.Count)
	}
	return strings.Join(parts, ", ")
}

func trendCell(s *float64) string {
	if s == nil {
		return "–"
	}
	return percent(s)
}

func optionalMinutes(m *float64) string {
	if m == nil {
		return "–"
	}
	return duration(minutes(*m))
}
