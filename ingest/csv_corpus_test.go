package ingest

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// csvCorpusFloors are the CSV sources of the shared corpus, the format each is read as and the
// shares of reviews (in percent) that must have each field: a little under what the importers
// reach. The cloud tracker names nobody and has no free-text cause column (its root_cause_l1/l2
// are labels, kept out of factors); the Dispatch demo has no components or causes, and its one
// task belongs to one of four incidents.
var csvCorpusFloors = []struct {
	dir, format string
	minReviews  int
	coverageFloors
}{
	{"cloud-incidents-csv", "csv", 150, coverageFloors{100, 100, 95, 0, 0, 95, 0}},
	{"netflix-dispatch-sample/csv-extracted", "dispatch", 4, coverageFloors{100, 100, 0, 100, 0, 25, 100}},
}

// TestCSVCorpus reads the CSV sources of the shared corpus (METAMORTEM_CORPUS) the way ingest
// finds them: single files through Detect, folders through their bundle. It checks that none
// fails, logs the coverage per source as a Markdown table and holds it to the floors. The
// Dispatch folder's other tables (tickets, documents, conferences, …) must not be read as
// trackers.
func TestCSVCorpus(t *testing.T) {
	root := corpusRoot(t)
	var table strings.Builder
	table.WriteString("| source | format | documents | reviews | title | start | components | people | factors | actions | timeline |\n")
	table.WriteString("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, src := range csvCorpusFloors {
		files, failures := walk([]string{filepath.Join(root, filepath.FromSlash(src.dir))})
		for _, f := range failures {
			t.Errorf("%s: %s", src.dir, f)
		}
		var c Coverage
		docs, timeline := 0, 0
		for _, f := range files {
			data, err := f.read()
			if err != nil {
				t.Errorf("%s: %v", f.path, err)
				continue
			}
			format, ok := f.format(data)
			if !ok || format.Name != src.format {
				if ext := filepath.Ext(f.path); f.bundle == nil && ext == ".csv" && ok && format.Name == trackerFormat.Name {
					t.Errorf("%s: a table that is no tracker detected as %q", f.rel, format.Name)
				}
				continue
			}
			docs++
			doc := NewDocument(f.path, f.rel, data)
			res, err := parseResultNoPanic(format, doc)
			if err != nil {
				t.Errorf("%s: %v", f.path, err)
				continue
			}
			for _, r := range keepReviews(doc, res.Reviews) {
				c.Add(r)
				if len(r.Timeline) > 0 {
					timeline++
				}
				if err := r.Validate(); err != nil {
					t.Errorf("%s: %v", f.path, err)
				}
			}
		}
		if c.Reviews < src.minReviews {
			t.Errorf("%s: %d reviews; want at least %d", src.dir, c.Reviews, src.minReviews)
		}
		fmt.Fprintf(&table, "| %s | %s | %d | %d | %d%% | %d%% | %d%% | %d%% | %d%% | %d%% | %d%% |\n", src.dir, src.format, docs,
			c.Reviews, pct(c.Title, c.Reviews), pct(c.Started, c.Reviews), pct(c.Components, c.Reviews),
			pct(c.People, c.Reviews), pct(c.Factors, c.Reviews), pct(c.Actions, c.Reviews), pct(timeline, c.Reviews))
		checkCoverage(t, src.dir, c, timeline, src.coverageFloors)
	}
	t.Log("CSV coverage of the shared corpus (share of reviews with each field):\n\n" + table.String())
}
