//go:build duckdb_arrow

package store

import (
	"context"
	"database/sql/driver"
	"fmt"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/duckdb/duckdb-go/v2"
)

// defaultReader moves columns out of DuckDB through its Arrow interface.
var defaultReader columnReader = readArrow

// readArrow is the columnReader that takes DuckDB's results as Arrow record batches, a data
// chunk (2,048 rows) at a time, and converts them column by column: the strings of a column
// share one Go string per batch, copied once out of the Arrow buffer, and keys are not copied
// at all (the buffer is freed when the next batch is read).
func readArrow(ctx context.Context, db *DB, query string, args []any, kinds []kind, each func(*batch) error) error {
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return fmt.Errorf("read: %w", err)
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		ar, err := duckdb.NewArrowFromConn(dc.(driver.Conn))
		if err != nil {
			return fmt.Errorf("read: %w", err)
		}
		rr, err := ar.QueryContext(ctx, query, args...)
		if err != nil {
			return fmt.Errorf("read: %w", err)
		}
		defer rr.Release()
		if n := len(rr.Schema().Fields()); n != len(kinds) {
			return fmt.Errorf("read: query has %d columns, expected %d", n, len(kinds))
		}
		b := &batch{}
		for rr.Next() {
			if err := arrowBatch(b, rr.RecordBatch(), kinds); err != nil {
				return fmt.Errorf("read: %w", err)
			}
			if err := each(b); err != nil {
				return err
			}
		}
		if err := rr.Err(); err != nil {
			return fmt.Errorf("read: %w", err)
		}
		return nil
	})
}

// arrowBatch copies a record batch into b, reset for it, as columns of the given kinds.
func arrowBatch(b *batch, rec arrow.RecordBatch, kinds []kind) error {
	n := int(rec.NumRows())
	b.reset(kinds, n)
	b.rows = n
	for c, k := range kinds {
		col, dst := rec.Column(c), &b.cols[c]
		switch a := col.(type) {
		case *array.String:
			if k == kindKey {
				for i := range n {
					dst.str[i] = a.Value(i) // points into the record's buffer
				}
				continue
			}
			if k != kindString {
				break
			}
			all := string(a.ValueBytes())
			offsets := a.ValueOffsets()
			for i := range n {
				if a.IsValid(i) {
					dst.str[i] = all[offsets[i]-offsets[0] : offsets[i+1]-offsets[0]]
				}
			}
			continue
		case *array.Int32:
			if k != kindInt {
				break
			}
			for i := range n {
				dst.num[i], dst.null[i] = int64(a.Value(i)), a.IsNull(i)
			}
			continue
		case *array.Int64:
			if k != kindInt {
				break
			}
			for i := range n {
				dst.num[i], dst.null[i] = a.Value(i), a.IsNull(i)
			}
			continue
		case *array.Timestamp:
			if k != kindTime {
				break
			}
			unit := a.DataType().(*arrow.TimestampType).Unit
			for i := range n {
				if a.IsValid(i) {
					dst.setTime(i, a.Value(i).ToTime(unit))
				}
			}
			continue
		}
		return fmt.Errorf("column %s: arrow type %s does not read as kind %d", rec.ColumnName(c), col.DataType(), k)
	}
	return nil
}
