package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/metamortem/metamortem/analysis"
)

type classesOptions struct {
	taxonomy string
	format   string
}

func newClassesCmd(g *globals, s streams) *cobra.Command {
	opts := &classesOptions{}
	cmd := &cobra.Command{
		Use:   "classes",
		Short: "List incident classes: patterns that recur, how often, where, and whether rising",
		Long: `List the incident classes: patterns that recur across at least two incidents (drills and
near misses are left out). A class is a theme of contributing factors (see metamortem themes), a
theme on one component (listed when it is not the whole theme), or a tag the reviews give.

  incidents        how many incidents the class holds
  per quarter      incidents that started in each quarter, first to last (JSON only)
  first/last seen  when the first and the latest incident started
  median interval  the typical number of days between one incident and the next, with n, the
                   number of gaps it rests on; "small" when n is below 5, so the figure says
                   little
  components       the components the incidents involved, most incidents first
  teams            the teams the catalog says own those components
  rate             incidents per quarter in the later half of the observed period against the
                   earlier half (the period runs from the first to the latest incident stored)
  p                how likely a later-half count at least this high would be if the true rate had
                   not changed (an exact test for two Poisson rates: given the total, the later
                   count is binomial); small p means the rise is unlikely to be chance
  rising           yes when p < 0.05; with few incidents a class cannot reach it, which means
                   "not enough evidence", not "stable"

--taxonomy FILE changes the known causes themes use (see metamortem themes).

--format json writes an array of classes, each
  {id, kind, label, incidents, review_ids, quarters: [{quarter, count}], first_seen,
   last_seen, median_interval_days, interval_n, interval_small_sample, components, teams,
   rate_recent, rate_earlier, p_value, rising}
where kind is "theme", "theme-component" or "tag"; id is the theme's ID, the theme's ID and
"@component", or "tag:" and the tag; review_ids are ordered by start time; times are RFC 3339
(null when no incident has a start); median_interval_days is null when interval_n is 0; rates
are incidents per quarter, rounded to two decimals; lists are never null.`,
		Example: `  $ metamortem classes
  $ metamortem classes --format json | jq '.[] | select(.rising)'
  $ metamortem classes --format json | jq '.[] | select(.kind == "tag") | {label, incidents}'`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(opts.format, "table", "json"); err != nil {
				return err
			}
			return runClasses(cmd.Context(), g, s, opts)
		},
	}
	cmd.Flags().StringVar(&opts.taxonomy, "taxonomy", "", "taxonomy file (YAML) to use instead of the built-in one")
	cmd.Flags().StringVar(&opts.format, "format", "table", "output format: table or json")
	return cmd
}

// classRow is one class as the classes command writes it in JSON; the keys are documented in
// the command's help.
type classRow struct {
	ID                  string       `json:"id"`
	Kind                string       `json:"kind"`
	Label               string       `json:"label"`
	Incidents           int          `json:"incidents"`
	ReviewIDs           []string     `json:"review_ids"`
	Quarters            []quarterRow `json:"quarters"`
	FirstSeen           *time.Time   `json:"first_seen"`
	LastSeen            *time.Time   `json:"last_seen"`
	MedianIntervalDays  *float64     `json:"median_interval_days"`
	IntervalN           int          `json:"interval_n"`
	IntervalSmallSample bool         `json:"interval_small_sample"`
	Components          []string     `json:"components"`
	Teams               []string     `json:"teams"`
	RateRecent          float64      `json:"rate_recent"`
	RateEarlier         float64      `json:"rate_earlier"`
	PValue              float64      `json:"p_value"`
	Rising              bool         `json:"rising"`
}

type quarterRow struct {
	Quarter string `json:"quarter"`
	Count   int    `json:"count"`
}

// loadClasses reads the stored reviews and finds their classes.
func loadClasses(ctx context.Context, g *globals, taxonomy string) (stored, []analysis.Class, error) {
	st, err := loadThemes(ctx, g, taxonomy, time.Time{}, time.Time{})
	if err != nil {
		return stored{}, nil, err
	}
	return st, analysis.Classes(st.reviews, analysis.ClassOptions{Catalog: st.catalog, Themes: st.themes, Resolved: st.resolved}), nil
}

func runClasses(ctx context.Context, g *globals, s streams, opts *classesOptions) error {
	_, classes, err := loadClasses(ctx, g, opts.taxonomy)
	if err != nil {
		return err
	}
	if opts.format == "json" {
		rows := make([]classRow, 0, len(classes))
		for _, c := range classes {
			rows = append(rows, newClassRow(c))
		}
		return writeJSONList(s.out, rows)
	}
	return writeClassesTable(s.out, classes)
}

func newClassRow(c analysis.Class) classRow {
	row := classRow{
		ID: c.ID, Kind: string(c.Kind), Label: c.Label, Incidents: len(c.Incidents), ReviewIDs: nonNil(c.Incidents),
		Quarters: []quarterRow{}, FirstSeen: utc(c.FirstSeen), LastSeen: utc(c.LastSeen),
		IntervalN: c.Interval.N, IntervalSmallSample: c.Interval.SmallSample,
		Components: nonNil(c.Components), Teams: nonNil(c.Teams),
		RateRecent: round2(c.Rate.RateRecent), RateEarlier: round2(c.Rate.RateEarlier),
		PValue: roundSignificant(c.Rate.P), Rising: c.Rate.Rising,
	}
	for _, q := range c.Quarters {
		row.Quarters = append(row.Quarters, quarterRow{q.Quarter.String(), q.Count})
	}
	if c.Interval.N > 0 {
		m := math.Round(c.Interval.Median*10) / 10
		row.MedianIntervalDays = &m
	}
	return row
}

func writeClassesTable(w io.Writer, classes []analysis.Class) error {
	gr := grid{columns: []string{"id", "kind", "label", "incidents", "first seen", "last seen", "median interval",
		"components", "teams", "rate recent/earlier", "p", "rising"}}
	rising := 0
	for _, c := range classes {
		gr.rows = append(gr.rows, []any{c.ID, c.Kind, c.Label, len(c.Incidents), dateText(c.FirstSeen), dateText(c.LastSeen),
			intervalText(c.Interval), c.Components, c.Teams,
			fmt.Sprintf("%.2f/%.2f per quarter", c.Rate.RateRecent, c.Rate.RateEarlier), fmt.Sprintf("%.3f", c.Rate.P), yesNo(c.Rate.Rising)})
		if c.Rate.Rising {
			rising++
		}
	}
	if err := gr.writeTable(w); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%d classes, %d rising (p < %.2f)\n", len(classes), rising, analysis.RisingLevel)
	return err
}

// intervalText writes the median interval in days with its n, marking small samples.
func intervalText(d analysis.Distribution[float64]) string {
	switch {
	case d.N == 0:
		return "-"
	case d.SmallSample:
		return fmt.Sprintf("%.0fd (n=%d, small)", d.Median, d.N)
	}
	return fmt.Sprintf("%.0fd (n=%d)", d.Median, d.N)
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// roundSignificant rounds x to four significant digits, so that 0.6562500000000003 is written
// 0.6562 and 1.2345e-7 stays non-zero.
func roundSignificant(x float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 4, 64), 64)
	return r
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
