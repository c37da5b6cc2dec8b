package store

import (
	"context"
	"time"
)

// kind is the Go shape a query column is read into.
type kind uint8

const (
	// kindString reads VARCHAR; NULL reads as "".
	kindString kind = iota
	// kindInt reads INTEGER or BIGINT, with NULLs marked.
	kindInt
	// kindTime reads TIMESTAMP as UTC; NULL reads as nil.
	kindTime
	// kindKey reads VARCHAR like kindString, but the strings may share memory the reader
	// frees after each batch: they must not be kept beyond the callback that receives them.
	kindKey
)

// batch is a run of consecutive rows of a query result, held column by column.
type batch struct {
	rows int
	cols []column
}

// column is one column of a batch; only the field of its kind is set.
type column struct {
	str  []string
	num  []int64
	null []bool // kindInt: true where the value is NULL
	time []*time.Time
	// times holds the values time points to.
	times []time.Time
}

// setTime sets row k of a kindTime column to t.
func (c *column) setTime(k int, t time.Time) {
	c.times[k] = t
	c.time[k] = &c.times[k]
}

// newBatch makes a batch for up to n rows of columns of the given kinds.
func newBatch(kinds []kind, n int) *batch {
	b := &batch{}
	b.reset(kinds, n)
	return b
}

// reset empties b for up to n rows of columns of the given kinds, reusing its slices when they
// are large enough, so that a reader fills one batch after another in the same memory. Only
// the times are new each time: they are what the values read may point to (see columnReader),
// one array per column, so a batch costs a few allocations whatever its size.
func (b *batch) reset(kinds []kind, n int) {
	b.rows = 0
	if len(b.cols) != len(kinds) {
		b.cols = make([]column, len(kinds))
	}
	for c, k := range kinds {
		col := &b.cols[c]
		switch k {
		case kindString, kindKey:
			col.str = emptied(col.str, n)
		case kindInt:
			col.num, col.null = emptied(col.num, n), emptied(col.null, n)
		case kindTime:
			col.time, col.times = emptied(col.time, n), make([]time.Time, n)
		}
	}
}

// emptied returns s with n zero elements, in s's memory when it is large enough.
func emptied[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// columnReader runs a query with args bound to its placeholders, whose columns have the given
// kinds, and calls each with its rows, a batch at a time, in the order the query returns them.
// The batch is reused for the next rows once each returns: each may keep the strings (but for
// kindKey) and the time pointers it is given, but not the batch or its slices.
type columnReader func(ctx context.Context, db *DB, query string, args []any, kinds []kind, each func(*batch) error) error
