//go:build !duckdb_arrow

package store

// defaultReader scans rows through database/sql: built without the duckdb_arrow tag, the
// driver has no Arrow interface.
var defaultReader columnReader = readRows
