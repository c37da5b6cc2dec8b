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

// newBatch makes a batch for up to n rows of columns of the given kinds. Times point into one
// array per column, so a batch costs a few allocations whatever its size.
func newBatch(kinds []kind, n int) *batch {
	b := &batch{cols: make([]column, len(kinds))}
	for c, k := range kinds {
		switch k {
		case kindString, kindKey:
			b.cols[c].str = make([]string, n)
		case kindInt:
			b.cols[c].num, b.cols[c].null = make([]int64, n), make([]bool, n)
		case kindTime:
			b.cols[c].time, b.cols[c].times = make([]*time.Time, n), make([]time.Time, n)
		}
	}
	return b
}

// columnReader runs a query with args bound to its placeholders, whose columns have the given
// kinds, and calls each with its rows, a batch at a time, in the order the query returns them.
type columnReader func(ctx context.Context, db *DB, query string, args []any, kinds []kind, each func(*batch) error) error
