//go:build duckdb_arrow

package store

func init() { testReaders["arrow"] = readArrow }
