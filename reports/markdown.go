package reports

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// WriteMarkdown writes the quarterly report q to w as Markdown to paste into a document: the
// same sections, sentences and tables as the HTML report, without charts. Text from reviews is
// escaped so that it shows as written and never becomes markup or a link.
func WriteMarkdown(w io.Writer, q Quarterly) error {
	bw := bufio.NewWriter(w)
	m := &mdWriter{w: bw}
	m.line("# " + md(q.Title))
	m.line("")
	who := "people are shown as pseudonyms"
	if q.Names {
		who = "people are named"
	}
	m.line(fmt.Sprintf("%s; compared with %s; %s.", md(q.Span), md(q.Previous.Label), who))

	m.heading("Summary")
	for i, s := range []string{q.Glance.Sentence, q.Classes.Sentence, q.Themes.Sentence, q.Finalise.Sentence,
		q.Knowledge.Sentence, q.Ownership.Sentence, q.Actions.Sentence, q.Quality.Sentence} {
		m.line(fmt.Sprintf("%d. %s", i+1, md(s)))
	}

	m.heading("1. The quarter at a glance")
	m.sentence(q.Glance.Sentence)
	for _, t := range []part[countRow]{{"Severity", q.Glance.Severity}, {"Kind", q.Glance.Kind}, {"Owning team (incidents)", q.Glance.Team}} {
		var rows [][]string
		for _, r := range t.Rows {
			rows = append(rows, []string{md(r.Key), strconv.Itoa(r.Current), strconv.Itoa(r.Previous)})
		}
		m.table([]string{t.Name, md(q.Glance.Current), md(q.Glance.Previous)}, rows)
	}
	var rows [][]string
	for _, d := range q.Glance.Durations {
		rows = append(rows, []string{d.Measure, spreadText(d.Current), spreadText(d.Previous)})
	}
	m.table([]string{"Measure", md(q.Glance.Current) + " median · p90 (n)", md(q.Glance.Previous) + " median · p90 (n)"}, rows)

	m.heading("2. Repeated incident classes")
	m.sentence(q.Classes.Sentence)
	rows = nil
	for _, c := range q.Classes.Rows {
		row := []string{md(c.Label) + rising(c.Rising)}
		for _, n := range c.Counts {
			row = append(row, strconv.Itoa(n))
		}
		rows = append(rows, append(row, strconv.Itoa(c.Incidents), md(fewNames(c.Components))))
	}
	m.table(append(append([]string{"Class"}, q.Classes.Quarters...), "total", "components"), rows)

	m.heading("3. Contributing-factor themes")
	m.sentence(q.Themes.Sentence)
	for _, t := range []part[themeRow]{{"Largest in range", q.Themes.Largest}, {"Growing fastest", q.Themes.Growing}} {
		rows = nil
		for _, r := range t.Rows {
			var ex []string
			for _, e := range r.Examples {
				ex = append(ex, "“"+md(e.Text)+"” "+mdRef(e.Review))
			}
			rows = append(rows, []string{md(r.Label) + rising(r.Rising), strconv.Itoa(r.Reviews), strconv.Itoa(r.ReviewsBefore),
				rate(r.PerQuarterBefore) + " → " + rate(r.PerQuarter), strings.Join(ex, "<br>")})
		}
		if len(rows) > 0 {
			m.line("")
			m.line("**" + t.Name + "**")
			m.table([]string{"Theme", "reviews in range", "reviews before", "per quarter, before → in range", "examples"}, rows)
		}
	}

	m.heading("4. To finalise")
	m.sentence(q.Finalise.Sentence)
	for _, it := range q.Finalise.Items {
		m.line("")
		m.line("**" + md(it.Label) + "**: " + count(it.IncidentsCount, "incident", "incidents") + fmt.Sprintf(" (%d in range); ", it.InRange) +
			"reasons: " + md(reasonList(it.Reasons)) + "; components: " + md(strings.Join(it.Components, ", ")) + ".")
		var refs []string
		for _, inc := range it.Incidents {
			refs = append(refs, mdRef(inc.Review))
		}
		m.line("")
		if n := it.IncidentsLeft(); n > 0 {
			m.line(fmt.Sprintf("Incidents, the %d most recent: %s, and %d earlier.", len(it.Incidents), strings.Join(refs, ", "), n))
		} else {
			m.line("Incidents: " + strings.Join(refs, ", ") + ".")
		}
		rows = nil
		for _, e := range it.Evidence {
			rows = append(rows, []string{reasonWords(e.Reason), md(e.Action) + " " + mdRef(e.Review), md(e.Ticket),
				md(e.Status) + " " + e.Date.Format(time.DateOnly) + " (" + e.DateFrom + ")",
				mdRef(e.Later) + " " + e.LaterAt.Format(time.DateOnly), md(e.AddressedBy)})
		}
		m.table([]string{"Reason", "Action (review)", "Ticket", "Done or due", "Then", "Why it counts"}, rows)
		if n := it.EvidenceLeft(); n > 0 {
			m.line("")
			m.line(fmt.Sprintf("The %d most recent actions for each reason are listed; %s more %s not.", maxEvidence, strconv.Itoa(n), pick(n, "is", "are")))
		}
		if lf := it.LocalFixes; lf != nil {
			var fixes []string
			for _, a := range lf.Actions {
				ticket := a.Ticket
				if ticket == "" {
					ticket = "untracked"
				}
				fixes = append(fixes, fmt.Sprintf("%s (%s, %s)", md(ticket), md(a.Status), mdRef(a.Review)))
			}
			m.line("")
			if n := lf.ActionsLeft(); n > 0 {
				fixes = append(fixes, fmt.Sprintf("and %d more", n))
			}
			m.line(fmt.Sprintf("Fixed only locally: all %d actions that touched a component touched %s: %s.",
				lf.ActionsCount, md(strings.Join(lf.Touched, ", ")), strings.Join(fixes, ", ")))
		}
	}

	m.heading("5. Knowledge concentration")
	m.sentence(q.Knowledge.Sentence)
	rows = nil
	var trend [][]string
	for _, a := range q.Knowledge.Areas {
		island := ""
		if a.Island {
			island = " (island)"
		}
		rows = append(rows, []string{md(a.Name) + island, a.Kind, strconv.Itoa(a.Incidents), strconv.Itoa(a.Responders), md(a.Top),
			fmt.Sprintf("%d of %d", a.TopCount, a.Incidents), busFactor(a.BusFactor50), busFactor(a.BusFactor80)})
		row := []string{md(a.Name)}
		for _, c := range a.Trend {
			row = append(row, trendCell(c))
		}
		trend = append(trend, row)
	}
	m.table([]string{"Area", "kind", "incidents", "responders", "top responder", "top share", "bus factor 50%", "bus factor 80%"}, rows)
	m.table(append([]string{"Top responder's share"}, q.Knowledge.Quarters...), trend)

	m.heading("6. Ownership gaps")
	m.sentence(q.Ownership.Sentence)
	rows = nil
	for _, o := range q.Ownership.Rows {
		rows = append(rows, []string{md(o.Component), o.Problem, md(strings.Join(o.Owners, ", ")), strconv.Itoa(o.Incidents),
			strconv.Itoa(o.InRange), percent(o.OwnerShare), md(teamsText(o.RespondingTeams))})
	}
	m.table([]string{"Component", "Gap", "Catalog owner", "incidents", "in range", "owner responded", "teams that responded"}, rows)

	m.heading("7. Action follow-through")
	m.sentence(q.Actions.Sentence)
	rows = nil
	for _, t := range append(append([]tallyRow{}, q.Actions.Teams...), q.Actions.All) {
		age := "–"
		if t.OpenAgeDays.N > 0 {
			age = fmt.Sprintf("%.0f d · %.0f d (%d)", t.OpenAgeDays.Median, t.OpenAgeDays.P90, t.OpenAgeDays.N)
		}
		rows = append(rows, []string{md(t.Team), strconv.Itoa(t.Actions), strconv.Itoa(t.Done), strconv.Itoa(t.Open),
			strconv.Itoa(t.Overdue), strconv.Itoa(t.WontFix), strconv.Itoa(t.Unknown), percent(t.CompletionRate), age})
	}
	m.table([]string{"Team", "actions", "done", "open", "past due", "won't fix", "unknown", "completion", "open age median · p90 (n)"}, rows)

	m.heading("8. Review quality")
	m.sentence(q.Quality.Sentence)
	rows = [][]string{
		{fmt.Sprintf("held within %d h of resolution", q.Quality.WithinHours), strconv.Itoa(q.Quality.OnTime)},
		{"held later", strconv.Itoa(q.Quality.Late)},
		{"no review date", strconv.Itoa(q.Quality.NoReviewDate)},
		{"no resolution time", strconv.Itoa(q.Quality.NoResolution)},
	}
	for _, d := range q.Quality.Depth {
		rows = append(rows, []string{"has " + d.Part, fmt.Sprintf("%d (%s)", d.Reviews, percent(d.Share))})
	}
	m.table([]string{"Reviews in range", strconv.Itoa(q.Quality.Reviews)}, rows)
	rows = nil
	for _, b := range q.Quality.Blame {
		rows = append(rows, []string{mdRef(b.Review), rulesText(b.Rules)})
	}
	m.table([]string{"Review with blame language", "findings (not quoted)"}, rows)

	m.heading("9. Appendix: the reviews")
	m.sentence(q.Appendix.Sentence)
	for _, p := range []part[reviewRow]{{"Reviews in range", q.Appendix.Reviews}, {"Earlier reviews cited", q.Appendix.Cited}} {
		rows = nil
		for _, r := range p.Rows {
			started := "–"
			if r.Started != nil {
				started = r.Started.Format("2006-01-02 15:04")
			}
			rows = append(rows, []string{started, `<a id="` + r.Anchor + `"></a>` + md(r.ID), md(r.Title), md(r.Severity),
				md(strings.Join(r.Components, ", ")), optionalMinutes(r.RecoveryMinutes), "`" + codeSpan(r.Source) + "`"})
		}
		if len(rows) > 0 {
			m.line("")
			m.line("**" + p.Name + "**")
			m.table([]string{"Started (UTC)", "ID", "Title", "Severity", "Components", "Recovery", "Source"}, rows)
		}
	}
	if m.err != nil {
		return fmt.Errorf("write markdown report: %w", m.err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write markdown report: %w", err)
	}
	return nil
}

// mdWriter writes lines, keeping the first error.
type mdWriter struct {
	w   io.Writer
	err error
}

func (m *mdWriter) line(s string) {
	if m.err == nil {
		_, m.err = io.WriteString(m.w, s+"\n")
	}
}

func (m *mdWriter) heading(s string) {
	m.line("")
	m.line("## " + s)
}

func (m *mdWriter) sentence(s string) {
	m.line("")
	m.line(md(s))
}

// table writes a pipe table, or nothing when there are no rows.
func (m *mdWriter) table(header []string, rows [][]string) {
	if len(rows) == 0 {
		return
	}
	m.line("")
	m.line("| " + strings.Join(header, " | ") + " |")
	m.line("|" + strings.Repeat("---|", len(header)))
	for _, r := range rows {
		m.line("| " + strings.Join(r, " | ") + " |")
	}
}

// mdEscaper escapes the characters that would make text Markdown or HTML markup, and makes
// line breaks spaces, so that text stays on its table row.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`,
	"|", `\|`, "~", `\~`, "&", `\&`, "#", `\#`, "!", `\!`, "\r\n", " ", "\n", " ", "\r", " ",
)

// md escapes text for Markdown.
func md(s string) string { return mdEscaper.Replace(s) }

// codeSpan makes s safe inside a single-backtick code span on one table row.
func codeSpan(s string) string {
	return strings.NewReplacer("`", "'", "|", `\|`, "\n", " ", "\r", " ").Replace(s)
}

// mdRef links a cited review to its appendix row.
func mdRef(r reviewRef) string { return "[" + md(r.ID) + "](#" + r.Anchor + ")" }

func rising(r bool) string {
	if r {
		return risingMark
	}
	return ""
}

func reasonList(reasons []string) string {
	words := make([]string, len(reasons))
	for i, r := range reasons {
		words[i] = reasonWords(r)
	}
	return strings.Join(words, ", ")
}

// spreadText writes a distribution of minutes as "1.2 h · 3.4 h (n = 5)".
func spreadText(s spread) string {
	if s.N == 0 {
		return "– (n = 0)"
	}
	return fmt.Sprintf("%s · %s (n = %d)", duration(minutes(s.Median)), duration(minutes(s.P90)), s.N)
}
