package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/duckdb/duckdb-go/v2"

	"github.com/metamortem/metamortem"
)

// Document is one ingested document with what was read from it.
type Document struct {
	Path   string
	Format string
	SHA256 string
	Raw    []byte
	// Size and Modified are the file's size in bytes and modification time when it was read
	// (for a folder read as one document, the sum and the latest); zero Modified is unknown.
	Size     int64
	Modified time.Time
	Reviews  []metamortem.Review
	// Fragments add child rows (people, factors, actions, timeline, components, tags) to
	// reviews other documents define, by review ID.
	Fragments []metamortem.Review
	Catalog   metamortem.Catalog
}

// Stamp is what the store knows of a document's bytes: their SHA-256, and the file's size
// and modification time when it was read (zero when unknown).
type Stamp struct {
	SHA256   string
	Size     int64
	Modified time.Time
}

// DocumentStamps returns the stamp of every stored document by path, so ingest can skip the
// unchanged ones.
func (db *DB) DocumentStamps(ctx context.Context) (map[string]Stamp, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT path, sha256, size, modified_at FROM documents`)
	if err != nil {
		return nil, fmt.Errorf("read document stamps: %w", err)
	}
	defer rows.Close()
	stamps := map[string]Stamp{}
	for rows.Next() {
		var path string
		var st Stamp
		var modified sql.NullTime
		if err := rows.Scan(&path, &st.SHA256, &st.Size, &modified); err != nil {
			return nil, err
		}
		if modified.Valid {
			st.Modified = modified.Time.UTC()
		}
		stamps[path] = st
	}
	return stamps, rows.Err()
}

// Write stores a batch of documents in one transaction: each document replaces whatever was
// stored under its path before, reviews and all. Either the whole batch is committed or none
// of it is.
func (db *DB) Write(ctx context.Context, docs []Document, now time.Time) (err error) {
	if len(docs) == 0 {
		return nil
	}
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN TRANSACTION`); err != nil {
		return err
	}
	defer func() {
		if err != nil {
			conn.ExecContext(context.WithoutCancel(ctx), `ROLLBACK`)
		}
	}()
	db.stored.mu.Lock()
	defer db.stored.mu.Unlock()
	if err := db.stored.load(ctx, db); err != nil {
		return err
	}
	paths := make([]string, len(docs))
	for i, d := range docs {
		paths[i] = d.Path
	}
	if err := deleteDocuments(ctx, conn, db.stored.stored(paths)); err != nil {
		return err
	}
	err = conn.Raw(func(dc any) error {
		return appendDocuments(dc.(driver.Conn), docs, now.UTC())
	})
	if err != nil {
		return fmt.Errorf("write batch: %w", err)
	}
	if _, err := conn.ExecContext(ctx, `COMMIT`); err != nil {
		return fmt.Errorf("commit batch: %w", err)
	}
	db.stored.replace(docs)
	return nil
}

// reviewTables are the tables keyed by review_id.
var reviewTables = []string{"review_components", "review_tags", "people", "factors", "actions", "timeline_events", "sections"}

// catalogTables are the tables of ownership and identity entries.
var catalogTables = []string{"catalog_components", "catalog_teams", "catalog_people", "ownership"}

// documentTables are every table whose rows belong to a document, documents last.
var documentTables = slices.Concat([]string{"reviews"}, reviewTables, catalogTables, []string{"documents"})

// deleteDocuments deletes every row of the stored documents named by stored. Only the
// documents being replaced cost a search of the tables: a first ingest deletes nothing.
func deleteDocuments(ctx context.Context, conn *sql.Conn, stored []string) error {
	if len(stored) == 0 {
		return nil
	}
	list := stringList(stored)
	for _, t := range documentTables {
		col := "doc_path"
		if t == "documents" {
			col = "path"
		}
		q := `DELETE FROM ` + quoteIdent(t) + ` WHERE ` + col + ` IN (SELECT unnest(?::VARCHAR[]))`
		if _, err := conn.ExecContext(ctx, q, list); err != nil {
			return fmt.Errorf("delete old rows of %s: %w", t, err)
		}
	}
	return nil
}

// appenders holds one Appender per table of a batch.
type appenders map[string]*duckdb.Appender

func (as appenders) row(table string, values ...driver.Value) error {
	if err := as[table].AppendRow(values...); err != nil {
		return fmt.Errorf("append to %s: %w", table, err)
	}
	return nil
}

func appendDocuments(conn driver.Conn, docs []Document, now time.Time) (err error) {
	as := appenders{}
	for _, t := range documentTables {
		a, err := duckdb.NewAppenderFromConn(conn, "", t)
		if err != nil {
			return fmt.Errorf("appender for %s: %w", t, err)
		}
		as[t] = a
	}
	defer func() {
		for _, t := range documentTables {
			if as[t] == nil {
				continue
			}
			if cerr := as[t].Close(); cerr != nil && err == nil {
				err = fmt.Errorf("flush %s: %w", t, cerr)
			}
		}
	}()
	for _, d := range docs {
		var modified driver.Value
		if !d.Modified.IsZero() {
			modified = d.Modified.UTC()
		}
		size := d.Size
		if size == 0 {
			size = int64(len(d.Raw))
		}
		if err := as.row("documents", d.Path, d.Format, d.SHA256, size, d.Raw, now, modified); err != nil {
			return err
		}
		for i, r := range d.Reviews {
			if err := appendReview(as, d.Path, int32(i), r); err != nil {
				return fmt.Errorf("%s: review %s: %w", d.Path, r.ID, err)
			}
		}
		for _, r := range d.Fragments {
			if err := r.Validate(); err != nil {
				return fmt.Errorf("%s: fragment: %w", d.Path, err)
			}
			if err := appendChildren(as, d.Path, r); err != nil {
				return fmt.Errorf("%s: fragment of review %s: %w", d.Path, r.ID, err)
			}
		}
		if err := appendCatalog(as, d.Path, d.Catalog); err != nil {
			return fmt.Errorf("%s: %w", d.Path, err)
		}
	}
	return nil
}

func appendReview(as appenders, docPath string, ord int32, r metamortem.Review) error {
	if err := r.Validate(); err != nil {
		return err
	}
	kind := r.Kind
	if kind == "" {
		kind = metamortem.KindIncident
	}
	var rank driver.Value
	if r.SeverityRank != nil {
		rank = int32(*r.SeverityRank)
	}
	err := as.row("reviews", r.ID, docPath, ord, null(r.Title), string(kind), null(r.Severity), rank,
		ts(r.StartedAt), ts(r.DetectedAt), ts(r.MitigatedAt), ts(r.ResolvedAt), ts(r.ReviewedAt),
		null(r.Source.Path), null(r.Source.Format), null(r.Source.SHA256))
	if err != nil {
		return err
	}
	return appendChildren(as, docPath, r)
}

// appendChildren appends the rows of r's lists and sections, attributed to docPath.
func appendChildren(as appenders, docPath string, r metamortem.Review) error {
	for i, c := range r.Components {
		if err := as.row("review_components", docPath, r.ID, int32(i), c); err != nil {
			return err
		}
	}
	for i, t := range r.Tags {
		if err := as.row("review_tags", docPath, r.ID, int32(i), t); err != nil {
			return err
		}
	}
	for i, p := range r.People {
		if err := as.row("people", docPath, r.ID, int32(i), p.Name, null(string(p.Role))); err != nil {
			return err
		}
	}
	for i, f := range r.Factors {
		if err := as.row("factors", docPath, r.ID, int32(i), f.Text); err != nil {
			return err
		}
	}
	for i, a := range r.Actions {
		status := a.Status
		if status == "" {
			status = metamortem.ActionUnknown
		}
		if err := as.row("actions", docPath, r.ID, int32(i), a.Text, null(a.Owner), string(status), ts(a.Due), null(a.Ticket)); err != nil {
			return err
		}
	}
	for i, e := range r.Timeline {
		if err := as.row("timeline_events", docPath, r.ID, int32(i), ts(e.At), e.Text, null(e.Actor)); err != nil {
			return err
		}
	}
	names := make([]string, 0, len(r.Sections))
	for name := range r.Sections {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := as.row("sections", docPath, r.ID, name, r.Sections[name]); err != nil {
			return err
		}
	}
	return nil
}

// appendCatalog appends the ownership and identity entries of one document.
func appendCatalog(as appenders, docPath string, c metamortem.Catalog) error {
	for _, x := range c.Components {
		if err := as.row("catalog_components", docPath, x.Name, null(x.Title), null(x.Owner), null(x.System), list(x.Aliases)); err != nil {
			return err
		}
	}
	for _, x := range c.Teams {
		if err := as.row("catalog_teams", docPath, x.Name, null(x.Title), null(x.Parent), list(x.Members), list(x.Aliases)); err != nil {
			return err
		}
	}
	for _, x := range c.People {
		if err := as.row("catalog_people", docPath, x.Name, null(x.Title), null(x.Email), list(x.Teams), list(x.Aliases)); err != nil {
			return err
		}
	}
	for _, x := range c.Ownership {
		if err := as.row("ownership", docPath, null(x.Component), null(x.Pattern), list(x.Owners), x.Source); err != nil {
			return err
		}
	}
	return nil
}

// list is a string list as the Appender takes it for a VARCHAR[] column.
func list(s []string) driver.Value {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// null maps the empty string to SQL NULL.
func null(s string) driver.Value {
	if s == "" {
		return nil
	}
	return s
}

// ts maps a nil time to SQL NULL and others to UTC.
func ts(t *time.Time) driver.Value {
	if t == nil {
		return nil
	}
	return t.UTC()
}

// stringList binds a Go string slice as a DuckDB VARCHAR[] parameter; the query casts the
// placeholder (?::VARCHAR[]) so the driver knows the list type even for an empty slice.
func stringList(s []string) any {
	if s == nil {
		return []string{}
	}
	return s
}

// Restamp records new sizes and modification times for documents whose bytes did not change
// (a file touched, or stored before modification times were kept), in one statement, so that
// the next ingest need not read them again.
func (db *DB) Restamp(ctx context.Context, docs []Document) error {
	if len(docs) == 0 {
		return nil
	}
	paths := make([]string, len(docs))
	sizes := make([]int64, len(docs))
	times := make([]time.Time, len(docs))
	for i, d := range docs {
		paths[i], sizes[i], times[i] = d.Path, d.Size, d.Modified.UTC()
	}
	_, err := db.sql.ExecContext(ctx, `
		UPDATE documents SET size = s.size, modified_at = s.modified_at
		FROM (SELECT unnest(?::VARCHAR[]) AS path, unnest(?::BIGINT[]) AS size, unnest(?::TIMESTAMP[]) AS modified_at) s
		WHERE documents.path = s.path`, paths, sizes, times)
	if err != nil {
		return fmt.Errorf("restamp documents: %w", err)
	}
	return nil
}
