// Package store is the middle of the pipeline: the one package that owns the DuckDB database
// where ingested reviews live and from which analyses and reports read.
//
// It promises that a write is all-or-nothing (one transaction per batch, so a killed process
// leaves the last committed batch), that an unchanged document is never written twice, that
// every review keeps its document's raw bytes, and that a database locked by another process is
// reported as ErrLocked rather than as a driver error. Keep one *DB per database file per
// process: two connectors on one file do not see each other's writes, and a writable *DB keeps
// an index of the stored documents and review IDs that only its own writes update.
package store
