package ingest

import (
	"bytes"
	"path/filepath"
	"strings"

	"github.com/metamortem/metamortem"
)

// Format is one kind of document the importer reads.
type Format struct {
	// Name is recorded as the review's source format, e.g. "markdown".
	Name string
	// Extensions are the lower-case file extensions, with the dot, that suggest this format.
	Extensions []string
	// Sniff reports whether the content looks like this format, for files whose extension says
	// nothing (or says something else).
	Sniff func(data []byte) bool
	// Parse turns the document into reviews. An error means the document as a whole could not
	// be read; it is reported with the document's path.
	Parse func(doc Document) ([]metamortem.Review, error)
}

// formats is the table importers are chosen from, in order of preference when content is sniffed.
// JSON comes before Markdown because a Markdown sniff is permissive.
var formats = []Format{
	canonicalFormat,
	markdownFormat,
}

// Detect chooses the format of a document: a format whose extension matches and whose content
// does not contradict it, else the first format whose content sniff matches. It returns false
// when no format recognises the document.
func Detect(path string, data []byte) (Format, bool) {
	ext := strings.ToLower(filepath.Ext(path))
	for _, f := range formats {
		for _, e := range f.Extensions {
			if e == ext && f.Sniff(data) {
				return f, true
			}
		}
	}
	for _, f := range formats {
		if f.Sniff(data) {
			return f, true
		}
	}
	return Format{}, false
}

// looksBinary reports whether data has a NUL byte in its first 8 KiB.
func looksBinary(data []byte) bool {
	return bytes.IndexByte(data[:min(len(data), 8192)], 0) >= 0
}
