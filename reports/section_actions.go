package reports

import (
	"fmt"
	"time"

	"github.com/metamortem/metamortem/analysis"
)

// actions is section 7: what became of the action items of every review up to the range's
// end, as of that end (analysis.Actions): completion and the age of open items, by the team
// that owns them.
type actions struct {
	Sentence string     `json:"sentence"`
	AsOf     time.Time  `json:"as_of"`
	All      tallyRow   `json:"all"`
	Teams    []tallyRow `json:"by_team"`
	// OpenByAge counts open actions by age since they were agreed.
	OpenByAge []ageRow `json:"open_by_age"`
	// NoOwner and NoDue count actions with no owner and with no due date; AfterAsOf those
	// agreed after AsOf, which are left out.
	NoOwner   int `json:"no_owner"`
	NoDue     int `json:"no_due"`
	AfterAsOf int `json:"after_as_of"`
}

// tallyRow is the actions of one team (or all of them) by status. CompletionRate is the share
// of those with a known status that are done; OpenAgeDays the age of open ones in days.
type tallyRow struct {
	Team           string   `json:"team"`
	Actions        int      `json:"actions"`
	Done           int      `json:"done"`
	Open           int      `json:"open"`
	Overdue        int      `json:"overdue"`
	WontFix        int      `json:"wont_fix"`
	Unknown        int      `json:"unknown"`
	CompletionRate *float64 `json:"completion_rate"`
	OpenAgeDays    spread   `json:"open_age_days"`
}

// ageRow is the number of open actions of one age bracket.
type ageRow struct {
	Label string `json:"label"`
	Open  int    `json:"open"`
}

func newActions(in input) actions {
	f := analysis.Actions(in.history, in.catalog, analysis.ActionsOptions{AsOf: in.cur.To, People: in.people()})
	a := actions{AsOf: f.AsOf, All: newTallyRow("all teams", f.All), Teams: []tallyRow{}, OpenByAge: []ageRow{},
		NoOwner: f.NoOwner.Count, NoDue: f.NoDue.Count, AfterAsOf: f.AfterAsOf}
	for _, g := range f.ByTeam {
		a.Teams = append(a.Teams, newTallyRow(g.Key, g.ActionTally))
	}
	for _, b := range f.OpenByAge {
		a.OpenByAge = append(a.OpenByAge, ageRow{b.Label, b.Open})
	}
	a.Sentence = actionsSentence(a)
	return a
}

func newTallyRow(team string, t analysis.ActionTally) tallyRow {
	return tallyRow{Team: team, Actions: t.Actions, Done: t.Done, Open: t.Open, Overdue: t.Overdue, WontFix: t.WontFix,
		Unknown: t.Unknown, CompletionRate: share(t.Done, t.Decided()), OpenAgeDays: daysSpread(t.OpenAgeDays)}
}

func actionsSentence(a actions) string {
	t := a.All
	if t.Actions == 0 {
		return fmt.Sprintf("No action item was agreed by %s.", day(a.AsOf.Add(-time.Nanosecond)))
	}
	decided := t.Done + t.Open + t.WontFix
	if decided == 0 {
		return fmt.Sprintf("None of the %d action items agreed by %s records whether it was done.", t.Actions, day(a.AsOf.Add(-time.Nanosecond)))
	}
	s := fmt.Sprintf("Of the %d action items agreed by %s whose status is recorded, %d (%s) are done and %d still open",
		decided, day(a.AsOf.Add(-time.Nanosecond)), t.Done, percent(t.CompletionRate), t.Open)
	if t.Overdue > 0 {
		s += fmt.Sprintf(", %d of them past their due date", t.Overdue)
	}
	if t.OpenAgeDays.N > 0 {
		s += fmt.Sprintf("; half of the open ones are at least %.0f days old (n = %d)", t.OpenAgeDays.Median, t.OpenAgeDays.N)
	}
	var worst *tallyRow
	for i, r := range a.Teams {
		if r.Open > 0 && (worst == nil || r.Open > worst.Open) {
			worst = &a.Teams[i]
		}
	}
	if worst != nil && worst.Team != analysis.NoTeam {
		s += fmt.Sprintf("; %s holds the most open items (%d)", worst.Team, worst.Open)
	}
	return s + "."
}

// chart stacks each team's actions by status.
func (a actions) chart() *chart {
	if len(a.Teams) == 0 {
		return nil
	}
	names := make([]string, len(a.Teams))
	done, open, wont, unknown := make([]float64, len(a.Teams)), make([]float64, len(a.Teams)), make([]float64, len(a.Teams)), make([]float64, len(a.Teams))
	for i, r := range a.Teams {
		names[i] = r.Team
		done[i], open[i], wont[i], unknown[i] = float64(r.Done), float64(r.Open), float64(r.WontFix), float64(r.Unknown)
	}
	return hbar("chart-actions", "Bar chart of action items per team by status", names, "action items", true,
		hbarSeries{"done", done, goodColor},
		hbarSeries{"open", open, amberColor},
		hbarSeries{"won't fix", wont, "#8172b3"},
		hbarSeries{"status unknown", unknown, unknownColor})
}
