package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// testdata/csv/jira-followups.csv is written for these tests in the shape of Jira's "CSV (all
// fields)" export: repeated Labels columns, issue link and custom field columns, Jira's dates.

func TestJiraCSV(t *testing.T) {
	p := filepath.Join("testdata", "csv", "jira-followups.csv")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	f, ok := Detect(p, data)
	if !ok || f.Name != jiraCSVFormat.Name {
		t.Fatalf("Detect(jira-followups.csv) = %q, %v; want %q", f.Name, ok, jiraCSVFormat.Name)
	}
	res, err := f.Parse(NewDocument(p, "jira-followups.csv", data))
	if err != nil {
		t.Fatalf("Parse(jira-followups.csv) error: %v", err)
	}
	if len(res.Reviews) != 0 {
		t.Errorf("Parse(jira-followups.csv) = %d reviews; want only fragments", len(res.Reviews))
	}
	type action struct{ text, owner, status, due, ticket string }
	want := []struct {
		id      string
		actions []action
		people  []string
	}{
		{"INC-101", []action{
			{"Add alert on connection pool saturation", "Li Wei", "done", "2024-03-15T00:00:00Z", "OPS-410"},
			{"Load-test config changes", "Omar Haddad", "open", "2024-04-01T00:00:00Z", "OPS-411"},
		}, []string{"Li Wei/owner", "Omar Haddad/owner"}},
		{"INC-102", []action{{"Retire the muted alert channel", "", "wontfix", "nil", "OPS-412"}}, nil},
		{"PIR-7", []action{{"Rotate the stale index", "Sam Ortiz", "open", "nil", "OPS-414"}}, []string{"Sam Ortiz/owner"}},
	}
	if len(res.Fragments) != len(want) {
		t.Fatalf("Parse(jira-followups.csv) = %d fragments; want %d", len(res.Fragments), len(want))
	}
	for i, w := range want {
		fr := res.Fragments[i]
		var got []action
		for _, a := range fr.Actions {
			got = append(got, action{a.Text, a.Owner, string(a.Status), fmtTime(a.Due), a.Ticket})
		}
		if fr.ID != w.id || !reflect.DeepEqual(got, w.actions) {
			t.Errorf("Parse(jira-followups.csv).Fragments[%d] = %s %+v; want %s %+v", i, fr.ID, got, w.id, w.actions)
		}
		if people := csvPeopleList(fr.People); !reflect.DeepEqual(people, w.people) {
			t.Errorf("Parse(jira-followups.csv).Fragments[%d].People = %q; want %q", i, people, w.people)
		}
	}
}

func TestJiraCSVWithoutLinks(t *testing.T) {
	src := "Issue key,Summary,Status\nOPS-1,Tidy dashboards,Open\n"
	_, err := parseJiraCSV(NewDocument("/in/j.csv", "j.csv", []byte(src)))
	if !errors.Is(err, errNoReviewLinks) {
		t.Errorf("Parse(no links) error = %v; want %v", err, errNoReviewLinks)
	}
}

func TestJiraCSVTime(t *testing.T) {
	tests := []struct{ in, want string }{
		{"12/Mar/24 9:30 AM", "2024-03-12T09:30:00Z"},
		{"02/Jan/24 17:05", "2024-01-02T17:05:00Z"},
		{"15/Mar/24", "2024-03-15T00:00:00Z"},
		{"2024-03-15 08:00", "2024-03-15T08:00:00Z"},
		{"someday", "nil"},
	}
	for _, tt := range tests {
		if got := fmtTime(jiraCSVTime(tt.in).t); got != tt.want {
			t.Errorf("jiraCSVTime(%q) = %s; want %s", tt.in, got, tt.want)
		}
	}
}
