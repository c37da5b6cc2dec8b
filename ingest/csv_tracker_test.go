package ingest

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/metamortem/metamortem"
)

// The trackers under testdata/csv and below are written for these tests in the shapes real
// spreadsheets take; they quote no real tracker.

// readTracker detects and parses a testdata tracker, failing unless it is read as "csv".
func readTracker(t *testing.T, name string, columnMap map[string]string) []metamortem.Review {
	t.Helper()
	p := filepath.Join("testdata", "csv", name)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	f, ok := Detect(p, data)
	if !ok || f.Name != trackerFormat.Name {
		t.Fatalf("Detect(%q) = %q, %v; want %q", name, f.Name, ok, trackerFormat.Name)
	}
	doc := NewDocument(p, name, data)
	doc.ColumnMap = columnMap
	res, err := f.Parse(doc)
	if err != nil {
		t.Fatalf("Parse(%q) error: %v", name, err)
	}
	return res.Reviews
}

func csvPeopleList(ps []metamortem.Person) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Name+"/"+string(p.Role))
	}
	return out
}

func csvActionList(as []metamortem.Action) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Text+" | "+a.Owner+" | "+string(a.Status))
	}
	return out
}

func csvFactorList(fs []metamortem.Factor) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Text)
	}
	return out
}

// trackerWant is what one row must become; nil lists mean empty.
type trackerWant struct {
	id, title, severity string
	kind                metamortem.Kind
	started, resolved   string
	components, tags    []string
	people, factors     []string
	actions             []string
	sections            map[string]string
}

func checkTracker(t *testing.T, name string, got []metamortem.Review, want []trackerWant) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("Parse(%q) = %d reviews; want %d", name, len(got), len(want))
	}
	for i, w := range want {
		r := got[i]
		for _, c := range []struct {
			field     string
			got, want any
		}{
			{"ID", r.ID, w.id}, {"Title", r.Title, w.title}, {"Severity", r.Severity, w.severity},
			{"Kind", r.Kind, w.kind},
			{"StartedAt", fmtTime(r.StartedAt), fmtTime(ts(w.started))},
			{"ResolvedAt", fmtTime(r.ResolvedAt), fmtTime(ts(w.resolved))},
			{"Components", r.Components, w.components}, {"Tags", r.Tags, w.tags},
			{"People", csvPeopleList(r.People), w.people}, {"Factors", csvFactorList(r.Factors), w.factors},
			{"Actions", csvActionList(r.Actions), w.actions}, {"Sections", r.Sections, w.sections},
		} {
			if !reflect.DeepEqual(c.got, c.want) {
				t.Errorf("Parse(%q)[%d].%s = %#v; want %#v", name, i, c.field, c.got, c.want)
			}
		}
	}
}

func TestTrackerOpsIncidents(t *testing.T) {
	got := readTracker(t, "ops-incidents.csv", nil)
	checkTracker(t, "ops-incidents.csv", got, []trackerWant{
		{
			id: "INC-101", title: "Checkout latency spike", severity: "SEV2", kind: "incident",
			started: "2024-03-04T14:05:00Z", resolved: "2024-03-04T15:20:00Z",
			components: []string{"checkout-api", "payments"}, tags: []string{"customer-facing"},
			people:   []string{"Dana Reyes/lead", "Li Wei/responder", "Omar Haddad/responder"},
			factors:  []string{"Connection pool exhausted after a config push"},
			actions:  []string{"Add a pool saturation alert | @lwei | unknown", "Load-test config changes before rollout |  | unknown"},
			sections: map[string]string{"root_cause_category": "Capacity", "status": "Resolved"},
		},
		{
			id: "INC-102", title: "Search index stale", severity: "P3", kind: "incident",
			started: "2024-03-09T08:30:00Z", components: []string{"search"},
			people:   []string{"Sam Ortiz/lead"},
			factors:  []string{"Indexer job failed without an error", "Alerts on job failures were muted"},
			actions:  []string{"Unmute indexer alerts |  | unknown", "Add a freshness check |  | done"},
			sections: map[string]string{"root_cause_category": "Monitoring", "status": "Resolved"},
		},
		{
			id: "INC-103", title: "Game day: database failover drill", severity: "Low", kind: "drill",
			started: "2024-03-15T10:00:00Z", resolved: "2024-03-15T11:00:00Z", components: []string{"orders-db"},
			people:   []string{"Dana Reyes/lead", "Li Wei/responder"},
			sections: map[string]string{"status": "Closed"},
		},
	})
}

func TestTrackerOncallLog(t *testing.T) {
	// Semicolons, a BOM, CRLF, a title row, date and time in separate columns, a duration in
	// hours, no title column (the summary is the title) and no id column.
	got := readTracker(t, "oncall-log.csv", nil)
	summary := "Login failures for EU users after certificate rotation"
	checkTracker(t, "oncall-log.csv", got, []trackerWant{
		{
			id: "oncall-log", title: summary, severity: "High", kind: "incident",
			started: "2024-02-12T09:15:00Z", resolved: "2024-02-12T10:45:00Z",
			tags: []string{"auth", "tls"}, people: []string{"Ana Lopez/lead"},
			sections: map[string]string{"summary": summary},
		},
		{
			id: "oncall-log-2", title: "Nightly export stuck", severity: "Low", kind: "incident",
			started: "2024-02-20T23:40:00Z", tags: []string{"batch"}, people: []string{"Ben Cho/lead"},
			sections: map[string]string{"summary": "Nightly export stuck"},
		},
	})
}

func TestTrackerQueueIncidents(t *testing.T) {
	// Tabs, bare numeric keys, zones written in the cells, a written duration and a yes/no flag.
	got := readTracker(t, "queue-incidents.tsv", nil)
	checkTracker(t, "queue-incidents.tsv", got, []trackerWant{
		{
			id: "queue-incidents-17", title: "Queue backlog", kind: "incident",
			started: "2023-11-03T03:10:00Z", resolved: "2023-11-03T05:40:00Z", tags: []string{"human-error"},
			people:   []string{"Riya Nair/responder", "Tom Berg/responder"},
			factors:  []string{"Consumer crashed on a malformed message"},
			sections: map[string]string{},
		},
		{
			id: "queue-incidents-18", title: "DNS resolution errors", kind: "incident",
			started: "2023-11-20T14:00:00Z", resolved: "2023-11-20T15:15:00Z",
			people:   []string{"Tom Berg/responder"},
			factors:  []string{"TTL lowered during migration"},
			sections: map[string]string{},
		},
	})
}

func TestTrackerLabelColumnsStayOutOfFactors(t *testing.T) {
	// A cloud-provider tracker: causes only as category labels, mitigation steps as a list,
	// duration in minutes from a date-only start.
	src := "id,provider,date,title,duration_minutes,services_affected,root_cause_l1,root_cause_l2,human_error,mitigation_actions,summary\n" +
		"cp-1,CloudCo,2020-05-06,Storage errors in one region,90,blob store; queue service,internal causes,software bugs,True,roll back release; drain traffic,\"A release broke writes.\nIt was rolled back.\"\n"
	res, err := parseTracker(NewDocument("/in/cloud.csv", "cloud.csv", []byte(src)))
	if err != nil {
		t.Fatal(err)
	}
	checkTracker(t, "cloud.csv", res.Reviews, []trackerWant{{
		id: "cp-1", title: "Storage errors in one region", kind: "incident",
		started: "2020-05-06T00:00:00Z", resolved: "2020-05-06T01:30:00Z",
		components: []string{"blob store", "queue service"}, tags: []string{"provider:cloudco", "human-error"},
		actions: []string{"roll back release |  | unknown", "drain traffic |  | unknown"},
		sections: map[string]string{
			"root_cause_l1": "internal causes", "root_cause_l2": "software bugs",
			"summary": "A release broke writes.\nIt was rolled back.",
		},
	}})
}

func TestTrackerColumnMap(t *testing.T) {
	src := "Ref,Headline,When,Affected systems,Why it broke,Minutes down,Notes\n" +
		"A-9,Mail delays,2024-06-01 10:00,smtp-relay,Certificate expired,30,Renewal reminder went to an old list\n"
	doc := NewDocument("/in/mail.csv", "mail.csv", []byte(src))
	doc.ColumnMap = map[string]string{"why it broke": "factors", "minutes down": "duration_minutes", "notes": "ignore"}
	res, err := parseTracker(doc)
	if err != nil {
		t.Fatal(err)
	}
	checkTracker(t, "mail.csv", res.Reviews, []trackerWant{{
		id: "A-9", title: "Mail delays", kind: "incident",
		started: "2024-06-01T10:00:00Z", resolved: "2024-06-01T10:30:00Z", components: []string{"smtp-relay"},
		factors: []string{"Certificate expired"}, sections: map[string]string{},
	}})

	doc.ColumnMap = map[string]string{"why it broke": "reasons"}
	_, err = parseTracker(doc)
	if err == nil || !strings.Contains(err.Error(), `"reasons" is not a field`) || !strings.Contains(err.Error(), "factors") {
		t.Errorf("Parse(mail.csv, --map why it broke=reasons) error = %v; want one naming the valid fields", err)
	}
}

func TestTrackerIDs(t *testing.T) {
	src := "id,title,date\nX-1,First,2024-01-01\nX-1,Again,2024-01-02\n,No id,2024-01-03\nDisk filled up,,2024-01-04\n"
	res, err := parseTracker(NewDocument("/in/log.csv", "team/log.csv", []byte(src)))
	if err != nil {
		t.Fatal(err)
	}
	var ids, titles []string
	for _, r := range res.Reviews {
		ids, titles = append(ids, r.ID), append(titles, r.Title)
	}
	if want := []string{"X-1", "X-1-2", "team-log-3", "team-log-4"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("Parse(log.csv) IDs = %q; want %q", ids, want)
	}
	if want := []string{"First", "Again", "No id", "Disk filled up"}; !reflect.DeepEqual(titles, want) {
		t.Errorf("Parse(log.csv) titles = %q; want %q", titles, want)
	}
}

func TestTrackerKeepsGoodRows(t *testing.T) {
	src := "id,title,date\nA-1,Good,2024-01-01\nA-2,Bad \"quote,2024-01-02\nA-3,Also good,2024-01-03\n"
	res, err := parseTracker(NewDocument("/in/t.csv", "t.csv", []byte(src)))
	if err != nil {
		t.Fatalf("Parse(bad row) error = %v; want the good rows", err)
	}
	if len(res.Reviews) != 2 || res.Reviews[0].ID != "A-1" || res.Reviews[1].ID != "A-3" {
		t.Errorf("Parse(bad row) = %d reviews; want A-1 and A-3", len(res.Reviews))
	}
}

func TestSniffTracker(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"tracker", "Incident ID,Title,Started,Root cause\nI-1,x,2024-01-01,y\n", true},
		{"summary and date only", "Date;Summary;Priority\n2024-01-01;x;P1\n", true},
		{"severity and actions", "title,severity,action items\nx,SEV1,y\n", true},
		{"owners csv", "component,team\npayments-api,payments\n", false},
		{"catalog", "name,description,owner,system\napi,The API,team-a,core\n", false},
		{"child table of an export", "id,incident_id,started_at,ended_at,description\n1,2,2024-01-01,2024-01-01,x\n", false},
		{"created timestamps only", "id,name,description,created_at\n1,x,y,2024-01-01\n", false},
		{"canonical jsonl", `{"id":"A-1","title":"x","kind":"incident","factors":[],"actions":[],"sections":{},"source":null}` + "\n", false},
		{"json array", `[{"id": 1, "title": "x", "started": "2024-01-01"}]`, false},
		{"markdown", "# Outage, 2024-01-01\n\n## Root cause, in short\n\nThe disk filled up.\n", false},
		{"html", "<html><body><table><tr><td>id,title,date</td></tr></table></body></html>", false},
		{"binary", "id,title,date\n\x00\x01\x02", false},
	}
	for _, tt := range tests {
		if got := sniffTracker([]byte(tt.in)); got != tt.want {
			t.Errorf("sniffTracker(%s) = %v; want %v", tt.name, got, tt.want)
		}
	}
}

func TestTrackerColumnChoices(t *testing.T) {
	tests := []struct {
		name, src         string
		title, severity   string
		impact            string
		started, resolved string
	}{
		{"title column wins over an earlier name column",
			"name,title,date\ninc-7,Disk full,2024-01-01\n", "Disk full", "", "", "2024-01-01T00:00:00Z", ""},
		{"impact holding a level is the severity",
			"title,impact,date\nDisk full,High,2024-01-01\n", "Disk full", "High", "High", "2024-01-01T00:00:00Z", ""},
		{"impact holding prose stays a section",
			"title,impact,severity,date\nDisk full,Uploads failed for an hour,SEV3,2024-01-01\n", "Disk full", "SEV3", "Uploads failed for an hour", "2024-01-01T00:00:00Z", ""},
		{"detection is the start when nothing else is",
			"title,detected at,ttr\nDisk full,2024-01-01 10:00,45\n", "Disk full", "", "", "2024-01-01T10:00:00Z", "2024-01-01T10:45:00Z"},
		{"an end earlier in the day than a time-only start is the next day",
			"title,date,start,end\nDisk full,2024-01-01,23:30,00:15\n", "Disk full", "", "", "2024-01-01T23:30:00Z", "2024-01-02T00:15:00Z"},
		{"zone column",
			"title,start,end,timezone\nDisk full,2024-07-01 09:00,2024-07-01T10:00,Europe/Berlin\n", "Disk full", "", "", "2024-07-01T07:00:00Z", "2024-07-01T08:00:00Z"},
		{"unix seconds",
			"title,started\nDisk full,1704103200\n", "Disk full", "", "", "2024-01-01T10:00:00Z", ""},
		{"absurd duration is not believed",
			"title,date,duration_minutes\nDisk full,2024-01-01,99999999\n", "Disk full", "", "", "2024-01-01T00:00:00Z", ""},
	}
	for _, tt := range tests {
		res, err := parseTracker(NewDocument("/in/t.csv", "t.csv", []byte(tt.src)))
		if err != nil || len(res.Reviews) != 1 {
			t.Errorf("Parse(%s) = %d reviews, error %v; want 1 review", tt.name, len(res.Reviews), err)
			continue
		}
		r := res.Reviews[0]
		if r.Title != tt.title || r.Severity != tt.severity || r.Sections[kindImpact] != tt.impact {
			t.Errorf("Parse(%s) title %q severity %q impact %q; want %q %q %q", tt.name, r.Title, r.Severity, r.Sections[kindImpact], tt.title, tt.severity, tt.impact)
		}
		if got, want := fmtTime(r.StartedAt), fmtTime(ts(tt.started)); got != want {
			t.Errorf("Parse(%s).StartedAt = %s; want %s", tt.name, got, want)
		}
		if got, want := fmtTime(r.ResolvedAt), fmtTime(ts(tt.resolved)); got != want {
			t.Errorf("Parse(%s).ResolvedAt = %s; want %s", tt.name, got, want)
		}
	}
}
