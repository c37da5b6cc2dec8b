package ingest

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/metamortem/metamortem"
)

// The samples below are written for these tests in the shapes real reviews take; they quote no
// real review.

func parseOne(t *testing.T, rel, src string) metamortem.Review {
	t.Helper()
	reviews, err := parseMarkdown(NewDocument("/reviews/"+rel, rel, []byte(src)))
	if err != nil {
		t.Fatalf("Parse(%q) error: %v", rel, err)
	}
	if len(reviews) != 1 {
		t.Fatalf("Parse(%q) = %d reviews; want 1", rel, len(reviews))
	}
	return reviews[0]
}

func ts(s string) *time.Time {
	if s == "" {
		return nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return &t
}

func fmtTime(t *time.Time) string {
	if t == nil {
		return "nil"
	}
	return t.UTC().Format(time.RFC3339)
}

func checkTimes(t *testing.T, name string, r metamortem.Review, started, detected, mitigated, resolved, reviewed string) {
	t.Helper()
	for _, c := range []struct {
		field string
		got   *time.Time
		want  string
	}{
		{"StartedAt", r.StartedAt, started}, {"DetectedAt", r.DetectedAt, detected},
		{"MitigatedAt", r.MitigatedAt, mitigated}, {"ResolvedAt", r.ResolvedAt, resolved},
		{"ReviewedAt", r.ReviewedAt, reviewed},
	} {
		if got, want := fmtTime(c.got), fmtTime(ts(c.want)); got != want {
			t.Errorf("Parse(%q).%s = %s; want %s", name, c.field, got, want)
		}
	}
}

func texts[T any](items []T, text func(T) string) []string {
	var out []string
	for _, it := range items {
		out = append(out, text(it))
	}
	return out
}

func factorTexts(r metamortem.Review) []string {
	return texts(r.Factors, func(f metamortem.Factor) string { return f.Text })
}

func eventTimes(r metamortem.Review) []string {
	return texts(r.Timeline, func(e metamortem.TimelineEvent) string { return fmtTime(e.At) + " " + e.Text })
}

func TestFrontMatter(t *testing.T) {
	src := `---
id: 0123
title: Checkout latency spike
severity: SEV2
start_time: 2024-03-05T10:00:00Z
end_time: 2024-03-05T11:30:00Z
reviewed: 2024-03-08
components: [checkout, payments]
categories:
  - Config-Change
  - cloud
keywords: [latency, Cloud]
authors:
  - Dana Ruiz
---

Checkout requests slowed down after a configuration push.
`
	r := parseOne(t, "a1b2c3d4-0000-4000-8000-000000000001.md", src)
	if r.ID != "0123" {
		t.Errorf("Parse(front matter).ID = %q; want %q", r.ID, "0123")
	}
	if r.Title != "Checkout latency spike" {
		t.Errorf("Parse(front matter).Title = %q; want %q", r.Title, "Checkout latency spike")
	}
	if r.Severity != "SEV2" || r.SeverityRank == nil || *r.SeverityRank != 2 {
		t.Errorf("Parse(front matter) severity = %q, %v; want SEV2, 2", r.Severity, r.SeverityRank)
	}
	checkTimes(t, "front matter", r, "2024-03-05T10:00:00Z", "", "", "2024-03-05T11:30:00Z", "2024-03-08T00:00:00Z")
	if want := []string{"checkout", "payments"}; !reflect.DeepEqual(r.Components, want) {
		t.Errorf("Parse(front matter).Components = %q; want %q", r.Components, want)
	}
	if want := []string{"config-change", "cloud", "latency"}; !reflect.DeepEqual(r.Tags, want) {
		t.Errorf("Parse(front matter).Tags = %q; want %q", r.Tags, want)
	}
	if want := []metamortem.Person{{Name: "Dana Ruiz", Role: metamortem.RoleAuthor}}; !reflect.DeepEqual(r.People, want) {
		t.Errorf("Parse(front matter).People = %v; want %v", r.People, want)
	}
	if got, want := r.Sections["summary"], "Checkout requests slowed down after a configuration push."; got != want {
		t.Errorf("Parse(front matter).Sections[summary] = %q; want %q", got, want)
	}
	if r.Source != (metamortem.Source{Path: "/reviews/a1b2c3d4-0000-4000-8000-000000000001.md", Format: "markdown", SHA256: NewDocument("", "", []byte(src)).SHA256}) {
		t.Errorf("Parse(front matter).Source = %+v", r.Source)
	}
}

func TestFrontMatterScalarsAsWritten(t *testing.T) {
	for _, tt := range []struct{ src, wantID, wantTitle string }{
		{"---\nid: NO\ntitle: yes\n---\nBody text.\n", "NO", "yes"},
		{"---\nuuid: 1e3\n---\n# Cache outage\n", "1e3", "Cache outage"},
		{"---\nkey: 007\ntitle: ~\n---\n# Queue stall\n", "007", "Queue stall"},
	} {
		r := parseOne(t, "x.md", tt.src)
		if r.ID != tt.wantID || r.Title != tt.wantTitle {
			t.Errorf("Parse(%q) = ID %q, title %q; want %q, %q", tt.src, r.ID, r.Title, tt.wantID, tt.wantTitle)
		}
	}
}

func TestFrontMatterErrors(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"---\ntitle: ok\n\tbad: tab\n---\n# T\n", "front matter line 3"},
		{"---\ntitle: a\n  nested: b: c\n---\n", "front matter line 3"},
	} {
		_, err := parseMarkdown(NewDocument("x.md", "x.md", []byte(tt.src)))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("Parse(%q) error = %v; want prefix %q", tt.src, err, tt.want)
		}
	}
	// A thematic break at the top is no front matter.
	r := parseOne(t, "rule.md", "---\nJust a rule above this line.\n\n---\n\n# Disk full\n")
	if r.Title != "Disk full" {
		t.Errorf("Parse(rule at top).Title = %q; want %q", r.Title, "Disk full")
	}
}

func TestBoldKeyValuesAndBulletTimeline(t *testing.T) {
	src := `# Search outage

**Severity:** Critical

**Date:** March 3, 2024

**Services:** search-api, indexer

**Incident Commander:** Priya Nair

## Summary

Search returned errors for most users.

## Timeline (all times PST)

- **09:00 PST** - Deploy of indexer v2 begins
- **09:12** - Alert fired for elevated 5xx
- **09:40** - Rolled back, errors mitigated
- **10:05** - Service fully restored

## Root Cause

- Index schema change was **not** backwards compatible
- Canary checks did not cover [search queries](https://example.com/canary)

## Action Items

- [x] Add schema compatibility test (SRCH-101)
- [ ] Extend canary to search queries. Owner: @lee due 2024-04-01
- ~~Rewrite indexer in another language~~ (won't fix)
- Review paging policy (Ana Lima) https://github.com/example/ops/issues/42
`
	r := parseOne(t, "search.md", src)
	if r.Title != "Search outage" || r.Severity != "Critical" || r.SeverityRank == nil || *r.SeverityRank != 1 {
		t.Errorf("Parse(search) = title %q, severity %q (%v); want Search outage, Critical (1)", r.Title, r.Severity, r.SeverityRank)
	}
	if want := []string{"search-api", "indexer"}; !reflect.DeepEqual(r.Components, want) {
		t.Errorf("Parse(search).Components = %q; want %q", r.Components, want)
	}
	checkTimes(t, "search", r, "2024-03-03T17:00:00Z", "2024-03-03T17:12:00Z", "2024-03-03T17:40:00Z", "2024-03-03T18:05:00Z", "")
	wantTL := []string{
		"2024-03-03T17:00:00Z Deploy of indexer v2 begins",
		"2024-03-03T17:12:00Z Alert fired for elevated 5xx",
		"2024-03-03T17:40:00Z Rolled back, errors mitigated",
		"2024-03-03T18:05:00Z Service fully restored",
	}
	if got := eventTimes(r); !reflect.DeepEqual(got, wantTL) {
		t.Errorf("Parse(search).Timeline = %q; want %q", got, wantTL)
	}
	if want := []string{"Index schema change was not backwards compatible", "Canary checks did not cover search queries"}; !reflect.DeepEqual(factorTexts(r), want) {
		t.Errorf("Parse(search).Factors = %q; want %q", factorTexts(r), want)
	}
	due := ts("2024-04-01T00:00:00Z")
	wantActions := []metamortem.Action{
		{Text: "Add schema compatibility test", Status: metamortem.ActionDone, Ticket: "SRCH-101"},
		{Text: "Extend canary to search queries.", Owner: "@lee", Status: metamortem.ActionOpen, Due: due},
		{Text: "Rewrite indexer in another language", Status: metamortem.ActionWontFix},
		{Text: "Review paging policy", Owner: "Ana Lima", Status: metamortem.ActionUnknown, Ticket: "https://github.com/example/ops/issues/42"},
	}
	if !reflect.DeepEqual(r.Actions, wantActions) {
		t.Errorf("Parse(search).Actions =\n%+v\nwant\n%+v", r.Actions, wantActions)
	}
	wantPeople := []metamortem.Person{
		{Name: "Priya Nair", Role: metamortem.RoleLead},
		{Name: "@lee", Role: metamortem.RoleOwner},
		{Name: "Ana Lima", Role: metamortem.RoleOwner},
	}
	if !reflect.DeepEqual(r.People, wantPeople) {
		t.Errorf("Parse(search).People = %v; want %v", r.People, wantPeople)
	}
	if r.Sections["summary"] != "Search returned errors for most users." || r.Sections["factors"] == "" || r.Sections["actions"] == "" {
		t.Errorf("Parse(search).Sections = %q", r.Sections)
	}
}

func TestTableTimelineStatsAndInitials(t *testing.T) {
	src := `# All ingress returning 503

## Summary

Every service behind the ingress answered 503 for a few minutes.

## Timeline

All times in CET.

| Time             | Event                              |
| :--------------- | ---------------------------------- |
| 2021-06-22 09:21 | Ingress configuration applied      |
| 2021-06-22 09:29 | First alert from synthetic checks  |
| 2021-06-22 09:46 | Previous configuration restored    |

## Contributing Factors

- Configuration was not validated before rollout

## Action Items

- Add validation to the pipeline

## Attendees

EC RF SD

## Stats

- Category: Kubernetes
- Time to detection: 8 minutes
- Time to recovery: 25 minutes
`
	r := parseOne(t, "PM2021-005 - All ingress returning 503.md", src)
	if r.ID != "PM2021-005" || r.Title != "All ingress returning 503" {
		t.Errorf("Parse(stats) = ID %q, title %q; want PM2021-005, All ingress returning 503", r.ID, r.Title)
	}
	checkTimes(t, "stats", r, "2021-06-22T08:21:00Z", "2021-06-22T08:29:00Z", "", "2021-06-22T08:46:00Z", "")
	if want := []string{"kubernetes"}; !reflect.DeepEqual(r.Tags, want) {
		t.Errorf("Parse(stats).Tags = %q; want %q", r.Tags, want)
	}
	wantPeople := []metamortem.Person{{Name: "EC", Role: "attendee"}, {Name: "RF", Role: "attendee"}, {Name: "SD", Role: "attendee"}}
	if !reflect.DeepEqual(r.People, wantPeople) {
		t.Errorf("Parse(stats).People = %v; want %v", r.People, wantPeople)
	}
	if len(r.Timeline) != 3 || len(r.Factors) != 1 || len(r.Actions) != 1 || r.Actions[0].Status != metamortem.ActionUnknown {
		t.Errorf("Parse(stats) = %d events, %d factors, actions %+v; want 3, 1, one unknown", len(r.Timeline), len(r.Factors), r.Actions)
	}
}

func TestOwnerHeadingsAndInvolved(t *testing.T) {
	src := `# Metadata

Owner: @casey

Involved:
  - @jo
  - Morgan Lee

Meeting scheduled for: 2024-02-10 15:00 UTC

# Overview

On Feb. 8th, 2024, the docs site was down.

# Root causes

1. The certificate expired.
1. Renewal was manual.

# Corrective actions

- Automate renewal
`
	r := parseOne(t, "007-docs-certificate.md", src)
	if r.Title != "Docs certificate" {
		t.Errorf("Parse(owner).Title = %q; want %q", r.Title, "Docs certificate")
	}
	checkTimes(t, "owner", r, "2024-02-08T00:00:00Z", "", "", "", "2024-02-10T15:00:00Z")
	wantPeople := []metamortem.Person{{Name: "@casey", Role: "owner"}, {Name: "@jo", Role: "responder"}, {Name: "Morgan Lee", Role: "responder"}}
	if !reflect.DeepEqual(r.People, wantPeople) {
		t.Errorf("Parse(owner).People = %v; want %v", r.People, wantPeople)
	}
	if want := []string{"The certificate expired.", "Renewal was manual."}; !reflect.DeepEqual(factorTexts(r), want) {
		t.Errorf("Parse(owner).Factors = %q; want %q", factorTexts(r), want)
	}

	heading := "## Owner: @casey\n## Involved:\n- @jo\n## Meeting scheduled for: Waived by @casey\n\n# Overview\n\nThe build broke.\n"
	r = parseOne(t, "008-build.md", heading)
	wantPeople = []metamortem.Person{{Name: "@casey", Role: "owner"}, {Name: "@jo", Role: "responder"}}
	if !reflect.DeepEqual(r.People, wantPeople) || r.ReviewedAt != nil {
		t.Errorf("Parse(owner headings) = people %v, reviewed %s; want %v, nil", r.People, fmtTime(r.ReviewedAt), wantPeople)
	}
}

func TestMultipleIncidents(t *testing.T) {
	top := `# Cache stampede

## Summary
The cache emptied at once.

## Timeline
- 2024-03-01 10:00 UTC - Cache flushed
- 2024-03-01 10:40 UTC - Hit rate recovered

## Impact
Slow pages.

# Bad deploy

## Summary
A deploy shipped a broken build.

## Timeline
- 2024-03-04 14:00 UTC - Deploy started
- 2024-03-04 14:20 UTC - Rolled back, service restored

## Impact
Errors for all users.
`
	reviews, err := parseMarkdown(NewDocument("r/march.md", "march.md", []byte(top)))
	if err != nil || len(reviews) != 2 {
		t.Fatalf("Parse(two incidents) = %d reviews, %v; want 2", len(reviews), err)
	}
	for i, want := range []struct{ id, title, start, end string }{
		{"march", "Cache stampede", "2024-03-01T10:00:00Z", "2024-03-01T10:40:00Z"},
		{"march-2", "Bad deploy", "2024-03-04T14:00:00Z", "2024-03-04T14:20:00Z"},
	} {
		r := reviews[i]
		if r.ID != want.id || r.Title != want.title || fmtTime(r.StartedAt) != want.start || fmtTime(r.ResolvedAt) != want.end {
			t.Errorf("Parse(two incidents)[%d] = %q %q %s..%s; want %q %q %s..%s", i, r.ID, r.Title,
				fmtTime(r.StartedAt), fmtTime(r.ResolvedAt), want.id, want.title, want.start, want.end)
		}
	}

	nested := `# Flags service - several outages (March 2024)

## Summary

Two outages in one week.

## Incident Timeline

### March 1, 2024 - Redis overload

**Duration:** 21:45 to 23:28 UTC (103 minutes)

**Root causes:**

- Pods too small for their load

**Timeline:**

- **21:45 UTC** - Deploy
- **23:28 UTC** - Service fully recovered

### March 4, 2024 - Rate limit misconfiguration

**Duration:** 18:00 to 19:12 UTC (72 minutes)

**Root causes:**

- Limiter saw the load balancer's address only

**Timeline:**

- **18:00 UTC** - Limiter enabled
- **19:12 UTC** - Limiter disabled

## Remediation

- Right-size the pods
`
	reviews, err = parseMarkdown(NewDocument("r/flags.md", "flags.md", []byte(nested)))
	if err != nil || len(reviews) != 2 {
		t.Fatalf("Parse(nested incidents) = %d reviews, %v; want 2", len(reviews), err)
	}
	for i, want := range []struct{ id, title, start, end, factor string }{
		{"flags", "March 1, 2024 - Redis overload", "2024-03-01T21:45:00Z", "2024-03-01T23:28:00Z", "Pods too small for their load"},
		{"flags-2", "March 4, 2024 - Rate limit misconfiguration", "2024-03-04T18:00:00Z", "2024-03-04T19:12:00Z", "Limiter saw the load balancer's address only"},
	} {
		r := reviews[i]
		if r.ID != want.id || r.Title != want.title || fmtTime(r.StartedAt) != want.start || fmtTime(r.ResolvedAt) != want.end {
			t.Errorf("Parse(nested)[%d] = %q %q %s..%s; want %q %q %s..%s", i, r.ID, r.Title,
				fmtTime(r.StartedAt), fmtTime(r.ResolvedAt), want.id, want.title, want.start, want.end)
		}
		if got := factorTexts(r); !reflect.DeepEqual(got, []string{want.factor}) {
			t.Errorf("Parse(nested)[%d].Factors = %q; want [%q]", i, got, want.factor)
		}
		if len(r.Actions) != 1 || r.Actions[0].Text != "Right-size the pods" {
			t.Errorf("Parse(nested)[%d].Actions = %+v; want the shared remediation", i, r.Actions)
		}
		if len(r.Timeline) != 2 {
			t.Errorf("Parse(nested)[%d].Timeline = %q; want 2 events", i, eventTimes(r))
		}
	}
}

func TestSetextHeadingsAndKinds(t *testing.T) {
	src := "Game day: regional failover\n===========================\n\nIncident Summary\n----------------\n\nWe failed over on purpose.\n\nLessons learned\n---------------\n\nRunbooks were stale.\n"
	r := parseOne(t, "gameday.md", src)
	if r.Title != "Game day: regional failover" || r.Kind != metamortem.KindDrill {
		t.Errorf("Parse(setext) = title %q, kind %q; want Game day: regional failover, drill", r.Title, r.Kind)
	}
	if r.Sections["summary"] != "We failed over on purpose." || r.Sections["lessons"] != "Runbooks were stale." {
		t.Errorf("Parse(setext).Sections = %q", r.Sections)
	}
	r = parseOne(t, "nm.md", "# Near miss: expired token caught in staging\n\nNo customer saw it.\n")
	if r.Kind != metamortem.KindNearMiss {
		t.Errorf("Parse(near miss).Kind = %q; want near-miss", r.Kind)
	}
}

func TestUnknownHeadingsAndCodeBlocks(t *testing.T) {
	src := "# Disk full\n\n## What went well\n\nAlerts fired.\n\n## Where we got lucky\n\nIt was a Sunday.\n\n## Relevant commit history\n\n```\n# not a heading\nDate: Mon May 10 2021\nAuthor: Somebody <a@b.c>\n```\n\ncommit abc\nAuthor: Someone Else\n"
	r := parseOne(t, "disk.md", src)
	if r.Sections["went_well"] != "Alerts fired." || r.Sections["lucky"] != "It was a Sunday." || r.Sections["relevant_commit_history"] == "" {
		t.Errorf("Parse(unknown headings).Sections = %q", r.Sections)
	}
	if len(r.People) != 0 || r.StartedAt != nil {
		t.Errorf("Parse(unknown headings) = people %v, start %s; want none from a commit log", r.People, fmtTime(r.StartedAt))
	}
}

func TestTemplatesParse(t *testing.T) {
	src := "# Incident Title\n\n## Summary\n\n## Timeline\n\nAll times in UTC.\n\n| Time | Event |\n| --- | --- |\n| 20xx-MM-DD HH:mm | Short event description |\n\n## Contributing Factors\n\n-\n\n## Action Items\n\n- [ ] \n\n## Attendees\n\n- <Your name goes here>\n"
	r := parseOne(t, "PMyyyy-nnn - Postmortem template.md", src)
	if len(r.Factors) != 0 || len(r.Actions) != 0 || len(r.People) != 0 || r.StartedAt != nil {
		t.Errorf("Parse(template) = %d factors, %d actions, people %v, start %s; want none", len(r.Factors), len(r.Actions), r.People, fmtTime(r.StartedAt))
	}
	if r.ID == "" {
		t.Errorf("Parse(template).ID is empty")
	}
}

func TestNeverPanics(t *testing.T) {
	inputs := []string{
		"", "\x00\x01", "---", "---\n", "---\n---", "#", "# \n##\n###", "|", "| a |\n|---|\n| b | c | d |",
		"```\nunclosed", "<!-- open", "- [x]", "1.", "**Date:**", "## Timeline\n99:99 PM\n", "## Timeline\n### 25:61\n",
		"## Timeline (all times PST) 13/45/2021\n- 10:00 x\n", strings.Repeat("#", 100), strings.Repeat("- a\n  ", 200),
		"\xff\xfe# bad utf8 \xc3\x28\n",
	}
	for _, in := range inputs {
		if _, err := parseMarkdown(NewDocument("p.md", "p.md", []byte(in))); err != nil && !strings.HasPrefix(err.Error(), "front matter") {
			t.Errorf("Parse(%q) error = %v", in, err)
		}
	}
}

// A title that starts like a section name ("Recommendations …", "Impact …") is still the title.
func TestTitleStartingLikeASection(t *testing.T) {
	for _, title := range []string{"recommendations degraded: Older clients kept calling a retired API", "Impact of the cache outage on checkout"} {
		src := "# " + title + "\n\n**Incident ID:** SYN-0000034\n\n**Component:** recommendations\n\n## Contributing Factors\n\n- the cache was cold\n"
		reviews, err := parseMarkdown(NewDocument("t.md", "t.md", []byte(src)))
		if err != nil || len(reviews) != 1 {
			t.Fatalf("parseMarkdown(%q) = %v, %v", title, reviews, err)
		}
		r := reviews[0]
		if r.Title != title || r.ID != "SYN-0000034" || len(r.Components) != 1 || r.Components[0] != "recommendations" {
			t.Errorf("parseMarkdown(%q) = title %q, id %q, components %q; want the title, SYN-0000034, [recommendations]", title, r.Title, r.ID, r.Components)
		}
	}
}
