package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/metamortem/metamortem/identity"
)

type identitiesOptions struct {
	format string
}

func newIdentitiesCmd(g *globals, s streams) *cobra.Command {
	opts := &identitiesOptions{}
	cmd := &cobra.Command{
		Use:   "identities",
		Short: "List names that may be one person or component, and names the catalog lacks",
		Long: `Check how the names reviews use for people and components match the catalog (ingested
Backstage catalogs, CODEOWNERS, owners files and alias files). A name counts as the catalog's
only when a catalog entry lists it: as a name, display name or title, e-mail address (or its
local part) or alias, in any case, with a handle's "@" ignored and, for components and teams,
spaces, hyphens and underscores ignored ("Payments API" = "payments_api" = "payments-api").

Nothing else is ever merged. The command prints:

  1. near duplicates to confirm: an unresolved name that looks like another name, by initials
     ("PJ"), first name ("Peter"), initial and last name ("P. Jones"), handle ("@pjones") or
     e-mail local part ("pjones@corp") matching exactly one full name, or, for components, a
     name that differs by an -api, -service or -svc affix or by one letter;
  2. unknown names: people (and action owners) and components no catalog entry resolves,
     with the number of reviews using each;
  3. reviews that name no component but whose title, summary, factors or timeline mention a
     catalog component, which analyses count as inferred;
  4. a summary of how many distinct names resolved.

To confirm a candidate, add the name as an alias in an alias file (or your catalog) and ingest
it; for example people.yaml:

  people:
    - name: Peter Jones
      aliases: ["@pjones", "PJ", "pjones@corp.example", "Peter"]
      team: payments
  components:
    - name: payments-api
      aliases: ["Payments API", "payments"]
      owner: payments

--format json writes one object with the keys
  candidates  [{kind, name, name_reviews, match, match_reviews, match_in_catalog, reason}]
  unknown     [{kind, name, reviews, spellings}]
  inferred    [{review, title, components}]
  summary     {people, people_resolved, components, components_resolved, reviews_inferred}
where kind is "person" or "component"; lists are sorted and never null.`,
		Example: `  $ metamortem identities
  $ metamortem ingest people.yaml && metamortem identities
  $ metamortem identities --format json | jq '.candidates[] | select(.kind == "person")'`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(opts.format, "table", "json"); err != nil {
				return err
			}
			return runIdentities(cmd.Context(), g, s, opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "table", "output format: table or json")
	return cmd
}

// identitiesReport is what the identities command prints; its JSON keys are documented in the
// command's help.
type identitiesReport struct {
	Candidates []candidateRow `json:"candidates"`
	Unknown    []unknownRow   `json:"unknown"`
	Inferred   []inferredRow  `json:"inferred"`
	Summary    summaryRow     `json:"summary"`
}

type candidateRow struct {
	Kind         identity.Kind   `json:"kind"`
	Name         string          `json:"name"`
	NameReviews  int             `json:"name_reviews"`
	Match        string          `json:"match"`
	MatchReviews int             `json:"match_reviews"`
	MatchKnown   bool            `json:"match_in_catalog"`
	Reason       identity.Reason `json:"reason"`
}

type unknownRow struct {
	Kind      identity.Kind `json:"kind"`
	Name      string        `json:"name"`
	Reviews   int           `json:"reviews"`
	Spellings []string      `json:"spellings"`
}

type inferredRow struct {
	Review     string   `json:"review"`
	Title      string   `json:"title"`
	Components []string `json:"components"`
}

type summaryRow struct {
	People             int `json:"people"`
	PeopleResolved     int `json:"people_resolved"`
	Components         int `json:"components"`
	ComponentsResolved int `json:"components_resolved"`
	ReviewsInferred    int `json:"reviews_inferred"`
}

func runIdentities(ctx context.Context, g *globals, s streams, opts *identitiesOptions) error {
	reviews, cat, err := loadReviews(ctx, g)
	if err != nil {
		return err
	}
	res := identity.New(cat, reviews)
	rep := identitiesReport{Candidates: []candidateRow{}, Unknown: []unknownRow{}, Inferred: []inferredRow{}}
	for _, c := range res.NearDuplicates() {
		rep.Candidates = append(rep.Candidates, candidateRow(c))
	}
	for _, n := range res.Unknown() {
		rep.Unknown = append(rep.Unknown, unknownRow(n))
	}
	for i, r := range res.Apply(reviews) {
		var inferred []string
		for _, c := range r.Components {
			if c.Inferred {
				inferred = append(inferred, c.Name)
			}
		}
		if len(inferred) > 0 {
			rep.Inferred = append(rep.Inferred, inferredRow{r.ReviewID, reviews[i].Title, inferred})
		}
	}
	sum := res.Summary()
	rep.Summary = summaryRow{sum.People, sum.PeopleResolved, sum.Components, sum.ComponentsResolved, len(rep.Inferred)}
	if opts.format == "json" {
		b, err := json.MarshalIndent(rep, "", "  ")
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(s.out, "%s\n", b)
		return err
	}
	return rep.writeTable(s.out)
}

// writeTable writes the report as three titled tables and a summary line.
func (rep identitiesReport) writeTable(w io.Writer) error {
	candidates := grid{columns: []string{"kind", "name", "reviews", "looks like", "reviews", "in catalog", "reason"}}
	for _, c := range rep.Candidates {
		candidates.rows = append(candidates.rows, []any{c.Kind, c.Name, c.NameReviews, c.Match, c.MatchReviews, c.MatchKnown, c.Reason})
	}
	unknown := grid{columns: []string{"kind", "name", "reviews", "spellings"}}
	for _, n := range rep.Unknown {
		unknown.rows = append(unknown.rows, []any{n.Kind, n.Name, n.Reviews, n.Spellings})
	}
	inferred := grid{columns: []string{"review", "title", "components"}}
	for _, r := range rep.Inferred {
		inferred.rows = append(inferred.rows, []any{r.Review, r.Title, r.Components})
	}
	sections := []struct {
		title string
		g     grid
	}{
		{"Near duplicates to confirm (add the name as an alias to merge):", candidates},
		{"Names no catalog entry resolves:", unknown},
		{"Reviews whose components were inferred from their text:", inferred},
	}
	for _, sec := range sections {
		if _, err := fmt.Fprintln(w, sec.title); err != nil {
			return err
		}
		if len(sec.g.rows) == 0 {
			fmt.Fprint(w, "  (none)\n\n")
			continue
		}
		if err := sec.g.writeTable(w); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	s := rep.Summary
	_, err := fmt.Fprintf(w, "people: %d of %d names resolved; components: %d of %d names resolved; reviews with inferred components: %d\n",
		s.PeopleResolved, s.People, s.ComponentsResolved, s.Components, s.ReviewsInferred)
	return err
}
