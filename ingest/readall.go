package ingest

import (
	"github.com/metamortem/metamortem"
)

// ReadAll reads the files and folders named by roots the way Run does (the same walk, format
// detection, skipping, validation and review IDs) but without a database: it returns their
// reviews, with fragments merged into the reviews they name, their catalog entries, and the
// documents that could not be read. For tools and tests that look at a tree of documents as a
// whole without ingesting it.
func ReadAll(roots ...string) ([]metamortem.Review, metamortem.Catalog, []Failure) {
	files, failures := walk(roots)
	var reviews, fragments []metamortem.Review
	var cat metamortem.Catalog
	for _, p := range parseAll(files, nil, Options{Workers: 1}) {
		if p.fail != nil {
			failures = append(failures, *p.fail)
			continue
		}
		reviews = append(reviews, p.result.Reviews...)
		fragments = append(fragments, p.result.Fragments...)
		cat.Add(p.result.Catalog)
	}
	index := map[string]int{}
	for i, r := range reviews {
		index[r.ID] = i
	}
	for _, f := range fragments {
		if i, ok := index[f.ID]; ok {
			r := &reviews[i]
			r.Components = append(r.Components, f.Components...)
			r.Tags = append(r.Tags, f.Tags...)
			r.People = append(r.People, f.People...)
			r.Factors = append(r.Factors, f.Factors...)
			r.Actions = append(r.Actions, f.Actions...)
			r.Timeline = append(r.Timeline, f.Timeline...)
		}
	}
	return reviews, cat, failures
}
