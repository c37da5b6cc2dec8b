package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/metamortem/metamortem"
)

// Reviews returns every stored review, whole, ordered by ID.
func (db *DB) Reviews(ctx context.Context) ([]metamortem.Review, error) {
	rows, err := db.sql.QueryContext(ctx, `
		SELECT id, title, kind, severity, severity_rank,
		       started_at, detected_at, mitigated_at, resolved_at, reviewed_at,
		       source_path, source_format, source_sha256
		FROM reviews ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("read reviews: %w", err)
	}
	defer rows.Close()
	var reviews []metamortem.Review
	for rows.Next() {
		var (
			r                                  metamortem.Review
			title, severity, sp, sf, ss        sql.NullString
			rank                               sql.NullInt64
			started, detected, mitig, resolved sql.NullTime
			reviewed                           sql.NullTime
		)
		if err := rows.Scan(&r.ID, &title, &r.Kind, &severity, &rank,
			&started, &detected, &mitig, &resolved, &reviewed, &sp, &sf, &ss); err != nil {
			return nil, fmt.Errorf("read reviews: %w", err)
		}
		r.Title, r.Severity = title.String, severity.String
		if rank.Valid {
			n := int(rank.Int64)
			r.SeverityRank = &n
		}
		r.StartedAt, r.DetectedAt, r.MitigatedAt = timePtr(started), timePtr(detected), timePtr(mitig)
		r.ResolvedAt, r.ReviewedAt = timePtr(resolved), timePtr(reviewed)
		r.Source = metamortem.Source{Path: sp.String, Format: sf.String, SHA256: ss.String}
		reviews = append(reviews, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	index := make(map[string]*metamortem.Review, len(reviews))
	for i := range reviews {
		index[reviews[i].ID] = &reviews[i]
	}
	for _, load := range []func(context.Context, map[string]*metamortem.Review) error{
		db.loadComponents, db.loadTags, db.loadPeople, db.loadFactors,
		db.loadActions, db.loadTimeline, db.loadSections,
	} {
		if err := load(ctx, index); err != nil {
			return nil, err
		}
	}
	return reviews, nil
}

// eachRow runs query and calls scan for every row with the review the row belongs to; the
// query's first column must be review_id.
func (db *DB) eachRow(ctx context.Context, index map[string]*metamortem.Review, query string,
	scan func(r *metamortem.Review, rows *sql.Rows, id *string) error) error {
	return db.scanRows(ctx, query, func(rows *sql.Rows) error {
		var id string
		var r metamortem.Review
		if err := scan(&r, rows, &id); err != nil {
			return err
		}
		if target := index[id]; target != nil {
			merge(target, r)
		}
		return nil
	})
}

// merge appends what one child row read into part to the review it belongs to.
func merge(dst *metamortem.Review, part metamortem.Review) {
	dst.Components = append(dst.Components, part.Components...)
	dst.Tags = append(dst.Tags, part.Tags...)
	dst.People = append(dst.People, part.People...)
	dst.Factors = append(dst.Factors, part.Factors...)
	dst.Actions = append(dst.Actions, part.Actions...)
	dst.Timeline = append(dst.Timeline, part.Timeline...)
	for k, v := range part.Sections {
		if dst.Sections == nil {
			dst.Sections = map[string]string{}
		}
		if _, ok := dst.Sections[k]; !ok {
			dst.Sections[k] = v
		}
	}
}

// childQuery selects review_id and cols from a child table, rows of the review's own document
// first (in document order), then those of fragments, by document path and order.
func childQuery(table, cols string) string {
	order := "c.ord"
	if table == "sections" {
		order = "c.name"
	}
	return `SELECT c.review_id, ` + prefixCols(cols) + ` FROM ` + quoteIdent(table) + ` c
		LEFT JOIN reviews r ON r.id = c.review_id
		ORDER BY c.review_id, c.doc_path IS DISTINCT FROM r.doc_path, c.doc_path, ` + order
}

// prefixCols qualifies a comma-separated column list with the alias c.
func prefixCols(cols string) string {
	parts := strings.Split(cols, ",")
	for i, p := range parts {
		parts[i] = "c." + strings.TrimSpace(p)
	}
	return strings.Join(parts, ", ")
}

func (db *DB) loadComponents(ctx context.Context, index map[string]*metamortem.Review) error {
	return db.eachRow(ctx, index, childQuery("review_components", "component"),
		func(r *metamortem.Review, rows *sql.Rows, id *string) error {
			var c string
			err := rows.Scan(id, &c)
			r.Components = []string{c}
			return err
		})
}

func (db *DB) loadTags(ctx context.Context, index map[string]*metamortem.Review) error {
	return db.eachRow(ctx, index, childQuery("review_tags", "tag"),
		func(r *metamortem.Review, rows *sql.Rows, id *string) error {
			var t string
			err := rows.Scan(id, &t)
			r.Tags = []string{t}
			return err
		})
}

func (db *DB) loadPeople(ctx context.Context, index map[string]*metamortem.Review) error {
	return db.eachRow(ctx, index, childQuery("people", "name, role"),
		func(r *metamortem.Review, rows *sql.Rows, id *string) error {
			var name string
			var role sql.NullString
			err := rows.Scan(id, &name, &role)
			r.People = []metamortem.Person{{Name: name, Role: metamortem.Role(role.String)}}
			return err
		})
}

func (db *DB) loadFactors(ctx context.Context, index map[string]*metamortem.Review) error {
	return db.eachRow(ctx, index, childQuery("factors", "text"),
		func(r *metamortem.Review, rows *sql.Rows, id *string) error {
			var text string
			err := rows.Scan(id, &text)
			r.Factors = []metamortem.Factor{{Text: text}}
			return err
		})
}

func (db *DB) loadActions(ctx context.Context, index map[string]*metamortem.Review) error {
	return db.eachRow(ctx, index, childQuery("actions", "text, owner, status, due, ticket"),
		func(r *metamortem.Review, rows *sql.Rows, id *string) error {
			var a metamortem.Action
			var owner, ticket sql.NullString
			var due sql.NullTime
			err := rows.Scan(id, &a.Text, &owner, &a.Status, &due, &ticket)
			a.Owner, a.Ticket, a.Due = owner.String, ticket.String, timePtr(due)
			r.Actions = []metamortem.Action{a}
			return err
		})
}

func (db *DB) loadTimeline(ctx context.Context, index map[string]*metamortem.Review) error {
	return db.eachRow(ctx, index, childQuery("timeline_events", "happened_at, text, actor"),
		func(r *metamortem.Review, rows *sql.Rows, id *string) error {
			var e metamortem.TimelineEvent
			var at sql.NullTime
			var actor sql.NullString
			err := rows.Scan(id, &at, &e.Text, &actor)
			e.At, e.Actor = timePtr(at), actor.String
			r.Timeline = []metamortem.TimelineEvent{e}
			return err
		})
}

func (db *DB) loadSections(ctx context.Context, index map[string]*metamortem.Review) error {
	return db.eachRow(ctx, index, childQuery("sections", "name, text"),
		func(r *metamortem.Review, rows *sql.Rows, id *string) error {
			var name, text string
			err := rows.Scan(id, &name, &text)
			r.Sections = map[string]string{name: text}
			return err
		})
}

func timePtr(t sql.NullTime) *time.Time {
	if !t.Valid {
		return nil
	}
	u := t.Time.UTC()
	return &u
}
