package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/metamortem/metamortem/analysis"
	"github.com/metamortem/metamortem/reports"
)

type reportOptions struct {
	from, to time.Time
	out      string
	title    string
}

func newReportCmd(g *globals, s streams) *cobra.Command {
	opts := &reportOptions{}
	var from, to, quarter string
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Write a self-contained HTML report of the reviews in a range",
		Long: `Write a single self-contained HTML file: reviews per quarter by severity, the components
with most incidents, the distribution of recovery times (median and percentiles with n, never a
bare mean) and a table of every review in range. The file embeds its chart library and makes no
network request, so it opens offline and can be mailed or archived. The same database and range
always give the same bytes.

--from and --to take a date (2026-07-01) or an RFC 3339 time; --to is exclusive. --quarter
2026Q3 is shorthand for that quarter's range.`,
		Example: `  $ metamortem report --out report.html
  $ metamortem report --quarter 2026Q3 --out 2026Q3.html
  $ metamortem report --from 2025-01-01 --to 2026-01-01 --out 2025.html`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			var err error
			if quarter != "" {
				if from != "" || to != "" {
					return usageError{fmt.Errorf("--quarter cannot be combined with --from or --to")}
				}
				q, err := analysis.ParseQuarter(quarter)
				if err != nil {
					return usageError{fmt.Errorf("--quarter: %w", err)}
				}
				opts.from, opts.to = q.Range()
			}
			if opts.from, err = parseDateFlag("--from", from, opts.from); err != nil {
				return err
			}
			if opts.to, err = parseDateFlag("--to", to, opts.to); err != nil {
				return err
			}
			if !opts.from.IsZero() && !opts.to.IsZero() && !opts.from.Before(opts.to) {
				return usageError{fmt.Errorf("--from must be before --to")}
			}
			return runReport(cmd.Context(), g, s, opts)
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "first day in range (inclusive)")
	cmd.Flags().StringVar(&to, "to", "", "end of range (exclusive)")
	cmd.Flags().StringVar(&quarter, "quarter", "", "a quarter such as 2026Q3")
	cmd.Flags().StringVarP(&opts.out, "out", "o", "report.html", "output file")
	cmd.Flags().StringVar(&opts.title, "title", "", "title of the report")
	return cmd
}

// parseDateFlag reads a date (YYYY-MM-DD, UTC midnight) or RFC 3339 time; empty keeps def.
func parseDateFlag(name, value string, def time.Time) (time.Time, error) {
	if value == "" {
		return def, nil
	}
	if t, err := time.Parse("2006-01-02", value); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, value); err == nil {
		return t.UTC(), nil
	}
	return time.Time{}, usageError{fmt.Errorf("%s %q is not a date (2026-07-01) or RFC 3339 time", name, value)}
}

func runReport(ctx context.Context, g *globals, s streams, opts *reportOptions) error {
	db, err := openReadOnly(ctx, g)
	if err != nil {
		return err
	}
	reviews, err := db.Reviews(ctx)
	db.Close()
	if err != nil {
		return err
	}
	overview := analysis.NewOverview(reviews, opts.from, opts.to)
	var buf bytes.Buffer
	if err := reports.WriteHTML(&buf, overview, reports.Options{Title: opts.title}); err != nil {
		return err
	}
	if err := os.WriteFile(opts.out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(s.out, "wrote %s: %d reviews in range, %d undated\n", opts.out, len(overview.Reviews), len(overview.Undated))
	return nil
}
