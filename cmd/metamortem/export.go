package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/metamortem/metamortem/privacy"
)

type exportOptions struct {
	format    string
	out       string
	anonymize bool
}

func newExportCmd(g *globals, s streams) *cobra.Command {
	opts := &exportOptions{}
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write every stored review as JSON Lines, CSV or Parquet",
		Long: `Write every stored review, ordered by ID.

jsonl writes the canonical v1 review, one JSON object per line, with every key present (absent
values are null or []); it is also an input format, so an export ingested into a fresh database
exports identically. csv and parquet write one flat row per review (lists joined with "; " in
CSV; cells a spreadsheet would evaluate as formulas are prefixed with an apostrophe). Parquet
needs --out.

--anonymize replaces people with stable pseudonyms ("person-3fa2c1") for sharing: in the people,
action owner and timeline actor fields, and wherever a form of a known person's name (catalog
name, display name, alias, e-mail; a unique first name) stands in text. Teams keep their names.
Names that neither a review's people fields nor a catalog list cannot be recognised in free text.`,
		Example: `  $ metamortem export --format jsonl > reviews.jsonl
  $ metamortem export --format csv --out reviews.csv
  $ metamortem export --format parquet --out reviews.parquet`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(opts.format, "jsonl", "csv", "parquet"); err != nil {
				return err
			}
			if opts.format == "parquet" && opts.out == "" {
				return usageError{fmt.Errorf("--format parquet needs --out PATH")}
			}
			if opts.format == "parquet" && opts.anonymize {
				return usageError{fmt.Errorf("--anonymize works with jsonl and csv, not parquet")}
			}
			return runExport(cmd.Context(), g, s, opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "jsonl", "jsonl, csv or parquet")
	cmd.Flags().StringVarP(&opts.out, "out", "o", "", "output file (default standard output)")
	cmd.Flags().BoolVar(&opts.anonymize, "anonymize", false, "replace people with stable pseudonyms (key: $"+pseudonymKeyEnv+")")
	return cmd
}

func runExport(ctx context.Context, g *globals, s streams, opts *exportOptions) (err error) {
	db, err := openReadOnly(ctx, g)
	if err != nil {
		return err
	}
	defer db.Close()
	if opts.format == "parquet" {
		return db.ExportParquet(ctx, opts.out)
	}
	w := s.out
	if opts.out != "" {
		f, err := os.Create(opts.out)
		if err != nil {
			return err
		}
		defer func() {
			if cerr := f.Close(); cerr != nil && err == nil {
				err = cerr
			}
		}()
		w = f
	}
	var anon *privacy.Anonymizer
	if opts.anonymize {
		reviews, err := db.Reviews(ctx)
		if err != nil {
			return err
		}
		cat, err := db.Catalog(ctx)
		if err != nil {
			return err
		}
		anon = privacy.NewAnonymizer(reviews, cat, os.Getenv(pseudonymKeyEnv))
	}
	if opts.format == "csv" {
		res, err := db.ReviewRows(ctx)
		if err != nil {
			return err
		}
		if anon != nil {
			anonymizeRows(res.Columns, res.Rows, anon)
		}
		return grid{columns: res.Columns, rows: res.Rows}.writeCSV(w)
	}
	reviews, err := db.Reviews(ctx)
	if err != nil {
		return err
	}
	if anon != nil {
		for i := range reviews {
			reviews[i] = anon.Review(reviews[i])
		}
	}
	return writeJSONL(w, reviews)
}

// anonymizeRows replaces people in the flat review rows: the people column's names and any
// names in the title.
func anonymizeRows(columns []string, rows [][]any, anon *privacy.Anonymizer) {
	for c, name := range columns {
		for _, row := range rows {
			switch v := row[c].(type) {
			case string:
				if name == "title" {
					row[c] = anon.Text(v)
				}
			case []any:
				if name == "people" {
					for i, p := range v {
						if s, ok := p.(string); ok {
							v[i] = anon.Person(s)
						}
					}
				}
			}
		}
	}
}

// writeJSONL writes one JSON value per line.
func writeJSONL[T any](w io.Writer, values []T) error {
	enc := json.NewEncoder(w)
	for _, v := range values {
		if err := enc.Encode(v); err != nil {
			return err
		}
	}
	return nil
}
