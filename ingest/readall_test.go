package ingest

import (
	"testing"

	"github.com/metamortem/metamortem"
)

func TestReadAllMergesFragmentsAndCatalogs(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.jsonl":     reviewA,
		"README.md":   "# Our reviews\n",
		"people.yaml": "people:\n  - name: Priya Raman\n    aliases: [\"@praman\"]\n",
		"jira.json":   `{"key":"FERN-9","fields":{"summary":"Add disk alert for A-1","labels":["postmortem-A-1"],"status":{"name":"Done","statusCategory":{"key":"done"}}}}`,
		"bad.jsonl":   `{"id":"C","kind":"outage","factors":[],"actions":[],"sections":{},"source":null}` + "\n",
	})
	reviews, cat, failures := ReadAll(dir)
	if len(reviews) != 1 || reviews[0].ID != "A-1" {
		t.Fatalf("ReadAll reviews = %+v; want A-1 only", reviews)
	}
	if got := reviews[0].Actions; len(got) != 1 || got[0].Ticket != "FERN-9" || got[0].Status != metamortem.ActionDone {
		t.Errorf("A-1 actions = %+v; want the Jira ticket FERN-9, done", got)
	}
	if len(cat.People) != 1 || cat.People[0].Name != "Priya Raman" {
		t.Errorf("catalog people = %+v; want Priya Raman", cat.People)
	}
	if len(failures) != 1 || failures[0].Reason == "" {
		t.Errorf("failures = %v; want bad.jsonl", failures)
	}
}
