package store

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/metamortem/metamortem"
)

// FillSections gives each of reviews every section stored for it, the map Reviews gives: under
// each name the text of the review's own document before any fragment's, and nil for a review
// with no section (or none stored under its ID). Reviews are matched by ID and nothing else of
// them changes. With ReviewsWith it loads every section of only the reviews that need them.
func (db *DB) FillSections(ctx context.Context, reviews []*metamortem.Review) error {
	return db.fillSections(ctx, defaultReader, reviews)
}

// fillSections is FillSections through read. It reads the reviews' documents and their sections
// at once, each on a connection of its own, as reviews does, asking for no others' rows.
func (db *DB) fillSections(ctx context.Context, read columnReader, reviews []*metamortem.Review) error {
	if len(reviews) == 0 {
		return nil
	}
	ids := make([]string, len(reviews))
	for i, r := range reviews {
		ids[i] = r.ID
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	l := &loaded{db: db, read: read, ids: ids, ready: make(chan struct{})}
	var sectionsErr error
	var wg sync.WaitGroup
	wg.Go(func() { sectionsErr = l.loadSections(ctx) })
	docsErr := l.loadDocPaths(ctx)
	if docsErr != nil {
		docsErr = fmt.Errorf("read reviews: %w", docsErr)
		cancel()
	} else {
		close(l.ready)
	}
	wg.Wait()
	if err := errors.Join(docsErr, sectionsErr); err != nil {
		return err
	}
	for _, r := range reviews {
		r.Sections = nil
		if i, ok := l.index[r.ID]; ok {
			r.Sections = l.reviews[i].Sections
		}
	}
	return nil
}

// loadDocPaths reads the ID and document of each of the reviews l.ids names, enough for
// loadChildren to match and order their rows, and indexes them.
func (l *loaded) loadDocPaths(ctx context.Context) error {
	const query = `SELECT id, doc_path FROM reviews WHERE id IN (SELECT unnest(?::VARCHAR[]))`
	err := l.read(ctx, l.db, query, []any{stringList(l.ids)}, []kind{kindString, kindString}, func(b *batch) error {
		for k := range b.rows {
			l.reviews = append(l.reviews, metamortem.Review{ID: b.cols[0].str[k]})
			l.docPaths = append(l.docPaths, b.cols[1].str[k])
		}
		return nil
	})
	if err != nil {
		return err
	}
	l.indexReviews()
	return nil
}
