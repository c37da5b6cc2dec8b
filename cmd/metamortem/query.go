package main

import (
	"context"

	"github.com/spf13/cobra"
)

type queryOptions struct {
	sql    string
	format string
}

func newQueryCmd(g *globals, s streams) *cobra.Command {
	opts := &queryOptions{}
	cmd := &cobra.Command{
		Use:   "query SQL",
		Short: "Run read-only SQL against the database",
		Long: `Run SQL against the database, opened read-only so nothing can change it. The README
documents the tables and their columns (reviews, review_components, review_tags, people,
factors, actions, timeline_events, sections, documents). Times are UTC.`,
		Example: `  $ metamortem query "SELECT severity, count(*) AS n FROM reviews GROUP BY ALL ORDER BY n DESC"
  $ metamortem query --format csv "SELECT * FROM actions WHERE status = 'open'" > open-actions.csv
  $ metamortem query --format json "SELECT component, count(*) FROM review_components GROUP BY ALL"`,
		Args: argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.format, "table", "json", "csv"); err != nil {
				return err
			}
			opts.sql = args[0]
			return runQuery(cmd.Context(), g, s, opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "table", "output format: table, json or csv")
	return cmd
}

func runQuery(ctx context.Context, g *globals, s streams, opts *queryOptions) error {
	db, err := openReadOnly(ctx, g)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := db.Query(ctx, opts.sql)
	if err != nil {
		return err
	}
	return writeGrid(s, grid{columns: res.Columns, rows: res.Rows}, opts.format)
}

// writeGrid writes g to standard output in the named format.
func writeGrid(s streams, g grid, format string) error {
	switch format {
	case "json":
		return g.writeJSON(s.out)
	case "csv":
		return g.writeCSV(s.out)
	}
	return g.writeTable(s.out)
}
