package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
)

// storedIndex is what the store holds, as far as writing needs to know: the path of every
// stored document with the IDs of the reviews it defines, and the reverse. It is read from the
// tables once, on first use, and then kept up to date by Write, so that a batch neither
// searches the documents table for the paths it replaces nor the reviews table for the IDs it
// claims. The DB is the only writer: DuckDB's file lock keeps other processes out.
type storedIndex struct {
	mu     sync.Mutex
	loaded bool
	docs   map[string][]string // document path → IDs of the reviews it defines
	owners map[string]string   // review ID → path of the document that defines it
}

// load reads the index from the tables unless it has been read already; the caller holds mu.
func (s *storedIndex) load(ctx context.Context, db *DB) error {
	if s.loaded {
		return nil
	}
	s.docs, s.owners = map[string][]string{}, map[string]string{}
	err := db.scanRows(ctx, `SELECT path FROM documents`, func(rows *sql.Rows) error {
		var path string
		if err := rows.Scan(&path); err != nil {
			return err
		}
		s.docs[path] = nil
		return nil
	})
	if err != nil {
		return fmt.Errorf("read stored documents: %w", err)
	}
	err = db.scanRows(ctx, `SELECT id, doc_path FROM reviews`, func(rows *sql.Rows) error {
		var id, path string
		if err := rows.Scan(&id, &path); err != nil {
			return err
		}
		s.owners[id] = path
		s.docs[path] = append(s.docs[path], id)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read stored review ids: %w", err)
	}
	s.loaded = true
	return nil
}

// stored returns the paths among paths that name stored documents; the caller holds mu.
func (s *storedIndex) stored(paths []string) []string {
	var out []string
	for _, p := range paths {
		if _, ok := s.docs[p]; ok {
			out = append(out, p)
		}
	}
	return out
}

// replace records that docs were written, each replacing what was stored under its path; the
// caller holds mu.
func (s *storedIndex) replace(docs []Document) {
	for _, d := range docs {
		for _, id := range s.docs[d.Path] {
			if s.owners[id] == d.Path {
				delete(s.owners, id)
			}
		}
		ids := make([]string, len(d.Reviews))
		for i, r := range d.Reviews {
			ids[i] = r.ID
			s.owners[r.ID] = d.Path
		}
		s.docs[d.Path] = ids
	}
}

// ReviewOwners returns, for each of the given review IDs that is stored, the path of the
// document it was read from. Ingest uses it to refuse a review ID claimed by two documents.
func (db *DB) ReviewOwners(ctx context.Context, ids []string) (map[string]string, error) {
	owners := map[string]string{}
	if len(ids) == 0 {
		return owners, nil
	}
	db.stored.mu.Lock()
	defer db.stored.mu.Unlock()
	if err := db.stored.load(ctx, db); err != nil {
		return nil, err
	}
	for _, id := range ids {
		if path, ok := db.stored.owners[id]; ok {
			owners[id] = path
		}
	}
	return owners, nil
}
