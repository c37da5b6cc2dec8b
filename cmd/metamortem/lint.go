package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/metamortem/metamortem/ingest"
	"github.com/metamortem/metamortem/lint"
)

type lintOptions struct {
	paths  []string
	format string
}

// errFindings marks a lint run with error-level findings; the findings have been printed.
var errFindings = errors.New("lint found error-level problems")

func newLintCmd(s streams) *cobra.Command {
	opts := &lintOptions{}
	cmd := &cobra.Command{
		Use:   "lint FILE...",
		Short: "Check reviews before they are merged: timeliness, depth, actions, blameless language",
		Long: `Check review documents (files, or folders searched recursively for Markdown and HTML
reviews) the way a careful reviewer would:

  timeliness   late-review: held more than 24 hours after resolution; no-review-date
  depth        missing-factors, single-root-cause, missing-timeline, missing-impact,
               missing-customer-impact, missing-employee-impact, missing-difficulties,
               missing-actions
  actions      action-no-owner, action-no-due, action-no-ticket
  language     blame-language ("human error", "careless"), counterfactual ("should have",
               "the engineer failed to"), person-blame (a person named as the subject of a
               failure)

Text output is file:line: level: message [rule]. --format sarif writes SARIF 2.1.0 for code
hosts to show as annotations; json writes the findings as an array.

A .metamortem.yaml in the document's folder or any folder above it tunes the checks:

  lint:
    review_within: 48h
    disable: [action-no-ticket]
    levels:
      missing-difficulties: note

` + exitStatusHelp,
		Example: `  $ metamortem lint reviews/2026-07-14-checkout.md
  $ metamortem lint --format sarif reviews/ > lint.sarif`,
		Args: argsBetween(1, -1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.format, "text", "json", "sarif"); err != nil {
				return err
			}
			opts.paths = args
			return runLint(cmd.Context(), s, opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "text", "output format: text, json or sarif")
	return cmd
}

func runLint(_ context.Context, s streams, opts *lintOptions) error {
	targets, err := lintTargets(opts.paths)
	if err != nil {
		return err
	}
	findings := []lint.Finding{}
	var unreadable []error
	for _, t := range targets {
		cfg, err := lint.LoadConfig(filepath.Dir(t.path))
		if err != nil {
			return err
		}
		fs, err := lint.File(t.path, cfg)
		switch {
		case err == nil:
			findings = append(findings, fs...)
		case t.explicit || !errors.Is(err, ingest.ErrUnknownFormat):
			unreadable = append(unreadable, err)
		}
	}
	switch opts.format {
	case "sarif":
		err = lint.WriteSARIF(s.out, findings, version)
	case "json":
		enc := json.NewEncoder(s.out)
		enc.SetIndent("", "  ")
		err = enc.Encode(findings)
	default:
		for _, f := range findings {
			fmt.Fprintln(s.out, f)
		}
	}
	if err != nil {
		return err
	}
	if len(unreadable) > 0 {
		return errors.Join(unreadable...)
	}
	if lint.HasErrors(findings) {
		return errFindings
	}
	return nil
}

// lintTarget is a document to lint; explicit ones were named on the command line, and an
// unknown format is an error only for them.
type lintTarget struct {
	path     string
	explicit bool
}

// lintTargets expands folders to the Markdown and HTML documents below them, leaving out
// hidden folders and repository files such as README.md.
func lintTargets(paths []string) ([]lintTarget, error) {
	var targets []lintTarget
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			targets = append(targets, lintTarget{path: p, explicit: true})
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			switch ext := strings.ToLower(filepath.Ext(path)); {
			case d.IsDir() && path != p && strings.HasPrefix(d.Name(), "."):
				return filepath.SkipDir
			case !d.Type().IsRegular() || ingest.RepositoryFile(path):
			case ext == ".md" || ext == ".markdown" || ext == ".html" || ext == ".htm":
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(found)
		for _, f := range found {
			targets = append(targets, lintTarget{path: f})
		}
	}
	return targets, nil
}
