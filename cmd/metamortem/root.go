package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/store"
)

// Exit statuses, decided here and nowhere else.
const (
	exitOK      = 0
	exitError   = 1
	exitUsage   = 2
	exitPartial = 3
	exitBusy    = 4
	exitLint    = 5
)

const exitStatusHelp = `EXIT STATUS
  0  success
  1  error: nothing useful was done (bad database, unreadable output path, …)
  2  usage error: unknown command or flag, bad flag value
  3  partial failure: some documents (or rows of them) could not be ingested; the rest went in
  4  the database is locked by another metamortem process
  5  lint: at least one error-level finding
`

// streams are the process's standard streams, injected so tests can read them.
type streams struct {
	in       io.Reader
	out, err io.Writer
}

// globals are the flags every command shares.
type globals struct {
	db string
}

// errPartial marks an ingest in which some documents failed; its message has been printed.
var errPartial = errors.New("some documents could not be ingested")

// usageError is a bad flag or argument.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func run(ctx context.Context, args []string, s streams) int {
	root := newRootCmd(s)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	if errors.Is(err, errPartial) {
		return exitPartial
	}
	if errors.Is(err, errFindings) {
		return exitLint
	}
	fmt.Fprintf(s.err, "metamortem: error: %v\n", err)
	if hint := hintFor(err); hint != "" {
		fmt.Fprintf(s.err, "metamortem: hint: %s\n", hint)
	}
	var ue usageError
	switch {
	case errors.As(err, &ue):
		return exitUsage
	case errors.Is(err, store.ErrLocked):
		return exitBusy
	}
	return exitError
}

// hintFor says what the person can do about err, or nothing.
func hintFor(err error) string {
	var ue usageError
	switch {
	case errors.Is(err, store.ErrLocked):
		return "wait for the other metamortem to finish, or pass --db to use another file"
	case errors.Is(err, store.ErrNoDatabase):
		return "run `metamortem ingest PATH` first, or pass --db (or set METAMORTEM_DB) to name the database"
	case errors.Is(err, store.ErrSchemaTooNew):
		return "upgrade metamortem, or pass --db to use another file"
	case errors.As(err, &ue):
		return "see `metamortem --help`"
	}
	return ""
}

func newRootCmd(s streams) *cobra.Command {
	g := &globals{}
	root := &cobra.Command{
		Use:   "metamortem",
		Short: "Cross-incident analytics for post-incident reviews",
		Long: `metamortem reads post-incident reviews (Markdown, and more formats to come) into a
DuckDB database and reports what recurs across them: contributing factors, repeated incident
classes, knowledge concentration, ownership gaps and review quality.

The database is metamortem.duckdb in the working directory unless --db or METAMORTEM_DB
names another file.

` + exitStatusHelp,
		Example: `  $ metamortem ingest reviews/
  $ metamortem report --out report.html
  $ metamortem query "SELECT severity, count(*) FROM reviews GROUP BY ALL"`,
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageError{fmt.Errorf("unknown command %q", args[0])}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	root.SetIn(s.in)
	root.SetOut(s.out)
	root.SetErr(s.err)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	defaultDB := store.DefaultPath
	if env := os.Getenv("METAMORTEM_DB"); env != "" {
		defaultDB = env
	}
	root.PersistentFlags().StringVar(&g.db, "db", defaultDB, "database file (env METAMORTEM_DB)")
	root.AddCommand(
		newIngestCmd(g, s),
		newExportCmd(g, s),
		newReportCmd(g, s),
		newQueryCmd(g, s),
		newIdentitiesCmd(g, s),
		newLintCmd(s),
		newThemesCmd(g, s),
		newClassesCmd(g, s),
		newFinaliseCmd(g, s),
		newExpertsCmd(g, s),
		newOwnersCmd(g, s),
		newActionsCmd(g, s),
	)
	return root
}

// checkFormat returns a usage error unless format is one of allowed.
func checkFormat(format string, allowed ...string) error {
	for _, a := range allowed {
		if format == a {
			return nil
		}
	}
	return usageError{fmt.Errorf("--format %q is not one of %s", format, strings.Join(allowed, ", "))}
}

// argsBetween accepts from min to max positional arguments (max < 0: no limit), as a usage error.
func argsBetween(minArgs, maxArgs int) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) < minArgs || maxArgs >= 0 && len(args) > maxArgs {
			switch {
			case maxArgs == 0:
				return usageError{fmt.Errorf("takes no arguments, got %d", len(args))}
			case maxArgs < 0:
				return usageError{fmt.Errorf("needs at least %d argument(s)", minArgs)}
			}
			return usageError{fmt.Errorf("needs %d to %d arguments, got %d", minArgs, maxArgs, len(args))}
		}
		return nil
	}
}

// identitySections are the only sections of the reviews that identity reads: the summary, where
// identity.Resolver.InferComponents looks for the components of a review that names none.
var identitySections = []string{"summary"}

// loadReviews opens the database read-only and reads every review, with only identitySections,
// and the catalog, for the commands that resolve names and read no other section (experts,
// owners, actions and identities). Leaving the other sections out skips most of the stored text.
func loadReviews(ctx context.Context, g *globals) ([]metamortem.Review, metamortem.Catalog, error) {
	return loadReviewsWith(ctx, g, store.ReviewsOptions{Sections: identitySections})
}

// loadReviewsWith is loadReviews leaving out of the reviews what opts leave out.
func loadReviewsWith(ctx context.Context, g *globals, opts store.ReviewsOptions) ([]metamortem.Review, metamortem.Catalog, error) {
	return loadReviewsFilling(ctx, g, opts, nil)
}

// loadReviewsFilling is loadReviewsWith, then gives every section to the reviews whole picks
// out of those loaded (pointers into the slice it is given); nil whole picks none.
func loadReviewsFilling(ctx context.Context, g *globals, opts store.ReviewsOptions,
	whole func([]metamortem.Review) []*metamortem.Review) ([]metamortem.Review, metamortem.Catalog, error) {
	db, err := openReadOnly(ctx, g)
	if err != nil {
		return nil, metamortem.Catalog{}, err
	}
	defer db.Close()
	reviews, err := db.ReviewsWith(ctx, opts)
	if err != nil {
		return nil, metamortem.Catalog{}, err
	}
	if whole != nil {
		if err := db.FillSections(ctx, whole(reviews)); err != nil {
			return nil, metamortem.Catalog{}, err
		}
	}
	cat, err := db.Catalog(ctx)
	return reviews, cat, err
}

// openReadOnly opens the database for a command that only reads.
func openReadOnly(ctx context.Context, g *globals) (*store.DB, error) {
	return store.Open(ctx, g.db, true)
}
