package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/metamortem/metamortem"
)

// childRow is what orders one row of a child table among the rows of its review.
type childRow struct {
	review int32
	ord    int32
	own    bool   // the row comes from the review's own document
	doc    string // the document it comes from, when not the review's own
}

// compareChildRows orders the rows of one review: its own document's first, in document order,
// then those of fragments, by document path and order.
func compareChildRows(x, y *childRow) int {
	if x.own != y.own {
		if x.own {
			return -1
		}
		return 1
	}
	if c := strings.Compare(x.doc, y.doc); c != 0 {
		return c
	}
	return cmp.Compare(x.ord, y.ord)
}

// rowRef locates a row of a child table: its batch, and its row within the batch.
type rowRef struct{ batch, row int32 }

// childColumns are the columns every child query starts with: review_id, doc_path and the row's
// order within its document.
var childColumns = []kind{kindKey, kindKey, kindInt}

// loadChildren reads a child table and gives each review its values in order (see
// compareChildRows). Rows that tie keep the order the table returned them in, and rows of
// reviews that are not stored are passed over. query selects childColumns and then the value
// columns, of the given kinds; value reads one row of those, and set stores a review's values
// (never called for a review without any). All values share one slice. The query runs at once;
// rows are matched to reviews once l.ready is closed, and read into values as they come.
func loadChildren[T any](ctx context.Context, l *loaded, table, query string, args []any, kinds []kind,
	value func(cols []column, k int) T, set func(r *metamortem.Review, values []T)) error {
	var read [][]T        // per batch, the values of its rows
	var rows [][]childRow // per batch; review -1 for a row of no stored review
	var starts []int32    // first counts, then where each review's rows start
	last := int32(-1)
	err := l.read(ctx, l.db, query, args, slices.Concat(childColumns, kinds), func(b *batch) error {
		if starts == nil {
			select {
			case <-l.ready:
			case <-ctx.Done():
				return ctx.Err()
			}
			starts = make([]int32, len(l.reviews)+1)
		}
		rs, vs := make([]childRow, b.rows), make([]T, b.rows)
		for k := range b.rows {
			// A review's rows mostly come one after another: look its ID up once.
			if id := b.cols[0].str[k]; last < 0 || id != l.reviews[last].ID {
				last = l.find(id, last)
			}
			rs[k].review = last
			if last < 0 {
				continue
			}
			rs[k].ord = int32(b.cols[2].num[k])
			if doc := b.cols[1].str[k]; doc == l.docPaths[last] {
				rs[k].own = true
			} else {
				rs[k].doc = strings.Clone(doc) // doc is a key, not to be kept (see kindKey)
			}
			vs[k] = value(b.cols[len(childColumns):], k)
			starts[last+1]++
		}
		read, rows = append(read, vs), append(rows, rs)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read %s: %w", table, err)
	}
	if starts == nil {
		return nil // no rows
	}
	for i := 1; i < len(starts); i++ {
		starts[i] += starts[i-1]
	}
	// Place the rows by review (a counting sort, so ties keep their order), then sort the rows
	// of a review only when they are out of order.
	refs := make([]rowRef, starts[len(l.reviews)])
	next := slices.Clone(starts[:len(l.reviews)])
	for b, rs := range rows {
		for k := range rs {
			if i := rs[k].review; i >= 0 {
				refs[next[i]] = rowRef{int32(b), int32(k)}
				next[i]++
			}
		}
	}
	byKeys := func(x, y rowRef) int { return compareChildRows(&rows[x.batch][x.row], &rows[y.batch][y.row]) }
	values := make([]T, len(refs))
	for i := range l.reviews {
		from, to := starts[i], starts[i+1]
		if from == to {
			continue
		}
		group := refs[from:to]
		if !slices.IsSortedFunc(group, byKeys) {
			slices.SortStableFunc(group, byKeys)
		}
		for j, ref := range group {
			values[int(from)+j] = read[ref.batch][ref.row]
		}
		set(&l.reviews[i], values[from:to:to])
	}
	return nil
}

// childQuery selects childColumns and then cols from a child table; ord names the column that
// orders a document's rows.
func childQuery(table, ord, cols string) string {
	return `SELECT review_id, doc_path, ` + ord + `, ` + cols + ` FROM ` + quoteIdent(table)
}

func (l *loaded) loadComponents(ctx context.Context) error {
	return loadChildren(ctx, l, "review_components", childQuery("review_components", "ord", "component"), nil, []kind{kindString},
		func(cols []column, k int) string { return cols[0].str[k] },
		func(r *metamortem.Review, v []string) { r.Components = v })
}

func (l *loaded) loadTags(ctx context.Context) error {
	return loadChildren(ctx, l, "review_tags", childQuery("review_tags", "ord", "tag"), nil, []kind{kindString},
		func(cols []column, k int) string { return cols[0].str[k] },
		func(r *metamortem.Review, v []string) { r.Tags = v })
}

func (l *loaded) loadPeople(ctx context.Context) error {
	return loadChildren(ctx, l, "people", childQuery("people", "ord", "name, role"), nil, []kind{kindString, kindString},
		func(cols []column, k int) metamortem.Person {
			return metamortem.Person{Name: cols[0].str[k], Role: metamortem.Role(cols[1].str[k])}
		},
		func(r *metamortem.Review, v []metamortem.Person) { r.People = v })
}

func (l *loaded) loadFactors(ctx context.Context) error {
	return loadChildren(ctx, l, "factors", childQuery("factors", "ord", "text"), nil, []kind{kindString},
		func(cols []column, k int) metamortem.Factor { return metamortem.Factor{Text: cols[0].str[k]} },
		func(r *metamortem.Review, v []metamortem.Factor) { r.Factors = v })
}

func (l *loaded) loadActions(ctx context.Context) error {
	return loadChildren(ctx, l, "actions", childQuery("actions", "ord", "text, owner, status, due, ticket"), nil,
		[]kind{kindString, kindString, kindString, kindTime, kindString},
		func(cols []column, k int) metamortem.Action {
			return metamortem.Action{Text: cols[0].str[k], Owner: cols[1].str[k],
				Status: metamortem.ActionStatus(cols[2].str[k]), Due: cols[3].time[k], Ticket: cols[4].str[k]}
		},
		func(r *metamortem.Review, v []metamortem.Action) { r.Actions = v })
}

func (l *loaded) loadTimeline(ctx context.Context) error {
	return loadChildren(ctx, l, "timeline_events", childQuery("timeline_events", "ord", "happened_at, text, actor"), nil,
		[]kind{kindTime, kindString, kindString},
		func(cols []column, k int) metamortem.TimelineEvent {
			return metamortem.TimelineEvent{At: cols[0].time[k], Text: cols[1].str[k], Actor: cols[2].str[k]}
		},
		func(r *metamortem.Review, v []metamortem.TimelineEvent) { r.Timeline = v })
}

// section is one row of the sections table.
type section struct{ name, text string }

// loadSections keeps the first text under each name: the review's own document's, before any
// fragment's. Sections have no order within a document, so every row's is 0.
func (l *loaded) loadSections(ctx context.Context) error {
	var where []string
	var args []any
	if l.sections != nil {
		where, args = append(where, `name IN (SELECT unnest(?::VARCHAR[]))`), append(args, stringList(l.sections))
	}
	if l.ids != nil {
		where, args = append(where, `review_id IN (SELECT unnest(?::VARCHAR[]))`), append(args, stringList(l.ids))
	}
	query := childQuery("sections", "0::INTEGER", "name, text")
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, ` AND `)
	}
	return loadChildren(ctx, l, "sections", query, args, []kind{kindString, kindString},
		func(cols []column, k int) section { return section{cols[0].str[k], cols[1].str[k]} },
		func(r *metamortem.Review, v []section) {
			r.Sections = make(map[string]string, len(v))
			for _, s := range v {
				if _, ok := r.Sections[s.name]; !ok {
					r.Sections[s.name] = s.text
				}
			}
		})
}
