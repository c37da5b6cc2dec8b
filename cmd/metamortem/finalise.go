package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/metamortem/metamortem/analysis"
)

type finaliseOptions struct {
	taxonomy string
	format   string
	limit    int
}

// finaliseLimit is how many evidence lines of each reason the table shows by default: the
// most recent, as many as the quarterly report lists. At 100,000 reviews an entry can have
// thousands.
const finaliseLimit = 25

func newFinaliseCmd(g *globals, s streams) *cobra.Command {
	opts := &finaliseOptions{}
	cmd := &cobra.Command{
		Use:   "finalise",
		Short: "List the incident classes that need a systemic fix, with the evidence",
		Long: `List the incident classes (see metamortem classes) that need a systemic fix rather than one
more local one: the list to bring to a quarterly review. Each entry gives its reasons and the
evidence for each (review IDs, action texts, tickets, dates, and why each action counts), so
that a person can check it in minutes.

Only the actions that address a class count for it. An action addresses a class when it is an
action of one of the class's incidents and its text is about the class:

  theme, or theme in a component
      the text states the theme's taxonomy entry (one of its phrases on stemmed words, or one
      of its aliases), or uses one of the theme's characteristic terms once names and numbers
      are masked: a content word of its label that no other taxonomy label uses ("pool",
      "connection"), or for a clustered theme one of the top terms its label lists
  tag
      the text uses the tag's words, stemmed ("connection pool" for connection-pool)
  either
      the text names one of the class's components (catalog name, title or alias), in a review
      whose title states the class as above: in an incident that was about the class, a fix in
      its component is a fix for the class

A done action about one problem is thus not evidence against a different problem that shares a
tag or a review. An action is a fix in the components its text names, or else in its review's
components; only a later incident of the class that involves one of them shows it did not hold.

  recurred-after-fix  an incident of the class happened after an action addressing it was
                      marked done, in a component the action was a fix in. The store has no
                      completion date, so "done on" is the action's due date when it has one,
                      else the day the review was held, else the day the incident was resolved
                      (an approximation: the real completion may be a few days later)
  local-fixes-only    the incidents involved two or more components, at least two actions
                      addressing the class touched a component, and all of them touched the
                      same one: an action touches the components its text names, or else its
                      review's only component
  still-open          an incident of the class happened, in a component the action was a fix
                      in, after an action addressing it, still open (or of unknown status) as
                      its review records it, was due

A class whose reasons and evidence actions an entry above it already has (a tag the same
incidents carry, say) is folded into that entry and named on its "also" line.

Entries are ordered by number of reasons, then incidents, then label. The table writes each
entry with its evidence indented beneath it; each evidence line names the review the action
comes from, the ticket, the date, the later incident and why the action addresses the class.
Evidence is in time order, and the table shows the most recent --limit lines of each reason
(25; 0 shows every one), saying how many earlier ones it leaves out. JSON has them all.

--format json writes an array of entries, each
  {id, kind, label, incidents, review_ids, components, teams, reasons, also,
   recurred_after_fix: [{review_id, action, ticket, addressed_by, done, done_from, recurred_in,
                         recurred_at}],
   local_fixes: {touched, actions: [{review_id, action, ticket, addressed_by, touched,
                                     from_review}]},
   still_open: [{review_id, action, ticket, addressed_by, status, due, recurred_in, recurred_at}]}
where reasons are the names above; also lists the IDs of the classes folded in; addressed_by is
{by, what}: by is "theme", "term", "tag" or "component" and what is the phrase, alias, term, tag
or component the action's text uses ({"by": "component", "what": "payments-api"}); done_from is
"due", "reviewed_at" or "resolved_at"; touched lists the components the class's addressing
actions touched; from_review is true when the action names no component and its review's only
one was taken; times are RFC 3339; lists are never null.`,
		Example: `  $ metamortem finalise
  $ metamortem finalise --format json | jq '.[] | select(.reasons | index("recurred-after-fix")) | .label'`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(opts.format, "table", "json"); err != nil {
				return err
			}
			if opts.limit < 0 {
				return usageError{fmt.Errorf("--limit must be 0 (every line) or more")}
			}
			return runFinalise(cmd.Context(), g, s, opts)
		},
	}
	cmd.Flags().StringVar(&opts.taxonomy, "taxonomy", "", "taxonomy file (YAML) to use instead of the built-in one")
	cmd.Flags().StringVar(&opts.format, "format", "table", "output format: table or json")
	cmd.Flags().IntVar(&opts.limit, "limit", finaliseLimit, "evidence lines per reason in the table, the most recent (0: all)")
	return cmd
}

// finaliseRow is one entry as the finalise command writes it in JSON; the keys are documented
// in the command's help.
type finaliseRow struct {
	ID               string          `json:"id"`
	Kind             string          `json:"kind"`
	Label            string          `json:"label"`
	Incidents        int             `json:"incidents"`
	ReviewIDs        []string        `json:"review_ids"`
	Components       []string        `json:"components"`
	Teams            []string        `json:"teams"`
	Reasons          []string        `json:"reasons"`
	Also             []string        `json:"also"`
	RecurredAfterFix []recurrenceRow `json:"recurred_after_fix"`
	LocalFixes       localFixesRow   `json:"local_fixes"`
	StillOpen        []overdueRow    `json:"still_open"`
}

type recurrenceRow struct {
	ReviewID    string     `json:"review_id"`
	Action      string     `json:"action"`
	Ticket      string     `json:"ticket"`
	AddressedBy addressRow `json:"addressed_by"`
	Done        time.Time  `json:"done"`
	DoneFrom    string     `json:"done_from"`
	RecurredIn  string     `json:"recurred_in"`
	RecurredAt  time.Time  `json:"recurred_at"`
}

type overdueRow struct {
	ReviewID    string     `json:"review_id"`
	Action      string     `json:"action"`
	Ticket      string     `json:"ticket"`
	AddressedBy addressRow `json:"addressed_by"`
	Status      string     `json:"status"`
	Due         time.Time  `json:"due"`
	RecurredIn  string     `json:"recurred_in"`
	RecurredAt  time.Time  `json:"recurred_at"`
}

type addressRow struct {
	By   string `json:"by"`
	What string `json:"what"`
}

type localFixesRow struct {
	Touched []string   `json:"touched"`
	Actions []touchRow `json:"actions"`
}

type touchRow struct {
	ReviewID    string     `json:"review_id"`
	Action      string     `json:"action"`
	Ticket      string     `json:"ticket"`
	AddressedBy addressRow `json:"addressed_by"`
	Touched     []string   `json:"touched"`
	FromReview  bool       `json:"from_review"`
}

func runFinalise(ctx context.Context, g *globals, s streams, opts *finaliseOptions) error {
	st, classes, err := loadClasses(ctx, g, opts.taxonomy)
	if err != nil {
		return err
	}
	items := analysis.Finalise(st.reviews, classes, analysis.FinaliseOptions{Catalog: st.catalog, Themes: st.themes, Taxonomy: st.taxonomy, Resolved: st.resolved})
	if opts.format == "json" {
		rows := make([]finaliseRow, 0, len(items))
		for _, it := range items {
			rows = append(rows, newFinaliseRow(it))
		}
		return writeJSONList(s.out, rows)
	}
	return writeFinaliseTable(s.out, items, opts.limit)
}

func newFinaliseRow(it analysis.FinaliseItem) finaliseRow {
	c := it.Class
	row := finaliseRow{
		ID: c.ID, Kind: string(c.Kind), Label: c.Label, Incidents: len(c.Incidents), ReviewIDs: nonNil(c.Incidents),
		Components: nonNil(c.Components), Teams: nonNil(c.Teams), Reasons: []string{}, Also: nonNil(it.Also),
		RecurredAfterFix: []recurrenceRow{}, StillOpen: []overdueRow{},
		LocalFixes: localFixesRow{Touched: nonNil(it.Touched), Actions: []touchRow{}},
	}
	for _, r := range it.Reasons {
		row.Reasons = append(row.Reasons, string(r))
	}
	for _, r := range it.Recurrences {
		row.RecurredAfterFix = append(row.RecurredAfterFix, recurrenceRow{r.Action.ReviewID, r.Action.Text, r.Action.Ticket,
			addressRow{r.Action.Address.By, r.Action.Address.What}, r.Date, r.DateFrom, r.ReviewID, r.StartedAt})
	}
	for _, t := range it.Touches {
		row.LocalFixes.Actions = append(row.LocalFixes.Actions, touchRow{t.Action.ReviewID, t.Action.Text, t.Action.Ticket,
			addressRow{t.Action.Address.By, t.Action.Address.What}, t.Components, t.FromReview})
	}
	for _, r := range it.Overdue {
		row.StillOpen = append(row.StillOpen, overdueRow{r.Action.ReviewID, r.Action.Text, r.Action.Ticket,
			addressRow{r.Action.Address.By, r.Action.Address.What}, string(r.Action.Status), r.Date, r.ReviewID, r.StartedAt})
	}
	return row
}

// writeFinaliseTable writes each entry as a heading line with its evidence indented beneath,
// each block of evidence aligned in columns of its own and cut to its last limit lines (0: no
// limit). The evidence runs to many lines, so they are buffered rather than written one by one.
func writeFinaliseTable(out io.Writer, items []analysis.FinaliseItem, limit int) error {
	w := bufio.NewWriterSize(out, 1<<16)
	if err := writeFinaliseEntries(w, items, limit); err != nil {
		return err
	}
	return w.Flush()
}

// writeFinaliseEntries writes the entries for writeFinaliseTable.
func writeFinaliseEntries(w io.Writer, items []analysis.FinaliseItem, limit int) error {
	if len(items) == 0 {
		_, err := fmt.Fprintln(w, "No class needs a systemic fix: none recurred after a fix, stayed open past due or was fixed in one place only.")
		return err
	}
	block := func(title string, lines [][]string) {
		if len(lines) == 0 {
			return
		}
		fmt.Fprintf(w, "   %s:\n", title)
		if limit > 0 && len(lines) > limit {
			fmt.Fprintf(w, "     (%d earlier not shown; --limit 0 shows every one)\n", len(lines)-limit)
			lines = lines[len(lines)-limit:]
		}
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, l := range lines {
			fmt.Fprintf(tw, "     %s\n", strings.Join(l, "\t"))
		}
		tw.Flush()
	}
	for i, it := range items {
		c := it.Class
		reasons := make([]string, len(it.Reasons))
		for j, r := range it.Reasons {
			reasons[j] = string(r)
		}
		fmt.Fprintf(w, "%d. %s [%s, %s]: %d incidents, %s to %s\n", i+1, c.Label, c.ID, c.Kind, len(c.Incidents),
			dateText(c.FirstSeen), dateText(c.LastSeen))
		fmt.Fprintf(w, "   components: %s; teams: %s\n", listText(c.Components), listText(c.Teams))
		fmt.Fprintf(w, "   reasons: %s\n", strings.Join(reasons, ", "))
		if len(it.Also) > 0 {
			fmt.Fprintf(w, "   also: %s (same reasons, no other evidence)\n", strings.Join(it.Also, ", "))
		}
		var lines [][]string
		for _, r := range it.Recurrences {
			lines = append(lines, []string{r.Action.ReviewID, ticketText(r.Action.Ticket),
				fmt.Sprintf("done %s (%s)", r.Date.Format(time.DateOnly), r.DateFrom),
				"-> " + r.ReviewID, r.StartedAt.Format(time.DateOnly), "by " + r.Action.Address.String(), clip(r.Action.Text, 60)})
		}
		block("recurred after fix (done action, then a later incident of the class)", lines)
		lines = nil
		if hasReason(it, analysis.ReasonLocalFixesOnly) {
			for _, t := range it.Touches {
				how := "named"
				if t.FromReview {
					how = "review's only component"
				}
				lines = append(lines, []string{t.Action.ReviewID, ticketText(t.Action.Ticket),
					fmt.Sprintf("%s (%s)", listText(t.Components), how), "by " + t.Action.Address.String(), clip(t.Action.Text, 60)})
			}
		}
		block(fmt.Sprintf("local fixes only (incidents involve %s; every action touched %s)", listText(c.Components), listText(it.Touched)), lines)
		lines = nil
		for _, r := range it.Overdue {
			lines = append(lines, []string{r.Action.ReviewID, ticketText(r.Action.Ticket),
				fmt.Sprintf("%s, due %s", r.Action.Status, r.Date.Format(time.DateOnly)),
				"-> " + r.ReviewID, r.StartedAt.Format(time.DateOnly), "by " + r.Action.Address.String(), clip(r.Action.Text, 60)})
		}
		block("still open past due (open action, then a later incident of the class)", lines)
		if _, err := fmt.Fprintln(w); err != nil {
			return err
		}
	}
	return nil
}

func hasReason(it analysis.FinaliseItem, r analysis.Reason) bool {
	for _, x := range it.Reasons {
		if x == r {
			return true
		}
	}
	return false
}

// listText joins names with commas, or writes "-" for none.
func listText(xs []string) string {
	if len(xs) == 0 {
		return "-"
	}
	return strings.Join(xs, ", ")
}

// ticketText writes a ticket, or "-" for none.
func ticketText(t string) string {
	if t == "" {
		return "-"
	}
	return t
}
