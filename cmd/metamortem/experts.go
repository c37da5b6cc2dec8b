package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/metamortem/metamortem/analysis"
	"github.com/metamortem/metamortem/privacy"
)

// pseudonymKeyEnv names the environment variable holding the key for people's pseudonyms.
const pseudonymKeyEnv = "METAMORTEM_PSEUDONYM_KEY"

type expertsOptions struct {
	format       string
	names        bool
	minIncidents int
	view         string
}

func newExpertsCmd(g *globals, s streams) *cobra.Command {
	opts := &expertsOptions{}
	var clusters, drills bool
	cmd := &cobra.Command{
		Use:   "experts",
		Short: "Show how concentrated the knowledge of each component and tag is",
		Long: `For every component (named by reviews or inferred from their text) and every tag with at
least --min-incidents incidents, at least one of which names a responder, show who responds to its incidents and how concentrated that
is. Responders are the people a review names as lead, responder or attendee, one person however
their name is written (see metamortem identities); authors and action-item owners are not
responders. Drills are counted apart; near misses count as incidents.

  incidents      incidents of the component or tag (drills excluded)
  responders     distinct people who responded to them
  top person     who responded to most, with the share of incidents they were in
  top 3          share of incidents in which at least one of the top three responded
  HHI            Herfindahl-Hirschman index of people's shares of all participations:
                 1 = one person did everything, 1/k = k people shared evenly
  bus 50% / 80%  fewest people who together were in at least half / 80% of the incidents;
                 "-" when everyone together was not (incidents that name nobody count too)
  island         at least 5 incidents, one person in at least half

People are shown as stable pseudonyms ("person-" and six hex digits of a keyed HMAC-SHA256 of
the person's name) unless --names is given, so the output can be shared. The key is
$METAMORTEM_PSEUDONYM_KEY, or a built-in default that anyone can reproduce: set your own key
before sharing outside the organisation. Team names are always shown.

--clusters lists groups of people who respond to the same components instead (Louvain
communities of the person-component graph, with a fixed seed). --drills lists, for each
component drills exercised, who took part and who later responded to a real incident of it.

--format json writes an array with the keys
  component (null for tags), tag (null for components), incidents, responders, top_person,
  top_share, top3_share, hhi, bus_factor_50, bus_factor_80 (null when unreachable),
  bus_factor_exact, island, trend [{quarter, incidents, top_share, responders, small_sample}],
  owners, unattended (incidents naming no responder), undated (incidents in no quarter),
  people [{name, incidents, teams}], outside_owner (responders in no owning team; null when
  the owner's members are unknown), drills, drill_participants, drilled_then_responded.
The trend's top_share is the overall top person's share of that quarter's incidents.
With --clusters: [{people, components}]; with --drills: [{component, drills, participants,
then_responded}].`,
		Example: `  $ metamortem experts
  $ metamortem experts --names --format json | jq '.[] | select(.island)'
  $ metamortem experts --clusters
  $ METAMORTEM_PSEUDONYM_KEY=$(cat ~/.pseudonym-key) metamortem experts --format json > experts.json`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(opts.format, "table", "json"); err != nil {
				return err
			}
			if clusters && drills {
				return usageError{fmt.Errorf("--clusters cannot be combined with --drills")}
			}
			if opts.minIncidents < 1 {
				return usageError{fmt.Errorf("--min-incidents must be at least 1, got %d", opts.minIncidents)}
			}
			switch {
			case clusters:
				opts.view = "clusters"
			case drills:
				opts.view = "drills"
			}
			return runExperts(cmd.Context(), g, s, opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "table", "output format: table or json")
	cmd.Flags().BoolVar(&opts.names, "names", false, "show people's names instead of pseudonyms")
	cmd.Flags().IntVar(&opts.minIncidents, "min-incidents", analysis.DefaultMinIncidents, "fewest incidents a component or tag needs to be listed")
	cmd.Flags().BoolVar(&clusters, "clusters", false, "list groups of people who handle the same components")
	cmd.Flags().BoolVar(&drills, "drills", false, "list what drills covered")
	return cmd
}

type expertRow struct {
	Component            *string           `json:"component"`
	Tag                  *string           `json:"tag"`
	Incidents            int               `json:"incidents"`
	Responders           int               `json:"responders"`
	TopPerson            *string           `json:"top_person"`
	TopShare             float64           `json:"top_share"`
	Top3Share            float64           `json:"top3_share"`
	HHI                  float64           `json:"hhi"`
	BusFactor50          *int              `json:"bus_factor_50"`
	BusFactor80          *int              `json:"bus_factor_80"`
	BusFactorExact       bool              `json:"bus_factor_exact"`
	Island               bool              `json:"island"`
	Trend                []expertTrendRow  `json:"trend"`
	Owners               []string          `json:"owners"`
	Unattended           int               `json:"unattended"`
	Undated              int               `json:"undated"`
	People               []expertPersonRow `json:"people"`
	OutsideOwner         []string          `json:"outside_owner"`
	Drills               int               `json:"drills"`
	DrillParticipants    []string          `json:"drill_participants"`
	DrilledThenResponded []string          `json:"drilled_then_responded"`
}

type expertTrendRow struct {
	Quarter     string  `json:"quarter"`
	Incidents   int     `json:"incidents"`
	TopShare    float64 `json:"top_share"`
	Responders  int     `json:"responders"`
	SmallSample bool    `json:"small_sample"`
}

type expertPersonRow struct {
	Name      string   `json:"name"`
	Incidents int      `json:"incidents"`
	Teams     []string `json:"teams"`
}

type clusterRow struct {
	People     []string `json:"people"`
	Components []string `json:"components"`
}

type drillRow struct {
	Component     string   `json:"component"`
	Drills        int      `json:"drills"`
	Participants  []string `json:"participants"`
	ThenResponded []string `json:"then_responded"`
}

func runExperts(ctx context.Context, g *globals, s streams, opts *expertsOptions) error {
	reviews, cat, err := loadReviews(ctx, g)
	if err != nil {
		return err
	}
	e := analysis.Experts(reviews, cat, analysis.ExpertsOptions{MinIncidents: opts.minIncidents})
	name := peopleNamer(opts.names, expertNames(e))
	switch opts.view {
	case "clusters":
		rows := []clusterRow{}
		for _, c := range e.Clusters {
			rows = append(rows, clusterRow{mapNames(c.People, name), nonNil(c.Components)})
		}
		if opts.format == "json" {
			return writeJSONList(s.out, rows)
		}
		gr := grid{columns: []string{"cluster", "people", "components"}}
		for i, r := range rows {
			gr.rows = append(gr.rows, []any{i + 1, r.People, r.Components})
		}
		return writeTableWithNote(s.out, gr, opts.names)
	case "drills":
		rows := []drillRow{}
		for _, d := range e.Drills {
			rows = append(rows, drillRow{d.Component, d.Drills, mapNames(d.Participants, name), mapNames(d.ThenResponded, name)})
		}
		if opts.format == "json" {
			return writeJSONList(s.out, rows)
		}
		gr := grid{columns: []string{"component", "drills", "participants", "later responded"}}
		for _, r := range rows {
			gr.rows = append(gr.rows, []any{r.Component, r.Drills, r.Participants, r.ThenResponded})
		}
		return writeTableWithNote(s.out, gr, opts.names)
	}
	rows := []expertRow{}
	for _, a := range e.Areas {
		rows = append(rows, newExpertRow(a, name))
	}
	if opts.format == "json" {
		return writeJSONList(s.out, rows)
	}
	gr := grid{columns: []string{"area", "incidents", "responders", "top person", "top share", "top 3", "HHI", "bus 50%", "bus 80%", "island"}}
	islands := 0
	for i, r := range rows {
		a := e.Areas[i]
		area := a.Name
		if a.Kind == analysis.AreaTag {
			area = "tag:" + a.Name
		}
		top := "-"
		if r.TopPerson != nil {
			top = *r.TopPerson
		}
		island := ""
		if r.Island {
			island, islands = "ISLAND", islands+1
		}
		gr.rows = append(gr.rows, []any{area, r.Incidents, r.Responders, top,
			fmt.Sprintf("%.0f%% (%d/%d)", 100*a.TopShare, topIncidents(a), a.Incidents),
			fmt.Sprintf("%.0f%%", 100*a.Top3Share), fmt.Sprintf("%.2f", a.HHI),
			busText(a.BusFactor50, a.BusFactorExact), busText(a.BusFactor80, a.BusFactorExact), island})
	}
	if err := gr.writeTable(s.out); err != nil {
		return err
	}
	fmt.Fprintf(s.out, "\n%d areas with at least %d incidents, %d knowledge islands (at least %d incidents, one person in at least %.0f%%)\n",
		len(rows), e.MinIncidents, islands, analysis.IslandMinIncidents, 100*analysis.IslandShare)
	if e.Silent > 0 {
		fmt.Fprintf(s.out, "%d more areas have enough incidents but none names a responder\n", e.Silent)
	}
	return writePseudonymNote(s.out, opts.names)
}

func newExpertRow(a analysis.Concentration, name func(string) string) expertRow {
	r := expertRow{
		Incidents: a.Incidents, Responders: len(a.Responders),
		TopShare: roundShare(a.TopShare), Top3Share: roundShare(a.Top3Share), HHI: roundShare(a.HHI),
		BusFactor50: nonZero(a.BusFactor50), BusFactor80: nonZero(a.BusFactor80), BusFactorExact: a.BusFactorExact,
		Island: a.Island, Trend: []expertTrendRow{}, Owners: nonNil(a.Owners), Unattended: a.Unattended,
		Undated: a.Undated, People: []expertPersonRow{}, Drills: a.Drills,
		DrillParticipants: mapNames(a.DrillParticipants, name), DrilledThenResponded: mapNames(a.DrilledThenResponded, name),
	}
	areaName := a.Name
	if a.Kind == analysis.AreaTag {
		r.Tag = &areaName
	} else {
		r.Component = &areaName
	}
	if a.Top != "" {
		top := name(a.Top)
		r.TopPerson = &top
	}
	for _, t := range a.Trend {
		r.Trend = append(r.Trend, expertTrendRow{t.Quarter.String(), t.Incidents, roundShare(t.TopShare), t.Responders, t.SmallSample})
	}
	for _, p := range a.Responders {
		r.People = append(r.People, expertPersonRow{name(p.Name), p.Incidents, nonNil(p.Teams)})
	}
	slices.SortStableFunc(r.People, func(a, b expertPersonRow) int {
		return cmp.Or(cmp.Compare(b.Incidents, a.Incidents), strings.Compare(a.Name, b.Name))
	})
	if a.OutsideOwner != nil {
		r.OutsideOwner = mapNames(a.OutsideOwner, name)
	}
	return r
}

// expertNames returns every person's name an Expertise shows, for pseudonyms.
func expertNames(e analysis.Expertise) []string {
	var out []string
	for _, a := range e.Areas {
		for _, p := range a.Responders {
			out = append(out, p.Name)
		}
		out = append(out, a.DrillParticipants...)
	}
	for _, d := range e.Drills {
		out = append(out, d.Participants...)
	}
	for _, c := range e.Clusters {
		out = append(out, c.People...)
	}
	return out
}

// peopleNamer returns how people are shown: by name when names is set, else by pseudonym
// under $METAMORTEM_PSEUDONYM_KEY (or the default key), collisions checked among all.
func peopleNamer(names bool, all []string) func(string) string {
	if names {
		return func(n string) string { return n }
	}
	return privacy.New(os.Getenv(pseudonymKeyEnv), all).Name
}

// mapNames shows each of names with name, sorted by what is shown so that the order of
// pseudonyms says nothing about names; never nil, so JSON has [] rather than null.
func mapNames(names []string, name func(string) string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		out = append(out, name(n))
	}
	slices.Sort(out)
	return out
}

// writePseudonymNote says, under a table, how people are shown.
func writePseudonymNote(w io.Writer, names bool) error {
	if names {
		return nil
	}
	_, err := fmt.Fprintf(w, "people are shown as pseudonyms (key: $%s or the built-in default); pass --names to show names\n", pseudonymKeyEnv)
	return err
}

func writeTableWithNote(w io.Writer, gr grid, names bool) error {
	if err := gr.writeTable(w); err != nil {
		return err
	}
	fmt.Fprintln(w)
	return writePseudonymNote(w, names)
}

func topIncidents(a analysis.Concentration) int {
	if len(a.Responders) == 0 {
		return 0
	}
	return a.Responders[0].Incidents
}

// busText writes a bus factor, "-" when unreachable, with "≤" when it is a greedy estimate.
func busText(n int, exact bool) string {
	switch {
	case n == 0:
		return "-"
	case !exact:
		return fmt.Sprintf("≤%d", n)
	}
	return fmt.Sprint(n)
}

// roundShare rounds a share to three decimals for output.
func roundShare(x float64) float64 { return math.Round(x*1000) / 1000 }

func nonZero(n int) *int {
	if n == 0 {
		return nil
	}
	return &n
}
