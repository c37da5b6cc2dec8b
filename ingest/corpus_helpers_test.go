package ingest

import (
	"fmt"
	"os"
	"testing"

	"github.com/metamortem/metamortem"
)

// corpusRoot returns the shared corpus folder named by METAMORTEM_CORPUS, skipping the test
// when it is not set or not there.
func corpusRoot(t *testing.T) string {
	t.Helper()
	root := os.Getenv("METAMORTEM_CORPUS")
	if root == "" {
		t.Skip("METAMORTEM_CORPUS is not set: point it at the shared corpus (e.g. ../shared/corpus) to run this test")
	}
	if _, err := os.Stat(root); err != nil {
		t.Skipf("METAMORTEM_CORPUS=%s: %v", root, err)
	}
	return root
}

// parseResultNoPanic parses a document, turning a panic into an error.
func parseResultNoPanic(f Format, doc Document) (res Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	return f.Parse(doc)
}

// parseNoPanic parses a document's reviews, turning a panic into an error.
func parseNoPanic(t *testing.T, f Format, doc Document) ([]metamortem.Review, error) {
	t.Helper()
	res, err := parseResultNoPanic(f, doc)
	return res.Reviews, err
}

// coverageFloors are the shares of reviews (in percent) of a corpus source that must have each
// field.
type coverageFloors struct {
	title, start, components, people, factors, actions, timeline int
}

// checkCoverage holds a corpus source's coverage to its floors; timeline is the number of its
// reviews with a timeline.
func checkCoverage(t *testing.T, source string, c Coverage, timeline int, floors coverageFloors) {
	t.Helper()
	for _, check := range []struct {
		name       string
		got, floor int
	}{
		{"title", pct(c.Title, c.Reviews), floors.title},
		{"start", pct(c.Started, c.Reviews), floors.start},
		{"components", pct(c.Components, c.Reviews), floors.components},
		{"people", pct(c.People, c.Reviews), floors.people},
		{"factors", pct(c.Factors, c.Reviews), floors.factors},
		{"actions", pct(c.Actions, c.Reviews), floors.actions},
		{"timeline", pct(timeline, c.Reviews), floors.timeline},
	} {
		if check.got < check.floor {
			t.Errorf("%s: %s coverage %d%%; want at least %d%%", source, check.name, check.got, check.floor)
		}
	}
}
