package store

import (
	"context"
	"database/sql"
	"fmt"
)

// rowsBatchSize is how many rows readRows gathers into one batch.
const rowsBatchSize = 2048

// readRows is the columnReader that scans rows through database/sql, one at a time.
func readRows(ctx context.Context, db *DB, query string, args []any, kinds []kind, each func(*batch) error) error {
	rows, err := db.sql.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("read: %w", err)
	}
	defer rows.Close()
	dest := make([]any, len(kinds))
	for c, k := range kinds {
		switch k {
		case kindString, kindKey:
			dest[c] = new(sql.NullString)
		case kindInt:
			dest[c] = new(sql.NullInt64)
		case kindTime:
			dest[c] = new(sql.NullTime)
		}
	}
	b := newBatch(kinds, rowsBatchSize)
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return fmt.Errorf("read: %w", err)
		}
		k := b.rows
		for c, d := range dest {
			switch d := d.(type) {
			case *sql.NullString:
				b.cols[c].str[k] = d.String
			case *sql.NullInt64:
				b.cols[c].num[k], b.cols[c].null[k] = d.Int64, !d.Valid
			case *sql.NullTime:
				if d.Valid {
					b.cols[c].setTime(k, d.Time.UTC())
				}
			}
		}
		if b.rows++; b.rows == rowsBatchSize {
			if err := each(b); err != nil {
				return err
			}
			b.reset(kinds, rowsBatchSize)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read: %w", err)
	}
	if b.rows > 0 {
		return each(b)
	}
	return nil
}
