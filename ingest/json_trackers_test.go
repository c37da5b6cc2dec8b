package ingest

import (
	"errors"
	"testing"

	"github.com/metamortem/metamortem"
)

func TestJira(t *testing.T) {
	res := readJSONTestdata(t, "jira-search.json", "jira")
	if len(res.Reviews) != 0 {
		t.Errorf("jira-search.json: %d reviews; want none (issues are fragments)", len(res.Reviews))
	}
	got := map[string][]string{}
	var order []string
	for _, f := range res.Fragments {
		order = append(order, f.ID)
		got[f.ID] = actionLines(f.Actions)
	}
	checkFields(t, "jira-search.json", []field{
		{"fragment ids", order, []string{"INC-42", "PM-7", "INC-43", "PM2021-005"}},
		{"INC-42 (label, then id in a summary)", got["INC-42"], []string{
			"Add alert on queue depth | Ana Lima | done | 2024-04-01 | OPS-11",
			"Document the failover (from INC-42) | Bo Chen | open | 2024-05-15 | OPS-13",
		}},
		{"PM-7 (link to a postmortem issue, Won't Do)", got["PM-7"], []string{"Rewrite the scheduler |  | wontfix |  | OPS-12"}},
		{"INC-43 (incident: label)", got["INC-43"], []string{"Document the failover (from INC-42) | Bo Chen | open | 2024-05-15 | OPS-13"}},
		{"PM2021-005 (id in an ADF description)", got["PM2021-005"], []string{"Document the failover (from INC-42) | Bo Chen | open | 2024-05-15 | OPS-13"}},
		{"INC-42 people", res.Fragments[0].People, []metamortem.Person{{Name: "Ana Lima", Role: metamortem.RoleOwner}, {Name: "Bo Chen", Role: metamortem.RoleOwner}}},
	})
}

func TestJiraNoReviewLinks(t *testing.T) {
	doc := NewDocument("issue.json", "issue.json", []byte(`{"key": "OPS-9", "fields": {"summary": "Upgrade the linter", "labels": ["tooling"], "issuelinks": []}}`))
	_, err := jiraFormat.Parse(doc)
	if !errors.Is(err, errNoReviewLinks) {
		t.Errorf("Parse(issue without links) error = %v; want %v", err, errNoReviewLinks)
	}
}

func TestIncidentIO(t *testing.T) {
	res := readJSONTestdata(t, "incident-io.json", "incident-io")
	if len(res.Reviews) != 1 {
		t.Fatalf("incident-io.json: %d reviews; want 1", len(res.Reviews))
	}
	r := res.Reviews[0]
	checkFields(t, "incident-io.json", []field{
		{"id", r.ID, "INC-42"},
		{"title", r.Title, "Login failures"},
		{"severity", r.Severity, "Major"},
		{"rank", *r.SeverityRank, 2},
		{"started (impact started)", fmtTime(r.StartedAt), "2024-06-01T11:58:00Z"},
		{"detected (created)", fmtTime(r.DetectedAt), "2024-06-01T12:05:00Z"},
		{"mitigated (fixed)", fmtTime(r.MitigatedAt), "2024-06-01T12:20:00Z"},
		{"resolved", fmtTime(r.ResolvedAt), "2024-06-01T12:30:00Z"},
		{"components", r.Components, []string{"auth-api", "web"}},
		{"tags", r.Tags, []string{"product", "customer-facing"}},
		{"people", r.People, []metamortem.Person{{Name: "Kim Park", Role: metamortem.RoleLead}, {Name: "Lee Wong", Role: metamortem.RoleResponder}}},
		{"actions (deleted follow-up dropped)", actionLines(r.Actions), []string{"Add login canary | Kim Park | done |  | AUTH-9"}},
		{"summary", r.Sections[kindSummary], "Users could not log in for 20 minutes."},
	})
	if len(res.Fragments) != 1 {
		t.Fatalf("incident-io.json: %d fragments; want 1", len(res.Fragments))
	}
	checkFields(t, "incident-io.json fragment", []field{
		{"id", res.Fragments[0].ID, "incident-io-01HXYZ"},
		{"actions", actionLines(res.Fragments[0].Actions), []string{"Rotate keys |  | wontfix |  | "}},
	})
}

func TestPagerDuty(t *testing.T) {
	res := readJSONTestdata(t, "pagerduty.json", "pagerduty")
	if len(res.Reviews) != 2 {
		t.Fatalf("pagerduty.json: %d reviews; want 2", len(res.Reviews))
	}
	r := res.Reviews[0]
	checkFields(t, "pagerduty.json", []field{
		{"id", r.ID, "pagerduty-PQ1R2S3"},
		{"title", r.Title, "Disk full on db-3"},
		{"severity (priority)", r.Severity, "P2"},
		{"started", fmtTime(r.StartedAt), "2024-07-01T02:00:00Z"},
		{"resolved (last status change of a resolved incident)", fmtTime(r.ResolvedAt), "2024-07-01T03:10:00Z"},
		{"components", r.Components, []string{"orders db"}},
		{"tags", r.Tags, []string{"data platform"}},
		{"people", r.People, []metamortem.Person{{Name: "Sam Ruiz", Role: metamortem.RoleResponder}}},
		{"timeline (a service is no actor)", timelineLines(r), []string{
			"2024-07-01T02:00:00Z : Triggered through the API",
			"2024-07-01T03:10:00Z Sam Ruiz: Resolved by Sam Ruiz",
		}},
		{"summary (same as the title)", r.Sections[kindSummary], ""},
	})
	r = res.Reviews[1]
	checkFields(t, "pagerduty.json triggered", []field{
		{"severity (urgency)", r.Severity, "low"},
		{"resolved", fmtTime(r.ResolvedAt), "nil"},
	})
	if len(res.Fragments) != 1 || res.Fragments[0].ID != "pagerduty-POTHER" {
		t.Fatalf("pagerduty.json fragments = %+v; want one for pagerduty-POTHER", res.Fragments)
	}
	checkFields(t, "pagerduty.json fragment", []field{
		{"timeline", timelineLines(res.Fragments[0]), []string{"2024-06-30T01:00:00Z Ida Berg: Note added"}},
	})
}
