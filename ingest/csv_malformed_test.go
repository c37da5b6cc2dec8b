package ingest

import (
	"strings"
	"testing"
)

// malformedCSV are inputs no CSV importer may panic on; each either parses or fails with a
// reason.
var malformedCSV = []string{
	"",
	"\ufeff",
	"id,title,date\n",
	"id,title,date\n,,\n,,\n",
	"id,title,date\n1,x,not a date\n2,y,2024-13-45\n3,z,31/02/2024\n",
	"id,title,date,duration\n1,x,2024-01-01,-5\n2,y,2024-01-01,forever\n3,z,2024-01-01,99999999999999999999\n",
	"id,title,date\n\"1,x,2024-01-01\n",
	"id,title,date\n1,\"x\"y,2024-01-01\n",
	"id,title,date\n1,x,2024-01-01,extra,cells\n",
	"id,id,title,title,date\n1,2,x,y,2024-01-01\n",
	"id,title,date\r1,x,2024-01-01\r2,y,2024-01-02\r",
	"\x00\x01\x02,\x03\n",
	`{"id": "x", "title": "y"}`,
	"Issue key,Summary\n",
	"Issue key,Summary,Labels,Outward issue link (Relates)\nOPS-1,,postmortem-,\n",
	"Issue key,Summary,Due Date,Resolved\nOPS-1,x,32/Foo/99,yesterday\n",
	"-- incident.csv --\n",
	"-- incident.csv --\nid,name\n-- participant.csv --\n",
	"-- incident.csv --\nid,name,reported_at,incident_severity_id\n1,a,garbage,99\n-- participant.csv --\nid,incident_id,individual_contact_id\n1,1,404\n",
	"-- incident.csv --\nid,name,title\n\\N,\\N,\\N\n-- participant.csv --\nid,incident_id\n",
	"title,date\n" + strings.Repeat("x", 1<<16) + ",2024-01-01\n",
}

func TestCSVMalformedInputs(t *testing.T) {
	for _, f := range csvFormats {
		for _, in := range malformedCSV {
			res, err := parseResultNoPanic(f, NewDocument("/in/bad.csv", "bad.csv", []byte(in)))
			if err != nil && strings.HasPrefix(err.Error(), "panic") {
				t.Errorf("%s.Parse(%.40q) panicked: %v", f.Name, in, err)
			}
			for _, r := range res.Reviews {
				if verr := r.Validate(); verr != nil {
					t.Errorf("%s.Parse(%.40q) gave an invalid review: %v", f.Name, in, verr)
				}
			}
			func() {
				defer func() {
					if p := recover(); p != nil {
						t.Errorf("%s.Sniff(%.40q) panicked: %v", f.Name, in, p)
					}
				}()
				f.Sniff([]byte(in))
			}()
		}
	}
}

func TestCSVMalformedErrors(t *testing.T) {
	tests := []struct {
		format Format
		in     string
		want   string
	}{
		{trackerFormat, "", "no header row"},
		{trackerFormat, "id,title\n1,\"x\"y\n", "line 2: "},
		{jiraCSVFormat, "Summary,Status\nx,Open\n", `no "Issue key" column`},
		{dispatchFormat, "-- participant.csv --\nid,incident_id\n1,1\n", "no incident.csv table"},
	}
	for _, tt := range tests {
		_, err := tt.format.Parse(NewDocument("/in/bad.csv", "bad.csv", []byte(tt.in)))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s.Parse(%q) error = %v; want one containing %q", tt.format.Name, tt.in, err, tt.want)
		}
	}
}

// FuzzTracker feeds arbitrary bytes to the tracker sniff and parser; neither may panic, and
// every review must be valid.
func FuzzTracker(f *testing.F) {
	for _, in := range malformedCSV {
		f.Add([]byte(in))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		trackerFormat.Sniff(data)
		res, err := trackerFormat.Parse(NewDocument("/in/f.csv", "f.csv", data))
		if err != nil && err.Error() == "" {
			t.Errorf("Parse(%q) error has no message", data)
		}
		for _, r := range res.Reviews {
			if err := r.Validate(); err != nil {
				t.Errorf("Parse(%q) gave an invalid review: %v", data, err)
			}
		}
	})
}
