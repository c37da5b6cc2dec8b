package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/metamortem/metamortem/analysis"
)

type ownersOptions struct {
	format       string
	minIncidents int
	teams        bool
}

func newOwnersCmd(g *globals, s streams) *cobra.Command {
	opts := &ownersOptions{}
	cmd := &cobra.Command{
		Use:   "owners",
		Short: "Show ownership gaps: components nobody, everybody or the wrong team owns",
		Long: `For every component incidents name (drills excluded), compare what the ingested catalogs
(Backstage, CODEOWNERS, owners files, alias files) say owns it with who responded to its
incidents, and name the first problem that applies:

  unowned        no catalog gives it an owner (or only "none", "tbd" and the like)
  shared         the owner is not one team: "shared", "everyone", a list such as
                 "payments, data", or different owners in different catalogs
  unknown-owner  the owner is neither a team nor a person any catalog lists
  mismatch       members of the owning team responded to fewer than 20% of its incidents;
                 judged only with at least --min-incidents incidents and at least one
                 responder whose team the catalog knows

Responders are the people a review names as lead, responder or attendee; their teams come from
the catalog's team memberships. responding teams counts, per team, the incidents in which one
of its members responded. Only teams are shown, never people.

The table then lists (and --teams lists alone), for each owning team, the components it owns that incidents name, the
incidents on them and the open action items owned by the team (see metamortem actions).

--format json writes an array with the keys
  component, incidents, owner (null when none; several joined with ", "), problem (null when
  none), responding_teams [{team, incidents}], in_catalog, owning_teams, owner_share (share of
  incidents with an owning-team responder; null without an owning team).
With --teams: [{team, components, incidents, open_actions}].`,
		Example: `  $ metamortem owners
  $ metamortem owners --format json | jq '.[] | select(.problem != null)'
  $ metamortem owners --teams --format json`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(opts.format, "table", "json"); err != nil {
				return err
			}
			if opts.minIncidents < 1 {
				return usageError{fmt.Errorf("--min-incidents must be at least 1, got %d", opts.minIncidents)}
			}
			return runOwners(cmd.Context(), g, s, opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "table", "output format: table or json")
	cmd.Flags().IntVar(&opts.minIncidents, "min-incidents", analysis.DefaultMinIncidents, "fewest incidents before an owner mismatch is judged")
	cmd.Flags().BoolVar(&opts.teams, "teams", false, "list the owning teams' load instead of components")
	return cmd
}

type ownerRow struct {
	Component       string         `json:"component"`
	Incidents       int            `json:"incidents"`
	Owner           *string        `json:"owner"`
	Problem         *string        `json:"problem"`
	RespondingTeams []teamCountRow `json:"responding_teams"`
	InCatalog       bool           `json:"in_catalog"`
	OwningTeams     []string       `json:"owning_teams"`
	OwnerShare      *float64       `json:"owner_share"`
}

type teamCountRow struct {
	Team      string `json:"team"`
	Incidents int    `json:"incidents"`
}

type teamLoadRow struct {
	Team        string   `json:"team"`
	Components  []string `json:"components"`
	Incidents   int      `json:"incidents"`
	OpenActions int      `json:"open_actions"`
}

func runOwners(ctx context.Context, g *globals, s streams, opts *ownersOptions) error {
	reviews, cat, err := loadReviews(ctx, g)
	if err != nil {
		return err
	}
	gaps := analysis.Owners(reviews, cat, analysis.OwnersOptions{MinIncidents: opts.minIncidents})
	rows := []ownerRow{}
	for _, c := range gaps.Components {
		rows = append(rows, newOwnerRow(c))
	}
	teams := []teamLoadRow{}
	for _, t := range gaps.Teams {
		teams = append(teams, teamLoadRow{t.Team, nonNil(t.Components), t.Incidents, t.OpenActions})
	}
	tg := grid{columns: []string{"team", "components", "incidents", "open actions"}}
	for _, t := range teams {
		tg.rows = append(tg.rows, []any{t.Team, t.Components, t.Incidents, t.OpenActions})
	}
	switch {
	case opts.format == "json" && opts.teams:
		return writeJSONList(s.out, teams)
	case opts.format == "json":
		return writeJSONList(s.out, rows)
	case opts.teams:
		return tg.writeTable(s.out)
	}
	gr := grid{columns: []string{"component", "incidents", "owner", "problem", "owner share", "responding teams"}}
	problems := 0
	for _, r := range rows {
		owner, problem, share := "-", "", "-"
		if r.Owner != nil {
			owner = *r.Owner
		}
		if r.Problem != nil {
			problem, problems = *r.Problem, problems+1
		}
		if r.OwnerShare != nil {
			share = fmt.Sprintf("%.0f%%", 100**r.OwnerShare)
		}
		var responding []string
		for _, t := range r.RespondingTeams {
			responding = append(responding, fmt.Sprintf("%s %d", t.Team, t.Incidents))
		}
		gr.rows = append(gr.rows, []any{r.Component, r.Incidents, owner, problem, share, responding})
	}
	if err := gr.writeTable(s.out); err != nil {
		return err
	}
	fmt.Fprintf(s.out, "\n%d components, %d with an ownership problem\n\nOwning teams:\n", len(rows), problems)
	return tg.writeTable(s.out)
}

func newOwnerRow(c analysis.ComponentOwnership) ownerRow {
	r := ownerRow{Component: c.Component, Incidents: c.Incidents, RespondingTeams: []teamCountRow{},
		InCatalog: c.InCatalog, OwningTeams: nonNil(c.OwningTeams)}
	if len(c.Owners) > 0 {
		owner := strings.Join(c.Owners, ", ")
		r.Owner = &owner
	}
	if c.Problem != "" {
		problem := string(c.Problem)
		r.Problem = &problem
	}
	if len(c.OwningTeams) > 0 {
		share := roundShare(c.OwnerShare)
		r.OwnerShare = &share
	}
	for _, t := range c.RespondingTeams {
		r.RespondingTeams = append(r.RespondingTeams, teamCountRow(t))
	}
	return r
}
