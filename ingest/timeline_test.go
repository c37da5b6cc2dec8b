package ingest

import (
	"reflect"
	"testing"

	"github.com/metamortem/metamortem"
)

func TestLeaderAndUntimedEntries(t *testing.T) {
	src := `# 2023-06-01

**Incident Leader: Sam Lee**

## Description

Uploads failed for an hour.

## Timeline

All times UTC.

2023-06-01 (Thursday)

09:15: alert fired for upload errors

Sam checks the logs

10:30: uploads restored

## Contributing Factor(s)

- missing retry on upload

## Impact

MTTD: 00:15

MTTR: 01:00

## Corrective Actions

- Add retries
`
	r := parseOne(t, "2023-06-01-upload-errors.md", src)
	if r.Title != "Upload errors" {
		t.Errorf("Parse(leader).Title = %q; want %q", r.Title, "Upload errors")
	}
	if want := []metamortem.Person{{Name: "Sam Lee", Role: "lead"}}; !reflect.DeepEqual(r.People, want) {
		t.Errorf("Parse(leader).People = %v; want %v", r.People, want)
	}
	wantTL := []string{
		"2023-06-01T09:15:00Z alert fired for upload errors",
		"nil Sam checks the logs",
		"2023-06-01T10:30:00Z uploads restored",
	}
	if got := eventTimes(r); !reflect.DeepEqual(got, wantTL) {
		t.Errorf("Parse(leader).Timeline = %q; want %q", got, wantTL)
	}
	checkTimes(t, "leader", r, "2023-06-01T09:15:00Z", "2023-06-01T09:15:00Z", "", "2023-06-01T10:30:00Z", "")
}

func TestZoneAndDateRangeInHeading(t *testing.T) {
	src := `# Dust storm

## Issue Summary

Spam transactions filled the mempool.

## Timeline (all times PST) 10/30/2021 - 10/31/2021. All times approximations

12:45 PM PST Saturday Oct 30th: First wave begins

13:55 PM: Alarms fire

02:54 AM Sunday Oct 31st: Peak of the last wave

## Corrective and Preventative Measures

Prioritise blocks over transactions.
`
	r := parseOne(t, "2021-10-31-dust.md", src)
	wantTL := []string{
		"2021-10-30T20:45:00Z First wave begins",
		"2021-10-30T21:55:00Z Alarms fire",
		"2021-10-31T10:54:00Z Peak of the last wave",
	}
	if got := eventTimes(r); !reflect.DeepEqual(got, wantTL) {
		t.Errorf("Parse(dust).Timeline = %q; want %q", got, wantTL)
	}
	if len(r.Actions) != 1 || r.Actions[0].Text != "Prioritise blocks over transactions." {
		t.Errorf("Parse(dust).Actions = %+v; want the one paragraph", r.Actions)
	}
	if r.Sections["summary"] != "Spam transactions filled the mempool." {
		t.Errorf("Parse(dust).Sections[summary] = %q", r.Sections["summary"])
	}
}

func TestTimeSubHeadingsAndDayHeadings(t *testing.T) {
	src := `# Incident report August 12 2025 - hub outage

## Summary

On August 12 2025 the hub was unreachable.

## Timeline (times in BST)

### 5:00 PM
Incident declared

### 5:20 PM
- Engineer redeploys the hub
- Engineer checks the ingress

### 6:10 PM
Incident resolved.

## Action Items
- [ ] Write a runbook
`
	r := parseOne(t, "2025-08-12-hub.md", src)
	wantTL := []string{
		"2025-08-12T16:00:00Z Incident declared",
		"2025-08-12T16:20:00Z Engineer redeploys the hub",
		"2025-08-12T16:20:00Z Engineer checks the ingress",
		"2025-08-12T17:10:00Z Incident resolved.",
	}
	if got := eventTimes(r); !reflect.DeepEqual(got, wantTL) {
		t.Errorf("Parse(hub).Timeline = %q; want %q", got, wantTL)
	}
	checkTimes(t, "hub", r, "2025-08-12T16:00:00Z", "2025-08-12T16:00:00Z", "", "2025-08-12T17:10:00Z", "")

	days := `# Incident report May 12 2025 - slow servers

## Timeline

_All times in EEST_

## May 12

### 23:00
Ticket opened

### 00:40
Second engineer finds memory pressure

## May 13

### 14:30
Cause identified

## Action Items

- hold a retrospective
`
	r = parseOne(t, "2025-05-12-slow.md", days)
	wantTL = []string{
		"2025-05-12T20:00:00Z Ticket opened",
		"2025-05-12T21:40:00Z Second engineer finds memory pressure",
		"2025-05-13T11:30:00Z Cause identified",
	}
	if got := eventTimes(r); !reflect.DeepEqual(got, wantTL) {
		t.Errorf("Parse(days).Timeline = %q; want %q", got, wantTL)
	}
	if len(r.Actions) != 1 || r.Actions[0].Text != "hold a retrospective" {
		t.Errorf("Parse(days).Actions = %+v; want one", r.Actions)
	}
}

func TestTables(t *testing.T) {
	src := `# Queue backlog

## Timeline

| Time (UTC) | Who | Event |
|---|---|---|
| 2024-01-09 08:00 | @ops-bot | Queue depth alert |
| 2024-01-09 08:30 | Rita Gomez | Consumers scaled up |

## Action Items

| Action | Owner | Status | Due | Ticket |
|---|---|---|---|---|
| Alert on consumer lag | @rita | Done | 2024-02-01 | OPS-7 |
| Autoscale consumers | Tom Diaz | In progress | | https://tracker.example.com/browse/OPS-8 |
| Replace the queue | | Won't fix | | |
`
	r := parseOne(t, "queue.md", src)
	wantTL := []metamortem.TimelineEvent{
		{At: ts("2024-01-09T08:00:00Z"), Text: "Queue depth alert", Actor: "@ops-bot"},
		{At: ts("2024-01-09T08:30:00Z"), Text: "Consumers scaled up", Actor: "Rita Gomez"},
	}
	if !reflect.DeepEqual(r.Timeline, wantTL) {
		t.Errorf("Parse(tables).Timeline = %+v; want %+v", r.Timeline, wantTL)
	}
	wantActions := []metamortem.Action{
		{Text: "Alert on consumer lag", Owner: "@rita", Status: metamortem.ActionDone, Due: ts("2024-02-01T00:00:00Z"), Ticket: "OPS-7"},
		{Text: "Autoscale consumers", Owner: "Tom Diaz", Status: metamortem.ActionOpen, Ticket: "https://tracker.example.com/browse/OPS-8"},
		{Text: "Replace the queue", Status: metamortem.ActionWontFix},
	}
	if !reflect.DeepEqual(r.Actions, wantActions) {
		t.Errorf("Parse(tables).Actions =\n%+v\nwant\n%+v", r.Actions, wantActions)
	}
	wantPeople := []metamortem.Person{
		{Name: "@rita", Role: "owner"}, {Name: "Tom Diaz", Role: "owner"},
		{Name: "@ops-bot", Role: "responder"}, {Name: "Rita Gomez", Role: "responder"},
	}
	if !reflect.DeepEqual(r.People, wantPeople) {
		t.Errorf("Parse(tables).People = %v; want %v", r.People, wantPeople)
	}
}

// A timeline table with a header row and no data rows once crashed the importer.
func TestTimelineTableWithOnlyAHeader(t *testing.T) {
	reviews, err := parseMarkdown(NewDocument("t.md", "t.md", []byte("# Outage\n\n## Timeline\n\n| 10:00 | paged |\n|---|---|\n")))
	if err != nil || len(reviews) != 1 || len(reviews[0].Timeline) != 0 {
		t.Errorf("parseMarkdown(header-only timeline) = %+v, %v; want one review, no timeline, no error", reviews, err)
	}
}
