package store

import (
	"context"
	"errors"
	"fmt"
)

// ErrReadOnly means a query was run against a database opened for writing; analysts' SQL only
// ever runs against a read-only handle.
var ErrReadOnly = errors.New("queries need a database opened read-only")

// Result is the outcome of a query: column names and rows of driver values (string, int64,
// float64, bool, time.Time, []byte, nil, or lists and maps of those).
type Result struct {
	Columns []string
	Rows    [][]any
}

// Query runs an analyst's SQL. The database must have been opened read-only, so the SQL cannot
// change it whatever it says.
func (db *DB) Query(ctx context.Context, query string) (*Result, error) {
	if !db.readOnly {
		return nil, ErrReadOnly
	}
	res, err := db.collect(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	return res, nil
}

// collect runs query and reads every row into a Result.
func (db *DB) collect(ctx context.Context, query string) (*Result, error) {
	rows, err := db.sql.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	res := &Result{Columns: cols}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		res.Rows = append(res.Rows, vals)
	}
	return res, rows.Err()
}

// reviewRowsQuery is the flat, one-row-per-review shape of the store that CSV and Parquet
// exports share. Lists keep their document order.
const reviewRowsQuery = `
SELECT r.id, r.title, r.kind, r.severity, r.severity_rank,
       r.started_at, r.detected_at, r.mitigated_at, r.resolved_at, r.reviewed_at,
       coalesce((SELECT list(component ORDER BY ord) FROM review_components c WHERE c.review_id = r.id), []) AS components,
       coalesce((SELECT list(tag ORDER BY ord) FROM review_tags t WHERE t.review_id = r.id), []) AS tags,
       coalesce((SELECT list(name ORDER BY ord) FROM people p WHERE p.review_id = r.id), []) AS people,
       (SELECT count(*) FROM factors f WHERE f.review_id = r.id) AS factors,
       (SELECT count(*) FROM actions a WHERE a.review_id = r.id) AS actions,
       (SELECT count(*) FROM actions a WHERE a.review_id = r.id AND a.status = 'done') AS actions_done,
       r.source_path, r.source_format, r.source_sha256
FROM reviews r
ORDER BY r.id`

// ReviewRows returns the flat one-row-per-review table that the CSV export writes.
func (db *DB) ReviewRows(ctx context.Context) (*Result, error) {
	res, err := db.collect(ctx, reviewRowsQuery)
	if err != nil {
		return nil, fmt.Errorf("read review rows: %w", err)
	}
	return res, nil
}

// ExportParquet writes the flat review table to a Parquet file at path, with lists as Parquet
// lists.
func (db *DB) ExportParquet(ctx context.Context, path string) error {
	q := `COPY (` + reviewRowsQuery + `) TO ` + quoteString(path) + ` (FORMAT parquet)`
	if _, err := db.sql.ExecContext(ctx, q); err != nil {
		return fmt.Errorf("export parquet to %s: %w", path, err)
	}
	return nil
}
