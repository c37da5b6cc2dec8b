package ingest

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusFloors are the shares of reviews (in percent) that must have each field, per Markdown
// source of the shared corpus. They sit a little under what the importer reaches, so that a
// regression fails; with a handful of documents per source one document is a big step, so small
// sources sit at what they reach. Some sources lack a field by nature: icco front matter over
// prose names no people, factors or actions; chia names nobody and has root-cause sections in a
// third of its documents; 2i2c reports have no root-cause sections; dastergon holds only templates.
var corpusFloors = []struct {
	dir                                    string
	title, start, factors, actions, people int
}{
	{"dfds-postmortems", 100, 95, 95, 97, 60},
	{"posthog-post-mortems", 100, 95, 85, 85, 10},
	{"chia-post-mortem", 100, 95, 30, 25, 0},
	{"learningequality-postmortems", 100, 75, 100, 100, 75},
	{"elife-xpub", 100, 100, 100, 100, 100},
	{"zalando-kubernetes-on-aws", 100, 100, 50, 50, 0},
	{"2i2c-incident-reports/reports", 100, 95, 0, 85, 0},
	{"icco-postmortems", 98, 70, 0, 0, 0},
	{"dastergon-postmortem-templates", 0, 0, 0, 0, 0},
}

// corpusSkip reports files that are not reviews: read-mes, provenance notes, licences and
// templates.
func corpusSkip(name string) bool {
	low := strings.ToLower(name)
	return low == "readme.md" || low == "source.txt" || strings.HasPrefix(low, "license") || isTemplate(name)
}

func isTemplate(name string) bool {
	return templateFile(name)
}

type corpusRow struct {
	files, skipped, templates, reviews int
	Coverage
}

func pct(n, of int) int {
	if of == 0 {
		return 100
	}
	return n * 100 / of
}

// TestCorpus parses every Markdown document of the shared corpus (METAMORTEM_CORPUS), checks
// that none fails, logs the coverage per source as a Markdown table and holds it to the floors.
func TestCorpus(t *testing.T) {
	root := corpusRoot(t)
	var table strings.Builder
	table.WriteString("| source | files | templates | reviews | title | start | factors | actions | people |\n")
	table.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, src := range corpusFloors {
		var row corpusRow
		dir := filepath.Join(root, filepath.FromSlash(src.dir))
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			if isTemplate(d.Name()) {
				// Templates are filtered later in the pipeline; here they only have to parse.
				data, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				if _, err := parseNoPanic(t, markdownFormat, NewDocument(p, d.Name(), data)); err != nil {
					t.Errorf("%s: template: %v", p, err)
				}
				row.templates++
				return nil
			}
			if corpusSkip(d.Name()) {
				return nil
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			f, ok := Detect(p, data)
			if !ok || f.Name != markdownFormat.Name {
				if ext := strings.ToLower(filepath.Ext(p)); ext == ".md" || ext == ".markdown" {
					t.Errorf("%s: a Markdown file not detected as Markdown", p)
				}
				row.skipped++
				return nil
			}
			row.files++
			rel, _ := filepath.Rel(dir, p)
			reviews, err := parseNoPanic(t, f, NewDocument(p, rel, data))
			if err != nil {
				t.Errorf("%s: %v", p, err)
				return nil
			}
			if len(reviews) == 0 {
				t.Errorf("%s: no review", p)
			}
			for _, r := range reviews {
				row.Add(r)
				if r.ID == "" || r.Source.Format != "markdown" {
					t.Errorf("%s: review %q has no ID or a wrong source %+v", p, r.Title, r.Source)
				}
			}
			return nil
		})
		if err != nil {
			t.Errorf("%s: %v", src.dir, err)
			continue
		}
		fmt.Fprintf(&table, "| %s | %d | %d | %d | %d%% | %d%% | %d%% | %d%% | %d%% |\n", src.dir, row.files, row.templates, row.Reviews,
			pct(row.Title, row.Reviews), pct(row.Started, row.Reviews), pct(row.Factors, row.Reviews),
			pct(row.Actions, row.Reviews), pct(row.People, row.Reviews))
		checkCoverage(t, src.dir, row.Coverage, 0, coverageFloors{
			title: src.title, start: src.start, factors: src.factors, actions: src.actions, people: src.people,
		})
	}
	t.Log("Markdown coverage of the shared corpus (share of reviews with each field):\n\n" + table.String())
}
