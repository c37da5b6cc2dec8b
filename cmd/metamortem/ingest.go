package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/metamortem/metamortem/ingest"
	"github.com/metamortem/metamortem/store"
)

type ingestOptions struct {
	paths     []string
	dryRun    bool
	format    string
	verbose   bool
	columnMap map[string]string
}

func newIngestCmd(g *globals, s streams) *cobra.Command {
	opts := &ingestOptions{}
	var maps []string
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Read review documents from files and folders into the database",
		Long: `Read review documents from files and folders (recursively) into the database.

Formats are recognised by extension and content: Markdown (with or without front matter, any
file extension) and metamortem's own JSON Lines export. A document whose bytes have not changed
since it was last ingested is skipped; a changed one replaces its reviews. A document that cannot
be read is listed with its reason and the rest of the batch still goes in. Hidden files and
folders are passed over.

` + exitStatusHelp,
		Example: `  $ metamortem ingest reviews/
  $ metamortem ingest --dry-run reviews/ exports/incidents.jsonl
  $ metamortem --db team.duckdb ingest postmortems/2026/`,
		Args: argsBetween(1, -1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.format, "table", "json"); err != nil {
				return err
			}
			opts.paths = args
			m, err := parseColumnMap(maps)
			if err != nil {
				return err
			}
			opts.columnMap = m
			return runIngest(cmd.Context(), g, s, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.dryRun, "dry-run", false, "parse and report what would change, write nothing")
	cmd.Flags().StringVar(&opts.format, "format", "table", "output format: table or json")
	cmd.Flags().BoolVarP(&opts.verbose, "verbose", "v", false, "also list files that were skipped as not reviews")
	cmd.Flags().StringArrayVar(&maps, "map", nil, "CSV column=field override, repeatable (e.g. --map \"Affected systems=components\")")
	return cmd
}

// parseColumnMap reads --map column=field flags into a map keyed by lower-cased column name.
func parseColumnMap(flags []string) (map[string]string, error) {
	if len(flags) == 0 {
		return nil, nil
	}
	m := map[string]string{}
	for _, f := range flags {
		col, field, ok := strings.Cut(f, "=")
		col, field = strings.TrimSpace(col), strings.TrimSpace(field)
		if !ok || col == "" || field == "" {
			return nil, usageError{fmt.Errorf("--map %q is not column=field", f)}
		}
		m[strings.ToLower(col)] = strings.ToLower(field)
	}
	return m, nil
}

func runIngest(ctx context.Context, g *globals, s streams, opts *ingestOptions) error {
	db, err := store.Open(ctx, g.db, false)
	if err != nil {
		return err
	}
	defer db.Close()
	sum, err := ingest.Run(ctx, db, opts.paths, ingest.Options{
		DryRun:    opts.dryRun,
		Progress:  progressFunc(s.err, "ingest"),
		ColumnMap: opts.columnMap,
	})
	if err != nil {
		return err
	}
	if opts.format == "json" {
		err = writeIngestJSON(s.out, sum, opts.dryRun)
	} else {
		writeIngestText(s.out, sum, opts.dryRun, opts.verbose)
	}
	if err != nil {
		return err
	}
	for _, w := range sum.Warnings {
		fmt.Fprintf(s.err, "metamortem: warning: %s\n", w)
	}
	for _, f := range sum.Failed {
		fmt.Fprintf(s.err, "metamortem: %s\n", f)
	}
	if len(sum.Failed) > 0 || len(sum.Warnings) > 0 {
		return errPartial
	}
	return nil
}

func writeIngestText(w io.Writer, sum *ingest.Summary, dryRun, verbose bool) {
	verb := ""
	if dryRun {
		verb = " (dry run, nothing written)"
	}
	fmt.Fprintf(w, "read %d documents%s: %d added, %d updated, %d unchanged, %d skipped, %d failed\n",
		sum.Read, verb, sum.Added, sum.Updated, sum.Unchanged, len(sum.Skipped), len(sum.Failed))
	if len(sum.Warnings) > 0 {
		fmt.Fprintf(w, "%d parts of documents could not be read (listed on standard error); the rest went in\n", len(sum.Warnings))
	}
	if len(sum.Formats) > 0 {
		names := make([]string, 0, len(sum.Formats))
		for name := range sum.Formats {
			names = append(names, name)
		}
		sort.Strings(names)
		fmt.Fprint(w, "formats:")
		for _, name := range names {
			fmt.Fprintf(w, " %s %d", name, sum.Formats[name])
		}
		fmt.Fprintln(w)
	}
	if sum.Reviews > 0 {
		fmt.Fprintln(w, sum.Coverage.String())
	}
	if sum.Fragments > 0 {
		fmt.Fprintf(w, "%d review fragments (follow-ups, participants, tasks) attached to reviews by id\n", sum.Fragments)
	}
	if c := sum.Catalog; c != (ingest.CatalogCount{}) {
		fmt.Fprintf(w, "catalog: %d components, %d teams, %d people, %d ownership rules\n", c.Components, c.Teams, c.People, c.Ownership)
	}
	if verbose {
		for _, f := range sum.Skipped {
			fmt.Fprintf(w, "skipped %s\n", f)
		}
	}
}

// ingestJSON is the stable JSON shape of an ingest summary.
type ingestJSON struct {
	DryRun    bool                `json:"dry_run"`
	Read      int                 `json:"read"`
	Added     int                 `json:"added"`
	Updated   int                 `json:"updated"`
	Unchanged int                 `json:"unchanged"`
	Reviews   int                 `json:"reviews"`
	Fragments int                 `json:"fragments"`
	Catalog   ingest.CatalogCount `json:"catalog"`
	Formats   map[string]int      `json:"formats"`
	Coverage  ingest.Coverage     `json:"coverage"`
	Skipped   []failureJSON       `json:"skipped"`
	Warnings  []failureJSON       `json:"warnings"`
	Failed    []failureJSON       `json:"failed"`
}

type failureJSON struct {
	Path   string `json:"path"`
	Line   int    `json:"line,omitempty"`
	Reason string `json:"reason"`
}

func writeIngestJSON(w io.Writer, sum *ingest.Summary, dryRun bool) error {
	out := ingestJSON{
		DryRun: dryRun, Read: sum.Read, Added: sum.Added, Updated: sum.Updated, Unchanged: sum.Unchanged,
		Reviews: sum.Reviews, Fragments: sum.Fragments, Catalog: sum.Catalog, Formats: sum.Formats, Coverage: sum.Coverage,
		Skipped: failuresJSON(sum.Skipped), Warnings: failuresJSON(sum.Warnings), Failed: failuresJSON(sum.Failed),
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func failuresJSON(fs []ingest.Failure) []failureJSON {
	out := make([]failureJSON, len(fs))
	for i, f := range fs {
		out[i] = failureJSON{Path: f.Path, Line: f.Line, Reason: f.Reason}
	}
	return out
}
