package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/metamortem/metamortem/analysis"
)

type actionsOptions struct {
	format   string
	asOf     time.Time
	names    bool
	examples int
}

func newActionsCmd(g *globals, s streams) *cobra.Command {
	opts := &actionsOptions{}
	var asOf string
	cmd := &cobra.Command{
		Use:   "actions",
		Short: "Show how reviews' action items were followed through",
		Long: `Measure follow-through on the action items reviews agreed, as of one date: --as-of, or by
default the latest review date in the data (never the clock, so the same database always gives
the same output). An action is agreed on its review's date, else on the incident's resolution;
actions agreed after the as-of date are left out. Statuses are as the reviews record them now.

  completion rate  done / (done + open + won't fix); actions of unknown status are counted
                   apart, not in the rate
  won't fix        won't fix / (done + open + won't fix)
  overdue          open actions whose due date is before the as-of date
  open age         days from agreement to the as-of date of open actions: median, 75th and
                   90th percentile with n ("small" below 5), and counts by age bracket
  days to due      for done actions, days from agreement to their due date. Reviews record no
                   date an action was finished, so the due date is the only date there is:
                   this is how long teams gave themselves, not how long they took

Each is also broken down by owning team (the owner's team, through the catalog; else the team
owning the review's component; else "(none)"), by severity and by the quarter the action was
agreed in. Actions with no owner and with no due date are counted, with a few examples; owners
in examples are shown as pseudonyms unless --names is given (see metamortem experts).

--format json writes one object with the keys
  as_of (null when no review gives a date and --as-of is not set), after_as_of, all, by_team [{team, …}], by_severity [{severity, …}],
  by_quarter [{quarter, …}], open_by_age [{bracket, open}], no_owner, no_due
where all and each group hold actions, done, open, wont_fix, unknown, overdue,
completion_rate and wont_fix_share (null when nothing is decided), open_age_days and
days_to_due ({n, median, p75, p90, min, max, small_sample}) and age_unknown; no_owner and
no_due are {count, examples [{review, text, owner, team, status}]}; an owner that is a team
is always shown by name.`,
		Example: `  $ metamortem actions
  $ metamortem actions --as-of 2026-07-01
  $ metamortem actions --format json | jq '.by_team[] | {team, completion_rate, overdue}'`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(opts.format, "table", "json"); err != nil {
				return err
			}
			var err error
			if opts.asOf, err = parseDateFlag("--as-of", asOf, time.Time{}); err != nil {
				return err
			}
			if opts.examples < 0 {
				return usageError{fmt.Errorf("--examples must not be negative, got %d", opts.examples)}
			}
			return runActions(cmd.Context(), g, s, opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "table", "output format: table or json")
	cmd.Flags().StringVar(&asOf, "as-of", "", "date to count ages and overdue items at (default: the latest review date)")
	cmd.Flags().BoolVar(&opts.names, "names", false, "show owners' names instead of pseudonyms")
	cmd.Flags().IntVar(&opts.examples, "examples", analysis.DefaultActionExamples, "examples of actions with no owner or no due date")
	return cmd
}

type actionsReport struct {
	AsOf      *string          `json:"as_of"`
	AfterAsOf int              `json:"after_as_of"`
	All       actionTallyRow   `json:"all"`
	ByTeam    []actionGroupRow `json:"by_team"`
	BySev     []actionGroupRow `json:"by_severity"`
	ByQuarter []actionGroupRow `json:"by_quarter"`
	OpenByAge []ageBracketRow  `json:"open_by_age"`
	NoOwner   actionListRow    `json:"no_owner"`
	NoDue     actionListRow    `json:"no_due"`
}

type actionTallyRow struct {
	Actions        int             `json:"actions"`
	Done           int             `json:"done"`
	Open           int             `json:"open"`
	WontFix        int             `json:"wont_fix"`
	Unknown        int             `json:"unknown"`
	Overdue        int             `json:"overdue"`
	CompletionRate *float64        `json:"completion_rate"`
	WontFixShare   *float64        `json:"wont_fix_share"`
	OpenAgeDays    distributionRow `json:"open_age_days"`
	AgeUnknown     int             `json:"age_unknown"`
	DaysToDue      distributionRow `json:"days_to_due"`
}

// actionGroupRow is a tally under its group's key, which sets exactly one of team, severity
// and quarter.
type actionGroupRow struct {
	Team     *string `json:"team,omitempty"`
	Severity *string `json:"severity,omitempty"`
	Quarter  *string `json:"quarter,omitempty"`
	actionTallyRow
	label string
}

type distributionRow struct {
	N           int  `json:"n"`
	Median      int  `json:"median"`
	P75         int  `json:"p75"`
	P90         int  `json:"p90"`
	Min         int  `json:"min"`
	Max         int  `json:"max"`
	SmallSample bool `json:"small_sample"`
}

type ageBracketRow struct {
	Bracket string `json:"bracket"`
	Open    int    `json:"open"`
}

type actionListRow struct {
	Count    int                `json:"count"`
	Examples []actionExampleRow `json:"examples"`
}

type actionExampleRow struct {
	Review string `json:"review"`
	Text   string `json:"text"`
	Owner  string `json:"owner"`
	Team   string `json:"team"`
	Status string `json:"status"`
}

func runActions(ctx context.Context, g *globals, s streams, opts *actionsOptions) error {
	reviews, cat, err := loadReviews(ctx, g)
	if err != nil {
		return err
	}
	f := analysis.Actions(reviews, cat, analysis.ActionsOptions{AsOf: opts.asOf, Examples: max(opts.examples, 1)})
	var owners []string
	for _, l := range []analysis.ActionList{f.NoOwner, f.NoDue} {
		for _, ex := range l.Examples {
			if !ex.OwnerIsTeam {
				owners = append(owners, ex.Owner)
			}
		}
	}
	name := peopleNamer(opts.names, owners)
	rep := actionsReport{
		AfterAsOf: f.AfterAsOf, All: newActionTallyRow(f.All),
		ByTeam: groupRows("team", f.ByTeam), BySev: groupRows("severity", f.BySeverity),
		ByQuarter: groupRows("quarter", f.ByQuarter), OpenByAge: []ageBracketRow{},
		NoOwner: newActionListRow(f.NoOwner, opts.examples, name), NoDue: newActionListRow(f.NoDue, opts.examples, name),
	}
	if !f.AsOf.IsZero() {
		asOf := f.AsOf.Format(time.RFC3339)
		rep.AsOf = &asOf
	}
	for _, b := range f.OpenByAge {
		rep.OpenByAge = append(rep.OpenByAge, ageBracketRow{b.Label, b.Open})
	}
	if opts.format == "json" {
		return writeIndentedJSON(s.out, rep)
	}
	return rep.writeTable(s.out, opts.names)
}

func newActionTallyRow(t analysis.ActionTally) actionTallyRow {
	r := actionTallyRow{Actions: t.Actions, Done: t.Done, Open: t.Open, WontFix: t.WontFix, Unknown: t.Unknown,
		Overdue: t.Overdue, OpenAgeDays: distributionRow(t.OpenAgeDays), AgeUnknown: t.AgeUnknown,
		DaysToDue: distributionRow(t.DaysToDue)}
	if rate, ok := t.CompletionRate(); ok {
		rate = roundShare(rate)
		r.CompletionRate = &rate
	}
	if share, ok := t.WontFixShare(); ok {
		share = roundShare(share)
		r.WontFixShare = &share
	}
	return r
}

func groupRows(key string, groups []analysis.ActionGroup) []actionGroupRow {
	out := []actionGroupRow{}
	for _, gr := range groups {
		r := actionGroupRow{actionTallyRow: newActionTallyRow(gr.ActionTally), label: gr.Key}
		k := gr.Key
		switch key {
		case "team":
			r.Team = &k
		case "severity":
			r.Severity = &k
		default:
			r.Quarter = &k
		}
		out = append(out, r)
	}
	return out
}

func newActionListRow(l analysis.ActionList, examples int, name func(string) string) actionListRow {
	r := actionListRow{Count: l.Count, Examples: []actionExampleRow{}}
	for _, ex := range l.Examples[:min(examples, len(l.Examples))] {
		owner := ex.Owner
		if !ex.OwnerIsTeam {
			owner = name(owner)
		}
		r.Examples = append(r.Examples, actionExampleRow{ex.Review, ex.Text, owner, ex.Team, string(ex.Status)})
	}
	return r
}

// writeTable writes the report as a summary, the three breakdowns, the age brackets and the
// examples.
func (rep actionsReport) writeTable(w io.Writer, names bool) error {
	a := rep.All
	asOf := "an unknown date (no review has a review or resolution date: pass --as-of)"
	if rep.AsOf != nil {
		asOf = (*rep.AsOf)[:len("2006-01-02")]
	}
	fmt.Fprintf(w, "Action items agreed by %s: %d (%d done, %d open, %d won't fix, %d status unknown)\n",
		asOf, a.Actions, a.Done, a.Open, a.WontFix, a.Unknown)
	if rep.AfterAsOf > 0 {
		fmt.Fprintf(w, "left out: %d agreed after %s\n", rep.AfterAsOf, asOf)
	}
	fmt.Fprintf(w, "completion rate %s, won't fix %s, overdue %d of %d open\n", percentText(a.CompletionRate), percentText(a.WontFixShare), a.Overdue, a.Open)
	fmt.Fprintf(w, "open age %s; days to due date of done actions %s (no finish dates are recorded)\n\n",
		daysText(a.OpenAgeDays), daysText(a.DaysToDue))
	for _, sec := range []struct {
		title, column string
		groups        []actionGroupRow
	}{{"By owning team:", "team", rep.ByTeam}, {"By severity:", "severity", rep.BySev}, {"By quarter agreed:", "quarter", rep.ByQuarter}} {
		gr := grid{columns: []string{sec.column, "actions", "done", "open", "won't fix", "unknown", "completion", "overdue", "open age"}}
		for _, r := range sec.groups {
			gr.rows = append(gr.rows, []any{r.label, r.Actions, r.Done, r.Open, r.WontFix, r.Unknown,
				percentText(r.CompletionRate), r.Overdue, daysText(r.OpenAgeDays)})
		}
		fmt.Fprintln(w, sec.title)
		if err := gr.writeTable(w); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, "Open actions by age:")
	ages := grid{columns: []string{"age", "open"}}
	for _, b := range rep.OpenByAge {
		ages.rows = append(ages.rows, []any{b.Bracket, b.Open})
	}
	if err := ages.writeTable(w); err != nil {
		return err
	}
	for _, l := range []struct {
		title string
		list  actionListRow
	}{{"No owner", rep.NoOwner}, {"No due date", rep.NoDue}} {
		fmt.Fprintf(w, "\n%s: %d actions\n", l.title, l.list.Count)
		if len(l.list.Examples) == 0 {
			continue
		}
		ex := grid{columns: []string{"review", "status", "owner", "team", "action"}}
		for _, e := range l.list.Examples {
			ex.rows = append(ex.rows, []any{e.Review, e.Status, e.Owner, e.Team, e.Text})
		}
		if err := ex.writeTable(w); err != nil {
			return err
		}
	}
	fmt.Fprintln(w)
	return writePseudonymNote(w, names)
}

// percentText writes a share as a whole percentage, "-" when there is none.
func percentText(x *float64) string {
	if x == nil {
		return "-"
	}
	return fmt.Sprintf("%.0f%%", 100**x)
}

// daysText writes a distribution of days as its median and 90th percentile with n.
func daysText(d distributionRow) string {
	switch {
	case d.N == 0:
		return "-"
	case d.SmallSample:
		return fmt.Sprintf("median %dd (n=%d, small)", d.Median, d.N)
	}
	return fmt.Sprintf("median %dd, p90 %dd (n=%d)", d.Median, d.P90, d.N)
}
