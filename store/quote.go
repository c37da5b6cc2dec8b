package store

import "strings"

// quoteIdent quotes a SQL identifier for DuckDB: wrapped in double quotes, inner quotes doubled.
func quoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// quoteString quotes a SQL string literal for DuckDB, for the few statements (COPY … TO) that
// take no bound parameters: wrapped in single quotes, inner quotes doubled.
func quoteString(s string) string {
	return `'` + strings.ReplaceAll(s, `'`, `''`) + `'`
}
