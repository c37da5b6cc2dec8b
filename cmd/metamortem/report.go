package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/analysis"
	"github.com/metamortem/metamortem/reports"
	"github.com/metamortem/metamortem/store"
)

type reportOptions struct {
	from, to time.Time
	out      string
	title    string
	format   string
	names    bool
	taxonomy string
}

func newReportCmd(g *globals, s streams) *cobra.Command {
	opts := &reportOptions{}
	var from, to, quarter string
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Write the quarterly report: HTML, Markdown or JSON",
		Long: `Write the quarterly incident report. Each section has a chart (in HTML), the table behind it
and one sentence, written from the numbers, that says what the data shows and how many reviews
it rests on:

  1  the quarter at a glance against the quarter before: reviews by severity, kind and owning
     team; time to recover, detect and resolve as median and p90 with n, never a bare mean
  2  repeated incident classes: a class-by-quarter heatmap over the last eight quarters, with
     rising classes marked
  3  contributing-factor themes: the largest in range, and those growing fastest against the
     reviews before it, with example statements
  4  to finalise: the classes that need a systemic fix, with the evidence (metamortem finalise)
  5  knowledge concentration: knowledge islands, bus factors and their trend (metamortem experts)
  6  ownership gaps: unowned, shared, unknown-owner and mismatched components (metamortem owners)
  7  action follow-through: completion and ageing by team (metamortem actions)
  8  review quality: reviews held within 24 hours of resolution, their depth, and how many use
     blame language (the rules of metamortem lint; findings are counted, never quoted)
  9  an appendix of every review in range, and every earlier review a section cites, each with
     an anchor the sections link to and the path of its source document

The report stays readable at any number of reviews: section 4 lists, for each class, its 25
most recent incidents and the 25 most recent actions of each kind of evidence (recurred after a
fix, still open, fixed only locally), and says how many more there are (the JSON keeps the
counts: incidents_count, evidence_count, local_fixes.actions_count); when more than 200 reviews
started in the range, the appendix lists only those a section cites, and says so.

Sections about the range count the reviews that started in it; sections about history count
every review that started before its end, so a past quarter's report does not change when later
reviews arrive. Reviews with no start time are counted in no section.

--quarter 2026Q3 reports on that quarter; --from and --to on any range (a date such as
2026-07-01 or an RFC 3339 time; --to is exclusive). With neither, the report covers the latest
quarter in which a review started. The period compared is the one of the same length just before.

People are shown as stable pseudonyms ("person-3fa2c1", key: $METAMORTEM_PSEUDONYM_KEY or a
built-in default), in fields and in text, unless --names is given.

--format html (the default) writes one self-contained file that embeds its chart library and
makes no network request; md writes Markdown to paste into a document; json writes the same
content as data. The same database and range always give the same bytes. --out names the file;
the default is report.html for html and standard output for md and json; "-" is standard output.

--format json writes one object:
  {title, period, span, from, to, previous: {label, from, to}, window: [quarter], names,
   reviews, undated,
   glance: {sentence, current, previous, reviews: {key, current, previous},
            by_severity, by_kind, by_team: [{key, current, previous}],
            durations: [{measure, current_minutes, previous_minutes}]},
   classes: {sentence, quarters, more,
             rows: [{id, label, counts, incidents, components, rising, rate_earlier,
                     rate_recent, p_value}]},
   themes: {sentence, statements, themed, quarters, quarters_before,
            largest, growing: [{id, label, reviews, reviews_before, per_quarter,
                                per_quarter_before, rising, p_value,
                                examples: [{review, text}]}]},
   finalise: {sentence,
              items: [{id, kind, label, incidents: [{review, started}], incidents_count,
                       incidents_in_range, evidence_count,
                       components, teams, reasons, also,
                       evidence: [{reason, review, action, ticket, status, addressed_by, date,
                                   date_from, later, later_started, touched}],
                       local_fixes: {touched, actions: [{review, action, ticket, status}],
                                     actions_count} or null}]},
   knowledge: {sentence, described, islands, quarters,
               areas: [{kind, name, incidents, responders, top, top_count, top_share,
                        bus_factor_50, bus_factor_80, island, trend}]},
   ownership: {sentence, components, problems: [{problem, components, incidents}],
               rows: [{component, problem, owners, in_catalog, incidents,
                       incidents_in_range, owner_share, responding_teams: [{team, incidents}]}]},
   actions: {sentence, as_of, all, by_team: [{team, actions, done, open, overdue, wont_fix,
             unknown, completion_rate, open_age_days}], open_by_age: [{label, open}],
             no_owner, no_due, after_as_of},
   quality: {sentence, reviews, within_hours, on_time, late, no_review_date, no_resolution,
             delay_hours, depth: [{part, reviews, share}], blame_reviews,
             blame: [{review, rules: [{rule, count}]}]},
   appendix: {sentence, reviews, cited: [{anchor, id, title, kind, severity, started,
              components, recovery_minutes, source, format}]}}
where a review is {id, anchor} (anchor is the appendix row's element ID); a distribution
(current_minutes, open_age_days, delay_hours) is {n, median, p90, small_sample} in the unit its
key names; shares and rates are fractions and per-quarter numbers; trend holds the top
responder's share in each quarter of the window, null for a quarter with no incidents; times are
RFC 3339 in UTC and null when unknown; lists are never null.`,
		Example: `  $ metamortem report
  $ metamortem report --quarter 2026Q3 --out 2026Q3.html
  $ metamortem report --from 2025-01-01 --to 2026-01-01 --out 2025.html
  $ metamortem report --quarter 2026Q3 --format md > 2026Q3.md
  $ metamortem report --format json | jq '.finalise.items[].label'`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(opts.format, "html", "md", "json"); err != nil {
				return err
			}
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
			if opts.out == "" && opts.format == "html" {
				opts.out = "report.html"
			}
			return runReport(cmd.Context(), g, s, opts)
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "first day in range (inclusive)")
	cmd.Flags().StringVar(&to, "to", "", "end of range (exclusive)")
	cmd.Flags().StringVar(&quarter, "quarter", "", "a quarter such as 2026Q3 (default: the latest with reviews)")
	cmd.Flags().StringVarP(&opts.out, "out", "o", "", `output file, "-" for standard output (default report.html for html, standard output otherwise)`)
	cmd.Flags().StringVar(&opts.title, "title", "", "title of the report")
	cmd.Flags().StringVar(&opts.format, "format", "html", "output format: html, md or json")
	cmd.Flags().BoolVar(&opts.names, "names", false, "show people by name instead of pseudonyms")
	cmd.Flags().StringVar(&opts.taxonomy, "taxonomy", "", "taxonomy file (YAML) to use instead of the built-in one")
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
	qopts := reports.QuarterlyOptions{Title: opts.title, From: opts.from, To: opts.to, Names: opts.names,
		PseudonymKey: os.Getenv(pseudonymKeyEnv)}
	if opts.taxonomy != "" {
		f, err := os.Open(opts.taxonomy)
		if err != nil {
			return err
		}
		qopts.Taxonomy, err = analysis.LoadTaxonomy(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("taxonomy %s: %w", opts.taxonomy, err)
		}
	}
	reviews, cat, err := loadReviewsFilling(ctx, g, store.ReviewsOptions{Sections: themeSections},
		func(reviews []metamortem.Review) []*metamortem.Review {
			return startedIn(reviews, qopts.From, qopts.To)
		})
	if err != nil {
		return err
	}
	q := reports.NewQuarterly(reviews, cat, qopts)
	var buf bytes.Buffer
	switch opts.format {
	case "md":
		err = reports.WriteMarkdown(&buf, q)
	case "json":
		err = reports.WriteJSON(&buf, q)
	default:
		err = reports.WriteHTML(&buf, q, reports.Options{})
	}
	if err != nil {
		return err
	}
	if opts.out == "" || opts.out == "-" {
		_, err := s.out.Write(buf.Bytes())
		return err
	}
	if err := os.WriteFile(opts.out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	fmt.Fprintf(s.out, "wrote %s: %s, %d reviews in range, %d undated\n", opts.out, q.Period, q.Reviews, q.Undated)
	return nil
}

// startedIn returns the reviews that started in the range the report covers (reports.Range of
// from and to): the only ones whose sections other than themeSections the report reads (in its
// review-quality section).
func startedIn(reviews []metamortem.Review, from, to time.Time) []*metamortem.Review {
	from, to = reports.Range(reviews, from, to)
	var in []*metamortem.Review
	for i := range reviews {
		if s := reviews[i].StartedAt; s != nil && !s.Before(from) && s.Before(to) {
			in = append(in, &reviews[i])
		}
	}
	return in
}
