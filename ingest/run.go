package ingest

import (
	"context"
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/store"
)

// Options tune an ingest run.
type Options struct {
	// DryRun parses everything and reports what would change, writing nothing.
	DryRun bool
	// Workers is how many documents are parsed at once; 0 means one per CPU.
	Workers int
	// BatchSize is how many documents go into one transaction; 0 means 256.
	BatchSize int
	// Progress, when set, is called after each batch with documents handled so far and in all.
	Progress func(done, total int)
	// Now stamps the documents written; zero means the current time.
	Now time.Time
	// ColumnMap overrides how CSV columns map to review fields (--map column=field).
	ColumnMap map[string]string
}

// Failure is a document, or a path, that could not be ingested.
type Failure struct {
	Path   string
	Line   int // 0 when unknown
	Reason string
}

// Error makes a Failure usable as an error naming its path and line.
func (f Failure) Error() string { return f.String() }

func (f Failure) String() string {
	if f.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", f.Path, f.Line, f.Reason)
	}
	return f.Path + ": " + f.Reason
}

// Summary is what an ingest run did.
type Summary struct {
	// Read counts the documents read, whatever became of them.
	Read int
	// Added, Updated and Unchanged count documents new to the store, changed since they were
	// last ingested, and skipped because their bytes are the same.
	Added, Updated, Unchanged int
	// Skipped lists files that are not reviews (no known format, or no review content).
	Skipped []Failure
	// Failed lists documents that could not be ingested, with the reason.
	Failed []Failure
	// Warnings lists parts of ingested documents that could not be read (a CSV row), with
	// the line; the rest of each document went in.
	Warnings []Failure
	// Reviews counts the reviews written (or, in a dry run, that would be).
	Reviews int
	// Fragments counts the review fragments written (follow-up tickets, participants, tasks
	// that attach to reviews other documents define).
	Fragments int
	// Catalog counts the ownership and identity entries written.
	Catalog CatalogCount
	// Formats counts written documents by format.
	Formats map[string]int
	// Coverage counts which fields the written reviews have.
	Coverage Coverage
}

// CatalogCount counts catalog entries by kind.
type CatalogCount struct {
	Components int `json:"components"`
	Teams      int `json:"teams"`
	People     int `json:"people"`
	Ownership  int `json:"ownership"`
}

func (c *CatalogCount) add(cat metamortem.Catalog) {
	c.Components += len(cat.Components)
	c.Teams += len(cat.Teams)
	c.People += len(cat.People)
	c.Ownership += len(cat.Ownership)
}

// parsed is one document after parsing.
type parsed struct {
	file      file
	doc       Document
	format    string
	result    Result
	unchanged bool
	restamp   bool // unchanged bytes under a new size or modification time
	fail      *Failure
	skip      *Failure
	update    bool
}

// Run ingests the files and folders named by roots into db: unchanged documents are skipped by
// their SHA-256, the rest are parsed in parallel and written in batches, one transaction each.
// A document that cannot be read or parsed is listed in the summary and never stops the batch;
// the error is for failures of the database itself.
func Run(ctx context.Context, db *store.DB, roots []string, opts Options) (*Summary, error) {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = 256
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	// The stored documents' stamps are read while the files are listed.
	var known map[string]store.Stamp
	var stampsErr error
	stamps := make(chan struct{})
	go func() {
		defer close(stamps)
		known, stampsErr = db.DocumentStamps(ctx)
	}()
	files, failures := walk(roots)
	sum := &Summary{Failed: failures, Formats: map[string]int{}}
	<-stamps
	if stampsErr != nil {
		return nil, stampsErr
	}
	claimed := map[string]string{} // review id → document path, within this run
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // stops the parser should a write fail
	done := 0
	for results := range parseChunks(ctx, files, known, opts) {
		done += len(results)
		owners, err := db.ReviewOwners(ctx, reviewIDs(results))
		if err != nil {
			return sum, err
		}
		var batch, restamp []store.Document
		for _, p := range results {
			sum.Read++
			switch {
			case p.fail != nil:
				sum.Failed = append(sum.Failed, *p.fail)
				continue
			case p.skip != nil:
				sum.Skipped = append(sum.Skipped, *p.skip)
				continue
			case p.unchanged:
				sum.Unchanged++
				if p.restamp {
					restamp = append(restamp, store.Document{Path: p.file.path, Size: p.file.size, Modified: p.file.modified})
				}
				continue
			}
			if f := claimIDs(p, owners, claimed); f != nil {
				sum.Failed = append(sum.Failed, *f)
				continue
			}
			if p.update {
				sum.Updated++
			} else {
				sum.Added++
			}
			for _, w := range p.result.Warnings {
				sum.Warnings = append(sum.Warnings, *failure(p.file.path, w))
			}
			sum.Formats[p.format]++
			sum.Reviews += len(p.result.Reviews)
			sum.Fragments += len(p.result.Fragments)
			sum.Catalog.add(p.result.Catalog)
			for _, r := range p.result.Reviews {
				sum.Coverage.Add(r)
			}
			batch = append(batch, store.Document{
				Path: p.file.path, Format: p.format, SHA256: p.doc.SHA256, Raw: p.doc.Data,
				Size: p.file.size, Modified: p.file.modified,
				Reviews: p.result.Reviews, Fragments: p.result.Fragments, Catalog: p.result.Catalog,
			})
		}
		if !opts.DryRun {
			if err := db.Write(ctx, batch, opts.Now); err != nil {
				return sum, err
			}
			if err := db.Restamp(ctx, restamp); err != nil {
				return sum, err
			}
		}
		if opts.Progress != nil {
			opts.Progress(done, len(files))
		}
	}
	if err := ctx.Err(); err != nil {
		return sum, err
	}
	sort.SliceStable(sum.Failed, func(i, j int) bool { return sum.Failed[i].Path < sum.Failed[j].Path })
	return sum, nil
}

// parseChunks parses files a batch at a time on a goroutine of its own, one batch ahead of the
// caller, so that parsing the next batch overlaps writing the last. It stops when ctx is done.
func parseChunks(ctx context.Context, files []file, known map[string]store.Stamp, opts Options) <-chan []parsed {
	out := make(chan []parsed, 1)
	go func() {
		defer close(out)
		for start := 0; start < len(files); start += opts.BatchSize {
			results := parseAll(files[start:min(start+opts.BatchSize, len(files))], known, opts)
			select {
			case out <- results:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// reviewIDs lists the IDs of every review parsed in a chunk.
func reviewIDs(results []parsed) []string {
	var ids []string
	for _, p := range results {
		for _, r := range p.result.Reviews {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// claimIDs checks that the document's review IDs are its own: unique within it, not claimed by
// another document earlier in this run, and not stored (owners) from another document. On
// success the IDs are claimed for this document.
func claimIDs(p parsed, owners, claimed map[string]string) *Failure {
	inDoc := map[string]bool{}
	for _, r := range p.result.Reviews {
		id := r.ID
		if inDoc[id] {
			return &Failure{Path: p.file.path, Reason: fmt.Sprintf("review id %q appears twice in this document", id)}
		}
		inDoc[id] = true
		if other, ok := claimed[id]; ok && other != p.file.path {
			return &Failure{Path: p.file.path, Reason: fmt.Sprintf("review id %q is already used by %s", id, other)}
		}
		if other, ok := owners[id]; ok && other != p.file.path {
			return &Failure{Path: p.file.path, Reason: fmt.Sprintf("review id %q is already stored from %s", id, other)}
		}
	}
	for _, r := range p.result.Reviews {
		claimed[r.ID] = p.file.path
	}
	return nil
}

// parseAll reads and parses files on workers goroutines, returning results in input order.
func parseAll(files []file, known map[string]store.Stamp, opts Options) []parsed {
	out := make([]parsed, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(opts.Workers, len(files)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = parseFile(files[i], known, opts)
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// parseFile reads one file (or bundle) and parses it unless its bytes are already stored.
func parseFile(f file, known map[string]store.Stamp, opts Options) (p parsed) {
	p.file = f
	if f.size > maxDocumentSize {
		p.fail = &Failure{Path: f.path, Reason: fmt.Sprintf("file is %d MiB, over the %d MiB limit for one document", f.size>>20, maxDocumentSize>>20)}
		return p
	}
	prev, seen := known[f.path]
	if seen && !prev.Modified.IsZero() && prev.Size == f.size && prev.Modified.Equal(f.modified) {
		p.unchanged = true // same size and modification time: not read again, as git does
		return p
	}
	data, err := f.read()
	if err != nil {
		p.fail = &Failure{Path: f.path, Reason: reason(err)}
		return p
	}
	p.doc = NewDocument(f.path, f.rel, data)
	p.doc.ColumnMap = opts.ColumnMap
	if seen && prev.SHA256 == p.doc.SHA256 {
		p.unchanged, p.restamp = true, true
		return p
	}
	p.update = seen
	defer func() {
		if r := recover(); r != nil {
			p.result = Result{}
			p.fail = &Failure{Path: f.path, Reason: fmt.Sprintf("importer crashed: %v (please report this document)", r)}
		}
	}()
	if f.bundle == nil && repositoryFile(f.rel) {
		p.skip = &Failure{Path: f.path, Reason: "repository file (README, LICENSE, …), not a review"}
		return p
	}
	if f.bundle == nil && templateFile(f.rel) {
		p.skip = &Failure{Path: f.path, Reason: "review template, not a review"}
		return p
	}
	if len(data) == 0 {
		p.skip = &Failure{Path: f.path, Reason: "empty file"}
		return p
	}
	data = p.doc.Data // as text: UTF-16 is converted
	if looksBinary(data) {
		p.skip = &Failure{Path: f.path, Reason: "binary file"}
		return p
	}
	format, ok := f.format(data)
	if !ok {
		p.skip = &Failure{Path: f.path, Reason: "not a review format metamortem reads"}
		return p
	}
	p.format = format.Name
	res, err := format.Parse(p.doc)
	var nothing NothingToImport
	switch {
	case errors.As(err, &nothing):
		p.skip = &Failure{Path: f.path, Reason: nothing.Error()}
		return p
	case err != nil:
		p.fail = failure(f.path, err)
		return p
	}
	if !format.Catalog {
		res.Reviews = keepReviews(p.doc, res.Reviews)
	}
	if len(res.Reviews) == 0 && len(res.Fragments) == 0 && res.Catalog.Empty() {
		p.skip = &Failure{Path: f.path, Reason: "no review content (a README, template or notes?)"}
		return p
	}
	for i := range res.Reviews {
		if res.Reviews[i].Source.Path == "" {
			res.Reviews[i].Source = metamortem.Source{Path: f.path, Format: format.Name, SHA256: p.doc.SHA256}
		}
		if err := res.Reviews[i].Validate(); err != nil {
			p.fail = &Failure{Path: f.path, Reason: err.Error()}
			return p
		}
	}
	for _, r := range res.Fragments {
		if err := r.Validate(); err != nil {
			p.fail = &Failure{Path: f.path, Reason: "fragment: " + err.Error()}
			return p
		}
	}
	if p.doc.RepairedLine > 0 {
		res.Warnings = append(res.Warnings, fmt.Errorf("line %d: bytes that are not UTF-8 were replaced with U+FFFD", p.doc.RepairedLine))
	}
	p.result = res
	return p
}

// failure turns a parse error into a Failure, lifting a leading "line N: " (or "front matter
// line N: ") into the line field.
func failure(path string, err error) *Failure {
	msg := err.Error()
	if m := reLeadingLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[2])
		reason := msg[len(m[0]):]
		if m[1] != "" {
			reason = strings.TrimSpace(m[1]) + ": " + reason
		}
		return &Failure{Path: path, Line: line, Reason: reason}
	}
	return &Failure{Path: path, Reason: msg}
}

// reLeadingLine matches "line 12: " at the start of a message, with an optional short
// qualifier before it ("front matter line 3: ").
var reLeadingLine = regexp.MustCompile(`^([a-z ]{0,20}?)\bline (\d+): `)

// repositoryNames are the upper-cased stems of files that sit beside reviews in a repository
// and are never reviews themselves.
var repositoryNames = map[string]bool{
	"README": true, "LICENSE": true, "LICENCE": true, "CHANGELOG": true, "CONTRIBUTING": true,
	"CODE_OF_CONDUCT": true, "SECURITY": true, "NOTICE": true, "AUTHORS": true,
}

// RepositoryFile reports whether path names a repository file such as README.md, which sits
// beside reviews but is never one.
func RepositoryFile(path string) bool {
	return repositoryFile(filepath.ToSlash(path))
}

// repositoryFile reports whether rel names a repository file such as README.md.
func repositoryFile(rel string) bool {
	base := path.Base(rel)
	stem := strings.TrimSuffix(base, path.Ext(base))
	return repositoryNames[strings.ToUpper(stem)]
}

// keepReviews drops reviews with no substance: no date, factor, action, timeline entry or
// person, and a summary that is neither filed under a component or tag nor given an ID of
// its own (front matter id, an incident key). Such documents are READMEs, empty templates or
// notes, not reviews.
func keepReviews(doc Document, reviews []metamortem.Review) []metamortem.Review {
	var kept []metamortem.Review
	for i, r := range reviews {
		summary := strings.TrimSpace(r.Sections["summary"]) != ""
		filed := summary && (len(r.Components)+len(r.Tags) > 0 || r.ID != doc.PathID(i+1))
		if filed || r.StartedAt != nil || len(r.Factors) > 0 || len(r.Actions) > 0 || len(r.Timeline) > 0 || len(r.People) > 0 {
			kept = append(kept, r)
		}
	}
	return kept
}

// templateFile reports whether rel names a review template ("PMyyyy-nnn - Postmortem
// template.md", "TEMPLATE.md"): its headings and placeholders look like a review, but it is
// the form, not an incident.
func templateFile(rel string) bool {
	return reTemplateName.MatchString(path.Base(rel))
}

// reTemplateName matches the word "template" in a file name, not "templates" or "templated".
var reTemplateName = regexp.MustCompile(`(?i)(^|[^a-z])template([^a-z]|$)`)
