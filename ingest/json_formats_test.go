package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/metamortem/metamortem"
)

// readJSONTestdata detects and parses one document of testdata/json, failing the test when it
// is not detected as want or does not parse.
func readJSONTestdata(t *testing.T, name, want string) Result {
	t.Helper()
	p := filepath.Join("testdata", "json", name)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	f, ok := Detect(p, data)
	if !ok || f.Name != want {
		t.Fatalf("Detect(%q) = %q, %v; want %q", name, f.Name, ok, want)
	}
	res, err := f.Parse(NewDocument(p, name, data))
	if err != nil {
		t.Fatalf("Parse(%q): %v", name, err)
	}
	return res
}

// field is one expectation about a parsed review.
type field struct {
	name      string
	got, want any
}

func checkFields(t *testing.T, doc string, fields []field) {
	t.Helper()
	for _, f := range fields {
		if !reflect.DeepEqual(f.got, f.want) {
			t.Errorf("%s: %s = %#v; want %#v", doc, f.name, f.got, f.want)
		}
	}
}

// actionLines renders actions as "text | owner | status | due | ticket".
func actionLines(actions []metamortem.Action) []string {
	var out []string
	for _, a := range actions {
		due := ""
		if a.Due != nil {
			due = a.Due.Format("2006-01-02")
		}
		out = append(out, strings.Join([]string{a.Text, a.Owner, string(a.Status), due, a.Ticket}, " | "))
	}
	return out
}

// timelineLines renders a timeline as "time actor: text".
func timelineLines(r metamortem.Review) []string {
	var out []string
	for _, e := range r.Timeline {
		out = append(out, fmt.Sprintf("%s %s: %s", fmtTime(e.At), e.Actor, e.Text))
	}
	return out
}

func TestStatuspage(t *testing.T) {
	res := readJSONTestdata(t, "statuspage.json", "statuspage")
	if len(res.Reviews) != 2 {
		t.Fatalf("statuspage.json: %d reviews; want 2", len(res.Reviews))
	}
	r := res.Reviews[0]
	checkFields(t, "statuspage.json", []field{
		{"id", r.ID, "statuspage-k7m2x9"},
		{"title", r.Title, "Checkout errors for EU customers"},
		{"severity", r.Severity, "major"},
		{"started", fmtTime(r.StartedAt), "2024-03-04T07:55:00Z"},
		{"detected", fmtTime(r.DetectedAt), "2024-03-04T08:12:00Z"},
		{"mitigated (first monitoring update)", fmtTime(r.MitigatedAt), "2024-03-04T09:05:00Z"},
		{"resolved", fmtTime(r.ResolvedAt), "2024-03-04T09:40:00Z"},
		{"reviewed", fmtTime(r.ReviewedAt), "2024-03-06T15:00:00Z"},
		{"components", r.Components, []string{"checkout api", "payments"}},
		{"factors", factorTexts(r), []string{"A connection pool limit was lowered by a configuration change."}},
		{"actions", actionLines(r.Actions), []string{
			"Alert on pool saturation |  | unknown |  | ",
			"Review configuration changes before rollout |  | done |  | ",
		}},
		{"timeline", timelineLines(r), []string{
			"2024-03-04T08:12:00Z : Investigating: We are investigating elevated errors at checkout.",
			"2024-03-04T09:05:00Z : Monitoring: A fix has been deployed and we are monitoring the results.",
			"2024-03-04T09:40:00Z : Resolved: Error rates are back to normal.",
		}},
		{"summary", r.Sections[kindSummary], "Error rates are back to normal."},
	})
	m := res.Reviews[1]
	checkFields(t, "statuspage.json maintenance", []field{
		{"id", m.ID, "statuspage-z1z1z1"},
		{"resolved (completed update)", fmtTime(m.ResolvedAt), "2024-02-03T03:00:00Z"},
		{"tags", m.Tags, []string{"statuspage", "maintenance"}},
		{"mitigated", fmtTime(m.MitigatedAt), "nil"},
	})
}

func TestGCPStatus(t *testing.T) {
	res := readJSONTestdata(t, "gcp-status.json", "gcp-status")
	if len(res.Reviews) != 1 {
		t.Fatalf("gcp-status.json: %d reviews; want 1", len(res.Reviews))
	}
	r := res.Reviews[0]
	checkFields(t, "gcp-status.json", []field{
		{"id", r.ID, "gcp-Qw3rTy9"},
		{"title", r.Title, "Cloud Widgets: elevated error rates in europe-west9"},
		{"severity", r.Severity, "medium"},
		{"rank", *r.SeverityRank, 3},
		{"started", fmtTime(r.StartedAt), "2023-05-10T14:00:00Z"},
		{"resolved", fmtTime(r.ResolvedAt), "2023-05-10T16:30:00Z"},
		{"components", r.Components, []string{"cloud widgets", "widget console"}},
		{"tags", r.Tags, []string{"gcp", "service disruption"}},
		{"factors", factorTexts(r), []string{"A quota service rejected valid requests after a schema change."}},
		{"actions", actionLines(r.Actions), []string{
			"Add a canary for quota schema changes. |  | unknown |  | ",
			"Alert on quota rejection rates. |  | unknown |  | ",
		}},
		{"resolution", r.Sections[kindResolution], "Engineers rolled back the schema change at 16:10."},
		{"summary", r.Sections[kindSummary], "Cloud Widgets returned errors for two hours."},
		{"timeline", timelineLines(r), []string{
			"2023-05-10T14:20:00Z : Summary: Cloud Widgets errors We are investigating.",
			"2023-05-10T16:30:00Z : The issue with Cloud Widgets has been resolved.",
			"2023-05-12T09:00:00Z : Incident Report",
		}},
	})
}

func TestAWSHealth(t *testing.T) {
	res := readJSONTestdata(t, "aws-health.json", "aws-health")
	if len(res.Reviews) != 2 {
		t.Fatalf("aws-health.json: %d reviews; want 2", len(res.Reviews))
	}
	r := res.Reviews[0]
	checkFields(t, "aws-health.json", []field{
		{"id", r.ID, "aws-widgets-us-west-2-20231115T070000"},
		{"title", r.Title, "Increased API Errors"},
		{"severity", r.Severity, "performance issues"},
		{"rank", *r.SeverityRank, 3},
		{"components", r.Components, []string{"amazon widget service"}},
		{"tags", r.Tags, []string{"aws", "oregon"}},
		{"started", fmtTime(r.StartedAt), "2023-11-15T07:00:00Z"},
		{"resolved (last update of a resolved event)", fmtTime(r.ResolvedAt), "2023-11-15T08:30:00Z"},
		{"timeline (12:30 AM rolls over to the next day)", timelineLines(r), []string{
			"2023-11-15T07:00:00Z : We are investigating increased API errors in the US-WEST-2 Region.",
			"2023-11-15T08:30:00Z : Between 10:40 PM and 12:20 AM PST we saw errors & timeouts. The issue has been resolved.",
		}},
	})
	r = res.Reviews[1]
	checkFields(t, "aws-health.json informational", []field{
		{"severity", r.Severity, "informational"},
		{"resolved (not marked resolved)", fmtTime(r.ResolvedAt), "nil"},
		{"timeline (dated stamp)", timelineLines(r), []string{"2023-11-16T10:00:00Z : Some users may see slow page loads."}},
	})
}

func TestCloudIncidents(t *testing.T) {
	res := readJSONTestdata(t, "cloud-incidents.json", "cloud-incidents")
	if len(res.Reviews) != 2 {
		t.Fatalf("cloud-incidents.json: %d reviews; want 2", len(res.Reviews))
	}
	r := res.Reviews[0]
	checkFields(t, "cloud-incidents.json azure", []field{
		{"id", r.ID, "azure-AB12-CD3"},
		{"title", r.Title, "Storage – Failures in West Europe"},
		{"components (placeholder dropped)", r.Components, []string{"azure storage"}},
		{"tags", r.Tags, []string{"azure", "storage"}},
		{"factors", factorTexts(r), []string{"A certificate used by the front ends expired because the rotation job had been disabled."}},
		{"actions", actionLines(r.Actions), []string{
			"We have re-enabled the rotation job |  | done |  | ",
			"We are adding alerts on certificate expiry (Estimated completion: June 2025). |  | open |  | ",
		}},
		{"summary", r.Sections[kindSummary], "Between 08:00 and 10:15 UTC on 3 March 2025, customers saw storage failures in West Europe."},
		{"resolution", r.Sections[kindResolution], "We rotated the certificate manually at 10:05 UTC."},
		{"timeline", timelineLines(r), []string{
			"2025-03-03T08:00:00Z : Customer impact began.",
			"2025-03-03T10:15:00Z : Service restored.",
		}},
	})
	r = res.Reviews[1]
	checkFields(t, "cloud-incidents.json aws", []field{
		{"id", r.ID, "aws-EC2_ISSUE_1"},
		{"resolved (null)", fmtTime(r.ResolvedAt), "nil"},
		{"summary", r.Sections[kindSummary], "We saw increased launch failures."},
		{"factors", len(r.Factors), 0},
	})
}
