package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// Document is one file as read from disk.
type Document struct {
	// Path is the file's path as the user named it (the ingest root joined with the path below
	// it), used in messages and recorded as the review's source.
	Path string
	// Rel is the path below the ingest root with forward slashes. Reviews without an ID of their
	// own derive one from it, so it must not change between ingests of the same tree.
	Rel string
	// Data is the file's bytes.
	Data []byte
	// SHA256 is the hex SHA-256 of Data.
	SHA256 string
	// ColumnMap overrides how a CSV's columns map to review fields: column name (lower-case) to
	// field name, from `ingest --map column=field`.
	ColumnMap map[string]string
}

// NewDocument returns the document for data read from path, rel being its path below the root.
func NewDocument(path, rel string, data []byte) Document {
	sum := sha256.Sum256(data)
	return Document{Path: path, Rel: filepath.ToSlash(rel), Data: data, SHA256: hex.EncodeToString(sum[:])}
}

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

// PathID derives a review ID from the document's path below the ingest root: the path without
// its extension, lower-cased, with every run of other characters folded to one dash. The n-th
// review (from 1) of a document holding several gets the suffix "-n" from the second on.
func (d Document) PathID(n int) string {
	p := strings.TrimSuffix(d.Rel, path.Ext(d.Rel))
	id := strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(p), "-"), "-")
	if id == "" {
		id = "review"
	}
	if n > 1 {
		id += "-" + strconv.Itoa(n)
	}
	return id
}

// maxDocumentSize is the largest document ingest reads, in bytes. Larger files are refused with
// an error naming the limit.
const maxDocumentSize = 64 << 20
