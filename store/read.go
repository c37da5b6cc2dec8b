package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/metamortem/metamortem"
)

// Reviews returns every stored review, whole, ordered by ID.
func (db *DB) Reviews(ctx context.Context) ([]metamortem.Review, error) {
	return db.ReviewsWith(ctx, ReviewsOptions{})
}

// ReviewsOptions choose what ReviewsWith leaves out of the reviews.
type ReviewsOptions struct {
	// Sections, when not nil, names the only sections to load (a review with none of them
	// has nil Sections); nil loads every section. The sections hold most of the stored text,
	// and most analyses read none of it or only the summary.
	Sections []string
}

// ReviewsWith returns every stored review ordered by ID, with what opts leave out left out.
func (db *DB) ReviewsWith(ctx context.Context, opts ReviewsOptions) ([]metamortem.Review, error) {
	return db.reviews(ctx, defaultReader, opts)
}

// loaded are the stored reviews while their child rows are attached: the index of each ID,
// and the document each review was read from. ready is closed once these are set.
type loaded struct {
	db       *DB
	read     columnReader
	sections []string // the sections to load; nil for all
	ids      []string // the only reviews whose rows to read; nil for all (see FillSections)
	ready    chan struct{}
	reviews  []metamortem.Review
	index    map[string]int32
	docPaths []string
}

// reviewsQuery selects the reviews table, in the order of reviewKinds. The rows come in the
// order they are stored, which is mostly ID order already: loadReviews sorts them only when
// they are not, cheaper than having DuckDB sort every column.
const reviewsQuery = `
	SELECT id, doc_path, title, kind, severity, severity_rank,
	       started_at, detected_at, mitigated_at, resolved_at, reviewed_at,
	       source_path, source_format, source_sha256
	FROM reviews`

var reviewKinds = []kind{kindString, kindString, kindString, kindString, kindString, kindInt,
	kindTime, kindTime, kindTime, kindTime, kindTime, kindString, kindString, kindString}

// reviews reads the reviews table and each child table at once, each on a connection of its
// own, all through read; the child tables' rows are matched to reviews once these are in.
func (db *DB) reviews(ctx context.Context, read columnReader, opts ReviewsOptions) ([]metamortem.Review, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	l := &loaded{db: db, read: read, sections: opts.Sections, ready: make(chan struct{})}
	// Each loader fills one field of the reviews, so they can run at once.
	loaders := []func(context.Context) error{
		l.loadComponents, l.loadTags, l.loadPeople, l.loadFactors,
		l.loadActions, l.loadTimeline, l.loadSections,
	}
	errs := make([]error, len(loaders)+1)
	var wg sync.WaitGroup
	for i, load := range loaders {
		wg.Go(func() { errs[i] = load(ctx) })
	}
	if err := l.loadReviews(ctx); err != nil {
		errs[len(loaders)] = fmt.Errorf("read reviews: %w", err)
		cancel()
	} else {
		close(l.ready)
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return l.reviews, nil
}

// loadReviews reads the reviews table and indexes it.
func (l *loaded) loadReviews(ctx context.Context) error {
	var n int
	if err := l.db.sql.QueryRowContext(ctx, `SELECT count(*) FROM reviews`).Scan(&n); err != nil {
		return err
	}
	l.reviews, l.docPaths = make([]metamortem.Review, 0, n), make([]string, 0, n)
	err := l.read(ctx, l.db, reviewsQuery, nil, reviewKinds, func(b *batch) error {
		ranks := make([]int, b.rows)
		for k := range b.rows {
			r := metamortem.Review{
				ID: b.cols[0].str[k], Title: b.cols[2].str[k], Kind: metamortem.Kind(b.cols[3].str[k]),
				Severity:  b.cols[4].str[k],
				StartedAt: b.cols[6].time[k], DetectedAt: b.cols[7].time[k], MitigatedAt: b.cols[8].time[k],
				ResolvedAt: b.cols[9].time[k], ReviewedAt: b.cols[10].time[k],
				Source: metamortem.Source{Path: b.cols[11].str[k], Format: b.cols[12].str[k], SHA256: b.cols[13].str[k]},
			}
			if !b.cols[5].null[k] {
				ranks[k] = int(b.cols[5].num[k])
				r.SeverityRank = &ranks[k]
			}
			l.reviews = append(l.reviews, r)
			l.docPaths = append(l.docPaths, b.cols[1].str[k])
		}
		return nil
	})
	if err != nil {
		return err
	}
	l.sortReviews()
	l.indexReviews()
	return nil
}

// sortReviews puts the reviews, and their documents with them, in ID order, unless they are.
func (l *loaded) sortReviews() {
	byID := func(i, j int32) int { return strings.Compare(l.reviews[i].ID, l.reviews[j].ID) }
	order := make([]int32, len(l.reviews))
	for i := range order {
		order[i] = int32(i)
	}
	if slices.IsSortedFunc(order, byID) {
		return
	}
	slices.SortStableFunc(order, byID)
	// Move each review to its place in place, a cycle of the permutation at a time: position
	// j takes the review at order[j], and -1 marks a position done.
	for i := range order {
		if order[i] < 0 {
			continue
		}
		review, docPath := l.reviews[i], l.docPaths[i]
		j := int32(i)
		for {
			k := order[j]
			order[j] = -1
			if k == int32(i) {
				l.reviews[j], l.docPaths[j] = review, docPath
				break
			}
			l.reviews[j], l.docPaths[j] = l.reviews[k], l.docPaths[k]
			j = k
		}
	}
}

// find returns the index of the review with ID id, or -1 when none has it. The rows of a
// child table mostly come in the order of their reviews' IDs, so the review after last, the
// one the previous row belonged to, is tried before the index.
func (l *loaded) find(id string, last int32) int32 {
	if next := int(last) + 1; next < len(l.reviews) && l.reviews[next].ID == id {
		return int32(next)
	}
	if i, ok := l.index[id]; ok {
		return i
	}
	return -1
}

// indexReviews sets the index of each review's ID.
func (l *loaded) indexReviews() {
	l.index = make(map[string]int32, len(l.reviews))
	for i := range l.reviews {
		l.index[l.reviews[i].ID] = int32(i)
	}
}
