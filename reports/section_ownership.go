package reports

import (
	"fmt"
	"strings"

	"github.com/metamortem/metamortem/analysis"
)

// problemOrder lists the ownership problems in the order analysis.Owners checks them, with how
// the report writes each and the colour its bars have.
var problemOrder = []struct {
	problem analysis.OwnershipProblem
	words   string
	color   string
}{
	{analysis.ProblemUnowned, "no owner", alertColor},
	{analysis.ProblemShared, "shared owner", amberColor},
	{analysis.ProblemUnknownOwner, "owner not in the catalog", "#8172b3"},
	{analysis.ProblemMismatch, "owner rarely responds", barColor},
}

// ownership is section 6: the components whose ownership is missing, shared, unknown or at odds
// with who responds to their incidents (analysis.Owners), with their incident counts.
type ownership struct {
	Sentence string `json:"sentence"`
	// Components counts the components incidents name; Incidents the incidents of those with
	// a problem.
	Components int            `json:"components"`
	Problems   []problemCount `json:"problems"`
	Rows       []ownershipRow `json:"rows"`
}

// problemCount is how many components have one problem, and how many incidents they had.
type problemCount struct {
	Problem    string `json:"problem"`
	Components int    `json:"components"`
	Incidents  int    `json:"incidents"`
}

// ownershipRow is one component with an ownership problem.
type ownershipRow struct {
	Component string   `json:"component"`
	Problem   string   `json:"problem"`
	Owners    []string `json:"owners"`
	InCatalog bool     `json:"in_catalog"`
	Incidents int      `json:"incidents"`
	InRange   int      `json:"incidents_in_range"`
	// OwnerShare is the share of incidents an owning team's member responded to; nil when no
	// owning team is known.
	OwnerShare *float64 `json:"owner_share"`
	// RespondingTeams are the teams whose members responded, with how many incidents each.
	RespondingTeams []teamCount `json:"responding_teams"`
}

// teamCount is a number of incidents for one team.
type teamCount struct {
	Team      string `json:"team"`
	Incidents int    `json:"incidents"`
}

func newOwnership(in input) ownership {
	o := ownership{Problems: []problemCount{}, Rows: []ownershipRow{}}
	inRange := map[string]int{}
	for _, c := range in.owners().Components {
		inRange[c.Component] = c.Incidents
	}
	gaps := analysis.Owners(in.history, in.catalog, analysis.OwnersOptions{People: in.people()})
	o.Components = len(gaps.Components)
	byProblem := map[analysis.OwnershipProblem]*problemCount{}
	for _, c := range gaps.Components {
		if c.Problem == "" {
			continue
		}
		row := ownershipRow{Component: c.Component, Problem: problemWords(c.Problem), Owners: nonNil(c.Owners),
			InCatalog: c.InCatalog, Incidents: c.Incidents, InRange: inRange[c.Component], RespondingTeams: []teamCount{}}
		if len(c.OwningTeams) > 0 {
			s := round(c.OwnerShare, 3)
			row.OwnerShare = &s
		}
		for _, t := range c.RespondingTeams {
			row.RespondingTeams = append(row.RespondingTeams, teamCount{t.Team, t.Incidents})
		}
		o.Rows = append(o.Rows, row)
		if byProblem[c.Problem] == nil {
			byProblem[c.Problem] = &problemCount{Problem: problemWords(c.Problem)}
		}
		byProblem[c.Problem].Components++
		byProblem[c.Problem].Incidents += c.Incidents
	}
	for _, p := range problemOrder {
		if n := byProblem[p.problem]; n != nil {
			o.Problems = append(o.Problems, *n)
		}
	}
	o.Sentence = ownershipSentence(o)
	return o
}

// problemWords is how the report writes an ownership problem.
func problemWords(p analysis.OwnershipProblem) string {
	for _, x := range problemOrder {
		if x.problem == p {
			return x.words
		}
	}
	return string(p)
}

func ownershipSentence(o ownership) string {
	if o.Components == 0 {
		return "No incident names a component, so there is no ownership to check."
	}
	if len(o.Rows) == 0 {
		return fmt.Sprintf("All %s that incidents name have one owning team whose members respond to them.", count(o.Components, "component", "components"))
	}
	incidents := 0
	var parts []string
	for _, p := range o.Problems {
		incidents += p.Incidents
		parts = append(parts, fmt.Sprintf("%d with %s", p.Components, p.Problem))
	}
	top := o.Rows[0]
	return fmt.Sprintf("%d of the %d components that incidents name have an ownership gap (%s), with %d incidents between them; %s alone had %s.",
		len(o.Rows), o.Components, strings.Join(parts, ", "), incidents, top.Component, count(top.Incidents, "incident", "incidents"))
}

// chart shows each component's incidents, coloured by its problem.
func (o ownership) chart() *chart {
	if len(o.Rows) == 0 {
		return nil
	}
	names := make([]string, len(o.Rows))
	for i, r := range o.Rows {
		names[i] = r.Component
	}
	var series []hbarSeries
	for _, p := range problemOrder {
		values := make([]float64, len(o.Rows))
		used := false
		for i, r := range o.Rows {
			if r.Problem == p.words {
				values[i], used = float64(r.Incidents), true
			}
		}
		if used {
			series = append(series, hbarSeries{p.words, values, p.color})
		}
	}
	return hbar("chart-ownership", "Bar chart of incidents per component with an ownership gap", names, "incidents", true, series...)
}
