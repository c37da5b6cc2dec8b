package ingest

import (
	"bytes"
	"path/filepath"
	"slices"
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
	// SniffWithExtension, when set, replaces Sniff for files whose extension is one of
	// Extensions: the extension is evidence, so the content check may be looser.
	SniffWithExtension func(data []byte) bool
	// Parse turns the document into reviews, fragments of reviews and catalog entries. An error
	// means the document as a whole could not be read; it is reported with the document's path
	// (a leading "line N: " becomes the failure's line).
	Parse func(doc Document) (Result, error)
	// Catalog formats describe ownership and identities rather than incidents; their documents
	// are kept even when they hold no review.
	Catalog bool
	// Bundle, for a relational export spread over several files of one folder, picks the
	// member files from the sorted file names of a folder, or returns nil when the folder holds
	// no such export. The members are then read as one document, a txtar archive with one
	// "-- name --" section per member, whose path is the folder.
	Bundle func(names []string) []string
}

// Result is what one document holds.
type Result struct {
	// Reviews are the reviews the document defines.
	Reviews []metamortem.Review
	// Fragments add people, factors, actions, timeline events, components or tags to reviews
	// defined elsewhere, matched by ID: a Jira export of follow-up tickets adds actions to the
	// review each ticket links to. Only the ID and those lists of a fragment are used.
	Fragments []metamortem.Review
	// Catalog holds the ownership and identity entries of the document.
	Catalog metamortem.Catalog
	// Warnings are parts of the document that could not be read while the rest was (a CSV
	// row with a broken quote), each starting "line N: " where the line is known.
	Warnings []error
}

// NothingToImport wraps the error of a parser that read a document in its format and found
// nothing to import (a Jira export none of whose tickets links to a review). Ingest lists
// such documents as skipped, with the reason, rather than failed.
type NothingToImport struct{ Err error }

func (e NothingToImport) Error() string { return e.Err.Error() }
func (e NothingToImport) Unwrap() error { return e.Err }

// reviewsOnly adapts a parser that only ever yields reviews.
func reviewsOnly(parse func(Document) ([]metamortem.Review, error)) func(Document) (Result, error) {
	return func(doc Document) (Result, error) {
		reviews, err := parse(doc)
		return Result{Reviews: reviews}, err
	}
}

// formats is the table importers are chosen from, in order of preference when content is
// sniffed: the specific shapes first, the permissive ones (CSV trackers, Markdown) last.
var formats = slices.Concat(
	[]Format{canonicalFormat},
	jsonFormats,
	catalogFormats,
	[]Format{htmlFormat},
	csvFormats,
	[]Format{markdownFormat},
)

// Detect chooses the format of a document: a format whose extension matches and whose content
// does not contradict it, else the first format whose content sniff matches. It returns false
// when no format recognises the document.
func Detect(path string, data []byte) (Format, bool) {
	ext := strings.ToLower(filepath.Ext(path))
	for _, f := range formats {
		sniff := f.Sniff
		if f.SniffWithExtension != nil {
			sniff = f.SniffWithExtension
		}
		for _, e := range f.Extensions {
			if e == ext && sniff(data) {
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
