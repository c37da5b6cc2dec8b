package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/metamortem/metamortem"
)

// Catalog returns every stored ownership and identity entry, ordered by name and then by the
// document it came from.
func (db *DB) Catalog(ctx context.Context) (metamortem.Catalog, error) {
	var c metamortem.Catalog
	err := db.scanRows(ctx, `SELECT name, title, owner, system, aliases FROM catalog_components ORDER BY name, doc_path`,
		func(rows *sql.Rows) error {
			var x metamortem.CatalogComponent
			var title, owner, system sql.NullString
			var aliases listValue
			err := rows.Scan(&x.Name, &title, &owner, &system, &aliases)
			x.Title, x.Owner, x.System, x.Aliases = title.String, owner.String, system.String, aliases.strings()
			c.Components = append(c.Components, x)
			return err
		})
	if err != nil {
		return c, err
	}
	err = db.scanRows(ctx, `SELECT name, title, parent, members, aliases FROM catalog_teams ORDER BY name, doc_path`,
		func(rows *sql.Rows) error {
			var x metamortem.Team
			var title, parent sql.NullString
			var members, aliases listValue
			err := rows.Scan(&x.Name, &title, &parent, &members, &aliases)
			x.Title, x.Parent, x.Members, x.Aliases = title.String, parent.String, members.strings(), aliases.strings()
			c.Teams = append(c.Teams, x)
			return err
		})
	if err != nil {
		return c, err
	}
	err = db.scanRows(ctx, `SELECT name, title, email, teams, aliases FROM catalog_people ORDER BY name, doc_path`,
		func(rows *sql.Rows) error {
			var x metamortem.CatalogPerson
			var title, email sql.NullString
			var teams, aliases listValue
			err := rows.Scan(&x.Name, &title, &email, &teams, &aliases)
			x.Title, x.Email, x.Teams, x.Aliases = title.String, email.String, teams.strings(), aliases.strings()
			c.People = append(c.People, x)
			return err
		})
	if err != nil {
		return c, err
	}
	err = db.scanRows(ctx, `SELECT component, pattern, owners, source FROM ownership ORDER BY doc_path, rowid`,
		func(rows *sql.Rows) error {
			var x metamortem.Ownership
			var component, pattern sql.NullString
			var owners listValue
			err := rows.Scan(&component, &pattern, &owners, &x.Source)
			x.Component, x.Pattern, x.Owners = component.String, pattern.String, owners.strings()
			c.Ownership = append(c.Ownership, x)
			return err
		})
	return c, err
}

// scanRows runs query and calls scan for each row.
func (db *DB) scanRows(ctx context.Context, query string, scan func(*sql.Rows) error) error {
	rows, err := db.sql.QueryContext(ctx, query)
	if err != nil {
		return fmt.Errorf("read: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return fmt.Errorf("read: %w", err)
		}
	}
	return rows.Err()
}

// listValue scans a VARCHAR[] column.
type listValue []any

// Scan implements sql.Scanner.
func (l *listValue) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*l = nil
	case []any:
		*l = v
	default:
		return fmt.Errorf("list column: unexpected %T", src)
	}
	return nil
}

func (l listValue) strings() []string {
	if len(l) == 0 {
		return nil
	}
	out := make([]string, 0, len(l))
	for _, v := range l {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
