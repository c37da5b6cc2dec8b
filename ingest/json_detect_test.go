package ingest

import (
	"fmt"
	"strings"
	"testing"
)

// TestJSONDetect checks that each JSON shape is claimed by its own importer only, whatever the
// file name, and that neighbouring shapes are not claimed.
func TestJSONDetect(t *testing.T) {
	canonical := `{"id":"r1","title":"x","kind":"incident","severity":null,"severity_rank":null,"started_at":null,"detected_at":null,"mitigated_at":null,"resolved_at":null,"reviewed_at":null,"components":[],"tags":[],"people":[],"factors":[],"actions":[],"timeline":[],"sections":{},"source":{"path":null,"format":null,"sha256":null}}`
	tests := []struct {
		name, path, data, want string
	}{
		{"canonical JSONL", "export.json", canonical + "\n" + canonical + "\n", "jsonl"},
		{"statuspage", "feed.txt", `{"page":{"id":"p"},"incidents":[{"id":"a","name":"n","impact":"minor","incident_updates":[]}]}`, "statuspage"},
		{"statuspage bare array with BOM", "x", "\xef\xbb\xbf" + `[{"id":"a","name":"n","incident_updates":[]}]`, "statuspage"},
		{"statuspage one incident", "x.json", `{"incident":{"id":"a","name":"n","incident_updates":[]}}`, "statuspage"},
		{"gcp status", "incidents.json", `[{"id":"a","begin":"2022-01-01T00:00:00Z","external_desc":"d","updates":[]}]`, "gcp-status"},
		{"aws archive", "data.json", `{"archive":[{"service_name":"s","summary":"x","date":"1624564393","status":"1","description":"","service":"ec2"}],"current":[]}`, "aws-health"},
		{"normalised cloud", "aws.json", `[{"id":"aws-1","provider":"aws","title":"t","startedAt":"2025-01-01T00:00:00Z","affectedServices":[]}]`, "cloud-incidents"},
		{"normalised cloud JSON Lines", "aws.jsonl", `{"id":"aws-1","provider":"aws","title":"t","startedAt":"2025-01-01T00:00:00Z","affectedServices":[]}` + "\n", "cloud-incidents"},
		{"jira issue", "response.json", `{"id":"1","key":"OPS-1","fields":{"summary":"s"}}`, "jira"},
		{"jira search", "search.json", `{"startAt":0,"issues":[{"key":"OPS-1","fields":{}}]}`, "jira"},
		{"incident.io incidents", "x.json", `{"incidents":[{"id":"01","reference":"INC-1","name":"n","incident_status":{"category":"closed"}}]}`, "incident-io"},
		{"incident.io follow-ups", "x.json", `{"follow_ups":[{"id":"f","incident_id":"01","title":"t","status":"outstanding"}]}`, "incident-io"},
		{"pagerduty incidents", "x.json", `{"incidents":[{"id":"P1","incident_number":1,"title":"t","urgency":"high"}],"limit":25}`, "pagerduty"},
		{"pagerduty one incident", "x.json", `{"incident":{"id":"P1","incident_number":1,"title":"t"}}`, "pagerduty"},
		{"pagerduty log entries", "x.json", `{"log_entries":[{"id":"L","type":"trigger_log_entry","incident":{"id":"P1"}}]}`, "pagerduty"},
		{"statuspage cut short after its first incident", "x.json", `{"incidents":[{"id":"a","name":"n","incident_updates":[]},{"id":"b","na`, "statuspage"},
		{"service map is no incident feed", "service-map.json", `{"aws":{"Amazon EC2":"compute"},"azure":{"Virtual Machines":"compute"}}`, ""},
		{"owners JSON is not claimed", "owners.json", `[{"component":"payments","team":"billing"}]`, ""},
		{"empty array", "x.json", `[]`, ""},
		{"package.json", "package.json", `{"name":"x","version":"1.0.0","dependencies":{}}`, ""},
	}
	for _, tc := range tests {
		f, ok := Detect(tc.path, []byte(tc.data))
		got := ""
		if ok {
			got = f.Name
		}
		if got != tc.want {
			t.Errorf("Detect(%s: %q) = %q; want %q", tc.name, clip(tc.data, 60), got, tc.want)
		}
	}
}

// TestJSONMalformed feeds every JSON importer damaged and odd documents: it must return an error
// or a result, never panic, and errors on damaged JSON must name the line.
func TestJSONMalformed(t *testing.T) {
	inputs := []struct {
		name, data string
		wantErr    string // a substring of the error; "" when any outcome but a panic is fine
	}{
		{"empty", "", "empty"},
		{"only a BOM", "\xef\xbb\xbf", "empty"},
		{"truncated", "{\n\"incidents\": [\n{\"id\": \"a\",\n\"name\": ", "line "},
		{"truncated array", "[\n{\"id\": \"a\"},\n{\"id\"", "line 3"},
		{"not JSON", "hello: world", "line 1"},
		{"scalar", `42`, ""},
		{"null", `null`, ""},
		{"string", `"incidents"`, ""},
		{"empty arrays", `{"incidents": [], "issues": [], "follow_ups": [], "log_entries": [], "archive": [], "current": []}`, ""},
		{"wrapper not a list", `{"incidents": 5, "issues": "x"}`, ""},
		{"wrong types", `{"incidents": [{"id": {"a": 1}, "name": ["x"], "incident_updates": "no", "incident_number": true, "reference": 7}]}`, ""},
		{"record is a number", `{"incidents": [1, 2], "issues": [3]}`, ""},
		{"array of scalars", `[1, "a", null]`, ""},
		{"invalid dates", `[{"id":"x","provider":"aws","title":"t","startedAt":"yesterday","resolvedAt":"2025-13-45T99:00:00Z","begin":"soon","external_desc":"d","affectedServices":[{"serviceName":null}],"updates":[{"timestamp":12,"message":null}]}]`, ""},
		{"null fields", `{"key":"OPS-1","fields":{"summary":null,"status":null,"assignee":null,"labels":null,"issuelinks":[{"type":null,"inwardIssue":null}],"description":null}}`, ""},
		{"deep nesting", strings.Repeat("[", 5000) + strings.Repeat("]", 5000), ""},
		{"aws html garbage", `{"archive":[{"service_name":"(","summary":"[","date":"x","status":9,"description":"<div><span>99:99 QM</span><div></span>","service":null}]}`, ""},
		{"report text garbage", `[{"id":"x","begin":"2022-01-01T00:00:00Z","external_desc":"d","updates":[{"text":"# Incident Report\n**\n**Remediation and Prevention:**\nthe following actions: - \n## \\#\n**Root Cause**"}]}]`, ""},
	}
	for _, f := range jsonFormats {
		for _, in := range inputs {
			doc := NewDocument("bad.json", "bad.json", []byte(in.data))
			res, err := parseResultNoPanic(f, doc)
			if err != nil && strings.HasPrefix(err.Error(), "panic") {
				t.Errorf("%s.Parse(%s) panicked: %v", f.Name, in.name, err)
				continue
			}
			if in.wantErr != "" && (err == nil || !strings.Contains(err.Error(), in.wantErr)) {
				t.Errorf("%s.Parse(%s) error = %v; want one containing %q", f.Name, in.name, err, in.wantErr)
			}
			for _, r := range append(res.Reviews, res.Fragments...) {
				if r.ID == "" {
					t.Errorf("%s.Parse(%s) gave a review without an ID", f.Name, in.name)
				}
			}
		}
		if !f.Sniff(nil) && f.Sniff([]byte("")) {
			t.Errorf("%s.Sniff(empty) = true; want false", f.Name)
		}
	}
}

func TestJSONErrorLine(t *testing.T) {
	data := "[\n{\"id\": \"a\", \"provider\": \"aws\"},\n{\"id\": \"b\" \"provider\": 1}\n]"
	_, err := cloudIncidentsFormat.Parse(NewDocument("x.json", "x.json", []byte(data)))
	if err == nil || !strings.HasPrefix(err.Error(), "line 3: ") {
		t.Errorf("Parse(%q) error = %v; want one starting with %q", data, err, "line 3: ")
	}
}

func TestReadTime(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2024-03-04T09:12:00.000+01:00", "2024-03-04T08:12:00Z"},
		{"2013-05-22T21:31:32.765+0000", "2013-05-22T21:31:32Z"},
		{"2024-04-01", "2024-04-01T00:00:00Z"},
		{"1624564393", "2021-06-24T19:53:13Z"},
		{"1624564393000", "2021-06-24T19:53:13Z"},
		{"2022-07-01T13:37:44+00:00", "2022-07-01T13:37:44Z"},
		{"yesterday", "nil"},
		{"42", "nil"},
		{"", "nil"},
	}
	for _, tc := range tests {
		got := "nil"
		if tm, ok := readTime(tc.in); ok {
			got = fmtTime(&tm)
		}
		if got != tc.want {
			t.Errorf("readTime(%q) = %s; want %s", tc.in, got, tc.want)
		}
	}
}

func TestReportKind(t *testing.T) {
	tests := []struct{ in, want string }{
		{"# Incident Report\n## Summary", "full"},
		{"## \\# Mini Incident Report\nWe apologize", "mini"},
		{"# Preliminary Incident Report", "preliminary"},
		{"**INCIDENT REPORT**\n**Summary:**", "full"},
		{"The incident report will follow.", ""},
	}
	for _, tc := range tests {
		if got := reportKind(tc.in); got != tc.want {
			t.Errorf("reportKind(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func TestSplitRemediation(t *testing.T) {
	text := "# Incident Report\n**Remediation and Prevention:**\nEngineers were alerted at 09:00 and rolled back the change.\n" +
		"We will add a canary stage to the rollout.\nGoogle is committed to improving our service and apologizes.\n**Detailed Description of Impact:**\nErrors."
	rep := readReport(text)
	got := fmt.Sprint(actionLines(rep.actions), " / ", rep.sections[kindResolution])
	want := "[We will add a canary stage to the rollout. |  | unknown |  | ] / Engineers were alerted at 09:00 and rolled back the change.\n\nGoogle is committed to improving our service and apologizes."
	if got != want {
		t.Errorf("readReport(remediation without an intro) = %q; want %q", got, want)
	}
}
