package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"
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
	// Each loader fills one field of the reviews, so they can run at once, each on a
	// connection of its own.
	loaders := []func(context.Context, map[string]*metamortem.Review) error{
		db.loadComponents, db.loadTags, db.loadPeople, db.loadFactors,
		db.loadActions, db.loadTimeline, db.loadSections,
	}
	errs := make([]error, len(loaders))
	var wg sync.WaitGroup
	for i, load := range loaders {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = load(ctx, index)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return reviews, nil
}

// eachChild runs query, whose first column is review_id, scanning the other columns into
// dest and calling apply with the review each row belongs to.
func (db *DB) eachChild(ctx context.Context, index map[string]*metamortem.Review, query string, dest []any, apply func(r *metamortem.Review)) error {
	var id string
	args := append([]any{&id}, dest...)
	return db.scanRows(ctx, query, func(rows *sql.Rows) error {
		if err := rows.Scan(args...); err != nil {
			return err
		}
		if r := index[id]; r != nil {
			apply(r)
		}
		return nil
	})
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
	var c string
	return db.eachChild(ctx, index, childQuery("review_components", "component"), []any{&c},
		func(r *metamortem.Review) { r.Components = append(r.Components, c) })
}

func (db *DB) loadTags(ctx context.Context, index map[string]*metamortem.Review) error {
	var t string
	return db.eachChild(ctx, index, childQuery("review_tags", "tag"), []any{&t},
		func(r *metamortem.Review) { r.Tags = append(r.Tags, t) })
}

func (db *DB) loadPeople(ctx context.Context, index map[string]*metamortem.Review) error {
	var name string
	var role sql.NullString
	return db.eachChild(ctx, index, childQuery("people", "name, role"), []any{&name, &role},
		func(r *metamortem.Review) {
			r.People = append(r.People, metamortem.Person{Name: name, Role: metamortem.Role(role.String)})
		})
}

func (db *DB) loadFactors(ctx context.Context, index map[string]*metamortem.Review) error {
	var text string
	return db.eachChild(ctx, index, childQuery("factors", "text"), []any{&text},
		func(r *metamortem.Review) { r.Factors = append(r.Factors, metamortem.Factor{Text: text}) })
}

func (db *DB) loadActions(ctx context.Context, index map[string]*metamortem.Review) error {
	var text, status string
	var owner, ticket sql.NullString
	var due sql.NullTime
	return db.eachChild(ctx, index, childQuery("actions", "text, owner, status, due, ticket"),
		[]any{&text, &owner, &status, &due, &ticket},
		func(r *metamortem.Review) {
			r.Actions = append(r.Actions, metamortem.Action{Text: text, Owner: owner.String,
				Status: metamortem.ActionStatus(status), Due: timePtr(due), Ticket: ticket.String})
		})
}

func (db *DB) loadTimeline(ctx context.Context, index map[string]*metamortem.Review) error {
	var at sql.NullTime
	var text string
	var actor sql.NullString
	return db.eachChild(ctx, index, childQuery("timeline_events", "happened_at, text, actor"), []any{&at, &text, &actor},
		func(r *metamortem.Review) {
			r.Timeline = append(r.Timeline, metamortem.TimelineEvent{At: timePtr(at), Text: text, Actor: actor.String})
		})
}

// loadSections keeps the first text under each name: the review's own document's, before any
// fragment's.
func (db *DB) loadSections(ctx context.Context, index map[string]*metamortem.Review) error {
	var name, text string
	return db.eachChild(ctx, index, childQuery("sections", "name, text"), []any{&name, &text},
		func(r *metamortem.Review) {
			if r.Sections == nil {
				r.Sections = map[string]string{}
			}
			if _, ok := r.Sections[name]; !ok {
				r.Sections[name] = text
			}
		})
}

func timePtr(t sql.NullTime) *time.Time {
	if !t.Valid {
		return nil
	}
	u := t.Time.UTC()
	return &u
}
