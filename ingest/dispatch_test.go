package ingest

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/metamortem/metamortem"
)

// testdata/dispatch is a small export written for these tests in the shape of Dispatch's
// tables; ticket.csv is a table the importer does not read.

func TestDispatchBundle(t *testing.T) {
	dir := filepath.Join("testdata", "dispatch")
	files, failures := walk([]string{dir})
	if len(failures) > 0 {
		t.Fatalf("walk(%s) failures: %v", dir, failures)
	}
	var bundle *file
	for i, f := range files {
		switch {
		case f.bundle != nil:
			bundle = &files[i]
		case filepath.Base(f.path) == "ticket.csv":
			data, err := f.read()
			if err != nil {
				t.Fatal(err)
			}
			if got, ok := Detect(f.path, data); ok {
				t.Errorf("Detect(ticket.csv) = %q; want no format", got.Name)
			}
		default:
			t.Errorf("walk(%s) left %s out of the bundle", dir, f.rel)
		}
	}
	if bundle == nil || bundle.bundleFormat.Name != dispatchFormat.Name {
		t.Fatalf("walk(%s) found no Dispatch bundle", dir)
	}
	data, err := bundle.read()
	if err != nil {
		t.Fatal(err)
	}
	if !sniffDispatch(data) {
		t.Errorf("sniffDispatch(bundle) = false; want true")
	}
	res, err := dispatchFormat.Parse(NewDocument(bundle.path, bundle.rel, data))
	if err != nil {
		t.Fatalf("Parse(dispatch bundle) error: %v", err)
	}
	if len(res.Reviews) != 2 {
		t.Fatalf("Parse(dispatch bundle) = %d reviews; want 2", len(res.Reviews))
	}

	r := res.Reviews[0]
	checkTracker(t, "dispatch", []metamortem.Review{r}, []trackerWant{{
		id: "dispatch-acme-payments-11", title: "Card payments declined", severity: "Sev 2", kind: "incident",
		started: "2024-05-02T13:00:12Z", resolved: "2024-05-02T15:00:00Z",
		tags:   []string{"payments", "card network"},
		people: []string{"Priya Raman/lead", "jo@example.com/responder"},
		actions: []string{
			"Alert on issuer error rate | jo@example.com | done",
			"Document the failover runbook | Priya Raman | open",
		},
		sections: map[string]string{
			"summary":    "Issuer gateway returned errors for a fifth of card payments",
			"resolution": "Failed over to the secondary gateway",
			"status":     "Closed", "priority": "High",
		},
	}})
	if got := fmtTime(r.MitigatedAt); got != "2024-05-02T13:40:00Z" {
		t.Errorf("Parse(dispatch)[0].MitigatedAt = %s; want 2024-05-02T13:40:00Z", got)
	}
	a := r.Actions[0]
	if fmtTime(a.Due) != "2024-05-20T00:00:00Z" || a.Ticket != "https://tracker.example.com/browse/PAY-88" {
		t.Errorf("Parse(dispatch)[0].Actions[0] due %s ticket %q; want 2024-05-20T00:00:00Z and the weblink", fmtTime(a.Due), a.Ticket)
	}
	var events []string
	for _, e := range r.Timeline {
		events = append(events, fmtTime(e.At)+" "+e.Text+" / "+e.Actor)
	}
	wantEvents := []string{"2024-05-02T13:00:30Z Incident created / ", "2024-05-02T13:40:00Z Gateway failover complete / Priya Raman"}
	if !reflect.DeepEqual(events, wantEvents) {
		t.Errorf("Parse(dispatch)[0].Timeline = %q; want %q", events, wantEvents)
	}

	checkTracker(t, "dispatch", res.Reviews[1:], []trackerWant{{
		id: "dispatch-acme-payments-12", title: "Tabletop: region loss drill", severity: "Low", kind: "drill",
		started: "2024-06-10T09:00:00Z", tags: []string{"exercise"}, people: []string{"Marco Diaz/lead"},
		sections: map[string]string{"status": "Active"},
	}})

	var contacts []string
	for _, p := range res.Catalog.People {
		contacts = append(contacts, p.Name+" <"+p.Email+">")
	}
	wantContacts := []string{"Priya Raman <priya@example.com>", "jo@example.com <jo@example.com>", "Marco Diaz <marco@example.com>"}
	if !reflect.DeepEqual(contacts, wantContacts) {
		t.Errorf("Parse(dispatch).Catalog.People = %q; want %q", contacts, wantContacts)
	}
}

func TestDispatchBundleMembers(t *testing.T) {
	tests := []struct {
		names []string
		want  []string
	}{
		{[]string{"event.csv", "incident.csv", "participant.csv", "ticket.csv"}, []string{"incident.csv", "participant.csv", "event.csv"}},
		{[]string{"incident.csv", "task.csv"}, nil},
		{[]string{"participant.csv"}, nil},
	}
	for _, tt := range tests {
		if got := dispatchBundle(tt.names); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("dispatchBundle(%q) = %q; want %q", tt.names, got, tt.want)
		}
	}
}

func TestDispatchBadTable(t *testing.T) {
	archive := "-- incident.csv --\nid,name,title\n1,x,First\n-- participant.csv --\njust one column\n"
	_, err := parseDispatch(NewDocument("/in/export", "export", []byte(archive)))
	if err == nil || !strings.HasPrefix(err.Error(), "participant.csv: ") {
		t.Errorf("Parse(bad participant.csv) error = %v; want one naming participant.csv", err)
	}
}
