package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/duckdb/duckdb-go/v2"
)

// DefaultPath is the database file used when neither --db nor METAMORTEM_DB names one.
const DefaultPath = "metamortem.duckdb"

// checkpointThreshold is how large DuckDB lets the write-ahead log grow before it folds it into
// the database file (its default is 16 MB). Every checkpoint rewrites the tables' last, partly
// filled row groups, the documents' raw bytes among them, so with the default an ingest of
// 100,000 reviews checkpoints dozens of times and rewrites ever larger row groups; with this,
// it checkpoints about once on the way and once when the database is closed.
const checkpointThreshold = "256MB"

var (
	// ErrLocked means another process has the database file open.
	ErrLocked = errors.New("database is locked by another process")
	// ErrNoDatabase means a read-only command was pointed at a file that does not exist.
	ErrNoDatabase = errors.New("no database")
	// ErrSchemaTooNew means the database was written by a newer metamortem.
	ErrSchemaTooNew = errors.New("schema too new")
)

// DB is an open metamortem database.
type DB struct {
	sql      *sql.DB
	path     string
	readOnly bool
	stored   storedIndex
}

// Open opens the database at path, creating it and applying migrations when it may write. A
// read-only database must exist and is never migrated; a database another process holds fails
// with an error wrapping ErrLocked.
func Open(ctx context.Context, path string, readOnly bool) (*DB, error) {
	dsn := path
	if readOnly {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("%s: %w", path, ErrNoDatabase)
		}
		dsn += "?access_mode=READ_ONLY"
	}
	connector, err := duckdb.NewConnector(dsn, nil)
	if err != nil {
		return nil, openError(path, err)
	}
	sqlDB := sql.OpenDB(connector)
	if err := sqlDB.PingContext(ctx); err != nil {
		sqlDB.Close()
		return nil, openError(path, err)
	}
	db := &DB{sql: sqlDB, path: path, readOnly: readOnly}
	if readOnly {
		if err := db.checkVersion(ctx); err != nil {
			sqlDB.Close()
			return nil, err
		}
		return db, nil
	}
	if _, err := sqlDB.ExecContext(ctx, `SET GLOBAL checkpoint_threshold = `+quoteString(checkpointThreshold)); err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("%s: set checkpoint threshold: %w", path, err)
	}
	if err := migrate(ctx, sqlDB); err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return db, nil
}

// Path returns the file the database was opened from.
func (db *DB) Path() string { return db.path }

// Close closes the database, checkpointing what was written.
func (db *DB) Close() error { return db.sql.Close() }

// openError turns the driver's lock conflict into ErrLocked. DuckDB reports it only as an IO
// error whose text says it could not set the lock, so the text is what there is to go on.
func openError(path string, err error) error {
	if strings.Contains(err.Error(), "Could not set lock") {
		return fmt.Errorf("%s: %w", path, ErrLocked)
	}
	return fmt.Errorf("open database %s: %w", path, err)
}

func (db *DB) checkVersion(ctx context.Context) error {
	var n int
	err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'`).Scan(&n)
	if err != nil {
		return fmt.Errorf("%s: %w", db.path, err)
	}
	if n == 0 {
		return fmt.Errorf("%s is not a metamortem database: %w", db.path, ErrNoDatabase)
	}
	v, err := schemaVersion(ctx, db.sql)
	if err != nil {
		return err
	}
	if v > SchemaVersion() {
		return fmt.Errorf("%s: schema version %d is newer than this metamortem (%d): %w", db.path, v, SchemaVersion(), ErrSchemaTooNew)
	}
	if v < SchemaVersion() {
		return fmt.Errorf("%s: schema version %d is older than this metamortem (%d); run metamortem ingest to upgrade it", db.path, v, SchemaVersion())
	}
	return nil
}
