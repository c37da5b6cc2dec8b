package ingest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// jsonCorpusFloors are the JSON documents of the shared corpus, the format each must be
// detected as, and the shares of reviews (in percent) that must have each field: a little under
// what the importers reach. The feeds name no people; the AWS dashboard and most status updates
// state no causes or follow-ups, so those floors are low or zero by nature. The Jira issue links
// to no review, so it must fail with errNoReviewLinks.
var jsonCorpusFloors = []struct {
	file, format string
	minReviews   int
	coverageFloors
}{
	{"cloud-status-history-raw/app/public/incidents.json", "gcp-status", 150, coverageFloors{100, 100, 100, 0, 5, 5, 100}},
	{"cloud-status-history-raw/app/public/data.json", "aws-health", 80, coverageFloors{100, 100, 100, 0, 0, 0, 100}},
	{"cloud-historic-uptime/data/incidents/aws.json", "cloud-incidents", 40, coverageFloors{100, 100, 95, 0, 0, 0, 100}},
	{"cloud-historic-uptime/data/incidents/azure.json", "cloud-incidents", 90, coverageFloors{100, 100, 60, 0, 0, 0, 10}},
	{"cloud-historic-uptime/data/incidents/gcp.json", "cloud-incidents", 4, coverageFloors{100, 100, 100, 0, 75, 50, 100}},
	{"etsy-morgue/tests/fixtures/response1772.json", "jira", 0, coverageFloors{0, 0, 0, 0, 0, 0, 0}},
}

// TestJSONCorpus parses the JSON feeds of the shared corpus (METAMORTEM_CORPUS) through Detect,
// checks that none fails, logs the coverage per document as a Markdown table and holds it to the
// floors. Files that are not incidents (service-map.json) must not be claimed by an importer
// that then fails.
func TestJSONCorpus(t *testing.T) {
	root := corpusRoot(t)
	var table strings.Builder
	table.WriteString("| document | format | reviews | title | start | components | people | factors | actions | timeline |\n")
	table.WriteString("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, src := range jsonCorpusFloors {
		p := filepath.Join(root, filepath.FromSlash(src.file))
		data, err := os.ReadFile(p)
		if err != nil {
			t.Errorf("%s: %v", src.file, err)
			continue
		}
		f, ok := Detect(p, data)
		if !ok || f.Name != src.format {
			t.Errorf("Detect(%q) = %q, %v; want %q", src.file, f.Name, ok, src.format)
			continue
		}
		res, err := parseResultNoPanic(f, NewDocument(p, src.file, data))
		if src.format == "jira" {
			if !errors.Is(err, errNoReviewLinks) {
				t.Errorf("%s: err = %v; want %v", src.file, err, errNoReviewLinks)
			}
			fmt.Fprintf(&table, "| %s | %s | 0 (1 issue, no review link) | | | | | | | |\n", src.file, f.Name)
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", src.file, err)
			continue
		}
		var c Coverage
		timeline := 0
		for _, r := range res.Reviews {
			c.Add(r)
			if len(r.Timeline) > 0 {
				timeline++
			}
			if err := r.Validate(); err != nil {
				t.Errorf("%s: %v", src.file, err)
			}
		}
		if c.Reviews < src.minReviews {
			t.Errorf("%s: %d reviews; want at least %d", src.file, c.Reviews, src.minReviews)
		}
		fmt.Fprintf(&table, "| %s | %s | %d | %d%% | %d%% | %d%% | %d%% | %d%% | %d%% | %d%% |\n", src.file, f.Name, c.Reviews,
			pct(c.Title, c.Reviews), pct(c.Started, c.Reviews), pct(c.Components, c.Reviews), pct(c.People, c.Reviews),
			pct(c.Factors, c.Reviews), pct(c.Actions, c.Reviews), pct(timeline, c.Reviews))
		checkCoverage(t, src.file, c, timeline, src.coverageFloors)
	}
	// service-map.json maps service names to categories: no importer may claim it and fail.
	p := filepath.Join(root, "cloud-historic-uptime", "data", "service-map.json")
	if data, err := os.ReadFile(p); err == nil {
		if f, ok := Detect(p, data); ok {
			if res, err := parseResultNoPanic(f, NewDocument(p, "service-map.json", data)); err != nil || len(res.Reviews) > 0 {
				t.Errorf("service-map.json detected as %s: %d reviews, err %v; want no reviews and no error", f.Name, len(res.Reviews), err)
			}
		}
	}
	t.Log("JSON coverage of the shared corpus (share of reviews with each field):\n\n" + table.String())
}
