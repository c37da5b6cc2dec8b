package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/analysis"
	"github.com/metamortem/metamortem/store"
)

type themesOptions struct {
	from, to time.Time
	taxonomy string
	format   string
}

func newThemesCmd(g *globals, s streams) *cobra.Command {
	opts := &themesOptions{}
	var from, to string
	cmd := &cobra.Command{
		Use:   "themes",
		Short: "Group contributing factors that recur across reviews under different words",
		Long: `Group the contributing-factor statements of the stored reviews into themes. A statement
that uses a known cause's phrases (the taxonomy: a built-in list of common causes such as
connection pool exhaustion, expired certificates or config changes without a canary) joins that
cause's theme; the others are clustered by the words left once names of components, teams and
people (from the catalog and the reviews), numbers, times, hosts and tickets are set aside. A
theme must span at least two reviews; statements in no theme are counted at the end of the
table.

  factors     how many statements the theme holds
  incidents   how many distinct reviews they come from
  components  the components those reviews involve, most reviews first
  first/last  the earliest and latest start of those reviews

--from and --to take a date (2026-07-01) or an RFC 3339 time; --to is exclusive, and with a
range, reviews with no start time are left out. --taxonomy FILE replaces the built-in taxonomy
(or adds to it, with "extends: default" at the top of the file).

--format json writes an array of themes, each
  {id, label, tag, factors, incidents, components, first_seen, last_seen,
   members: [{review_id, text}]}
where tag is null for a theme found by clustering alone, first_seen and last_seen are RFC 3339
times (null when no review has a start), and lists are never null. IDs are stable across runs:
the taxonomy tag, or "theme-" and a hash of the members.`,
		Example: `  $ metamortem themes
  $ metamortem themes --from 2026-01-01 --to 2026-07-01
  $ metamortem themes --taxonomy ours.yaml --format json | jq '.[] | {label, incidents}'`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(opts.format, "table", "json"); err != nil {
				return err
			}
			var err error
			if opts.from, err = parseDateFlag("--from", from, time.Time{}); err != nil {
				return err
			}
			if opts.to, err = parseDateFlag("--to", to, time.Time{}); err != nil {
				return err
			}
			if !opts.from.IsZero() && !opts.to.IsZero() && !opts.from.Before(opts.to) {
				return usageError{fmt.Errorf("--from must be before --to")}
			}
			return runThemes(cmd.Context(), g, s, opts)
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "first day in range (inclusive)")
	cmd.Flags().StringVar(&to, "to", "", "end of range (exclusive)")
	cmd.Flags().StringVar(&opts.taxonomy, "taxonomy", "", "taxonomy file (YAML) to use instead of the built-in one")
	cmd.Flags().StringVar(&opts.format, "format", "table", "output format: table or json")
	return cmd
}

// stored is what the theme-based commands read: the reviews, the catalog and the themes found
// in the reviews.
type stored struct {
	reviews  []metamortem.Review
	catalog  metamortem.Catalog
	themes   analysis.ThemeSet
	taxonomy *analysis.Taxonomy // nil for the default one
	// resolved is what identity makes of every review, shared by the names themes mask,
	// classes and finalise.
	resolved *analysis.Resolved
}

// themeSections are the only sections of the reviews that themes, classes and finalise read:
// the summary, where identity.Resolver.InferComponents looks for the components of a review
// that names none. Leaving the others out skips most of the stored text.
var themeSections = []string{"summary"}

// loadThemes reads the reviews (with only themeSections) and catalog and finds the themes of
// the reviews that started in [from, to), masking every component, team and person name the
// catalog and reviews give.
func loadThemes(ctx context.Context, g *globals, taxonomyPath string, from, to time.Time) (stored, error) {
	opts := analysis.ThemeOptions{From: from, To: to}
	if taxonomyPath != "" {
		f, err := os.Open(taxonomyPath)
		if err != nil {
			return stored{}, err
		}
		opts.Taxonomy, err = analysis.LoadTaxonomy(f)
		f.Close()
		if err != nil {
			return stored{}, fmt.Errorf("taxonomy %s: %w", taxonomyPath, err)
		}
	}
	var st stored
	var err error
	if st.reviews, st.catalog, err = loadReviewsWith(ctx, g, store.ReviewsOptions{Sections: themeSections}); err != nil {
		return stored{}, err
	}
	st.resolved = analysis.Resolve(st.catalog, st.reviews)
	opts.UseNames(st.resolved)
	st.themes, st.taxonomy = analysis.Themes(st.reviews, opts), opts.Taxonomy
	return st, nil
}

// themeRow is one theme as the themes command writes it in JSON; the keys are documented in
// the command's help.
type themeRow struct {
	ID         string      `json:"id"`
	Label      string      `json:"label"`
	Tag        *string     `json:"tag"`
	Factors    int         `json:"factors"`
	Incidents  int         `json:"incidents"`
	Components []string    `json:"components"`
	FirstSeen  *time.Time  `json:"first_seen"`
	LastSeen   *time.Time  `json:"last_seen"`
	Members    []memberRow `json:"members"`
}

type memberRow struct {
	ReviewID string `json:"review_id"`
	Text     string `json:"text"`
}

func runThemes(ctx context.Context, g *globals, s streams, opts *themesOptions) error {
	st, err := loadThemes(ctx, g, opts.taxonomy, opts.from, opts.to)
	if err != nil {
		return err
	}
	if opts.format == "json" {
		rows := make([]themeRow, 0, len(st.themes.Themes))
		for _, th := range st.themes.Themes {
			row := themeRow{ID: th.ID, Label: th.Label, Factors: len(th.Members), Incidents: th.Reviews,
				Components: nonNil(th.Components), FirstSeen: utc(th.FirstSeen), LastSeen: utc(th.LastSeen),
				Members: []memberRow{}}
			if th.Tag != "" {
				row.Tag = &th.Tag
			}
			for _, m := range th.Members {
				row.Members = append(row.Members, memberRow{m.ReviewID, m.Text})
			}
			rows = append(rows, row)
		}
		return writeJSONList(s.out, rows)
	}
	return writeThemesTable(s.out, st.themes)
}

func writeThemesTable(w io.Writer, set analysis.ThemeSet) error {
	gr := grid{columns: []string{"id", "label", "tag", "factors", "incidents", "components", "first seen", "last seen", "example"}}
	for _, th := range set.Themes {
		gr.rows = append(gr.rows, []any{th.ID, th.Label, th.Tag, len(th.Members), th.Reviews, th.Components,
			dateText(th.FirstSeen), dateText(th.LastSeen), clip(th.Members[0].Text, 70)})
	}
	if err := gr.writeTable(w); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%d themes; %d of %d statements in no theme; %d reviews out of range\n",
		len(set.Themes), len(set.Unthemed), set.Statements, set.OutOfRange)
	return err
}

// nonNil returns xs, or an empty list for nil, so that JSON shows [] rather than null.
func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

// utc returns t in UTC, or nil.
func utc(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

// dateText writes t's UTC date, or "-" for nil.
func dateText(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return t.UTC().Format(time.DateOnly)
}

// clip cuts s to at most n runes, ending in "…" when cut.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
