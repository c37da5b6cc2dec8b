package ingest

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/metamortem/metamortem"
)

// pagerDutyFormat reads PagerDuty REST API incidents ({"incidents": [...]} or one
// {"incident": {...}}), with their log entries as the timeline when the export includes them,
// nested in each incident or as a top-level "log_entries" list. Log entries of incidents that
// are not in the document become fragments of the review "pagerduty-<incident id>".
var pagerDutyFormat = Format{
	Name:       "pagerduty",
	Extensions: []string{".json"},
	Sniff:      sniffPagerDuty,
	Parse:      parsePagerDuty,
}

type pdIncident struct {
	ID           jsonText   `json:"id"`
	Number       jsonText   `json:"incident_number"`
	Title        jsonText   `json:"title"`
	Description  jsonText   `json:"description"`
	Summary      jsonText   `json:"summary"`
	CreatedAt    jsonTime   `json:"created_at"`
	StatusChange jsonTime   `json:"last_status_change_at"`
	ResolvedAt   jsonTime   `json:"resolved_at"`
	Status       jsonText   `json:"status"`
	Urgency      jsonText   `json:"urgency"`
	Priority     *named     `json:"priority"`
	Service      *named     `json:"service"`
	Teams        []named    `json:"teams"`
	Assignments  []pdPerson `json:"assignments"`
	Acks         []pdPerson `json:"acknowledgements"`
	LogEntries   []pdLog    `json:"log_entries"`
	URL          jsonText   `json:"html_url"`
}

type pdPerson struct {
	At           jsonTime `json:"at"`
	Assignee     *named   `json:"assignee"`
	Acknowledger *named   `json:"acknowledger"`
}

type pdLog struct {
	Type      jsonText `json:"type"`
	CreatedAt jsonTime `json:"created_at"`
	Summary   jsonText `json:"summary"`
	Agent     *named   `json:"agent"`
	Incident  *named   `json:"incident"`
}

func sniffPagerDuty(data []byte) bool {
	p, ok := peekJSON(data)
	if !ok {
		return false
	}
	return p.item("incidents", "incident_number") || p.item("incidents", "id", "urgency", "service") ||
		!p.array && p.has("incident") && strings.Contains(string(p.keys["incident"]), `"incident_number"`) ||
		p.item("log_entries", "type", "incident")
}

func parsePagerDuty(doc Document) (Result, error) {
	var top struct {
		Incidents  []json.RawMessage `json:"incidents"`
		Incident   json.RawMessage   `json:"incident"`
		LogEntries []json.RawMessage `json:"log_entries"`
	}
	if err := decodeDocument(doc.Data, &top); err != nil {
		return Result{}, err
	}
	if len(top.Incident) > 0 && string(top.Incident) != "null" {
		top.Incidents = append(top.Incidents, top.Incident)
	}
	incs, err := decodeRecords[pdIncident](top.Incidents, "incidents")
	if err != nil {
		return Result{}, err
	}
	byID := map[string]int{}
	for i, inc := range incs {
		byID[inc.ID.String()] = i
	}
	logs, err := decodeRecords[pdLog](top.LogEntries, "log_entries")
	if err != nil {
		return Result{}, err
	}
	var frags fragmentSet
	for _, le := range logs {
		id := ""
		if le.Incident != nil {
			id = le.Incident.ID.String()
		}
		if n, ok := byID[id]; ok && id != "" {
			incs[n].LogEntries = append(incs[n].LogEntries, le)
			continue
		}
		if id == "" {
			continue
		}
		f := frags.of("pagerduty-" + id)
		f.Timeline = append(f.Timeline, le.event())
	}
	return Result{Reviews: reviewsOf(doc, incs, pdReview), Fragments: frags.list}, nil
}

// event is the timeline entry of a log entry; the actor is the agent when it is a person.
func (le pdLog) event() metamortem.TimelineEvent {
	e := metamortem.TimelineEvent{At: le.CreatedAt.t, Text: cleanInline(le.Summary.String())}
	if e.Text == "" {
		e.Text = strings.ReplaceAll(strings.TrimSuffix(le.Type.String(), "_log_entry"), "_", " ")
	}
	if le.Agent != nil && isPDUser(le.Agent) {
		e.Actor = le.Agent.label()
	}
	return e
}

// isPDUser reports whether a PagerDuty reference is a user rather than a service or integration.
func isPDUser(n *named) bool {
	t := n.Type.String()
	return t == "" || strings.HasPrefix(t, "user")
}

// pdReview turns one PagerDuty incident into a review.
func pdReview(inc pdIncident) metamortem.Review {
	r := metamortem.Review{
		Kind:       metamortem.KindIncident,
		Title:      cleanInline(firstText(inc.Title.String(), inc.Summary.String())),
		StartedAt:  inc.CreatedAt.t,
		DetectedAt: inc.CreatedAt.t,
		ResolvedAt: inc.ResolvedAt.t,
		Sections:   map[string]string{},
	}
	if id := inc.ID.String(); id != "" {
		r.ID = "pagerduty-" + id
	}
	if r.ResolvedAt == nil && strings.EqualFold(inc.Status.String(), "resolved") {
		r.ResolvedAt = inc.StatusChange.t
	}
	r.Severity = inc.Priority.label()
	if r.Severity == "" {
		r.Severity = strings.ToLower(inc.Urgency.String())
	}
	r.SeverityRank = metamortem.SeverityRank(r.Severity)
	r.Components = dedupeLower([]string{inc.Service.label()})
	var tags []string
	for _, t := range inc.Teams {
		tags = append(tags, t.label())
	}
	r.Tags = dedupeLower(tags)

	var ppl people
	for _, a := range inc.Assignments {
		if a.Assignee != nil && isPDUser(a.Assignee) {
			ppl.add(a.Assignee.label(), metamortem.RoleResponder)
		}
	}
	for _, a := range inc.Acks {
		if a.Acknowledger != nil && isPDUser(a.Acknowledger) {
			ppl.add(a.Acknowledger.label(), metamortem.RoleResponder)
		}
	}
	for _, le := range inc.LogEntries {
		e := le.event()
		r.Timeline = append(r.Timeline, e)
		if e.Actor != "" {
			ppl.add(e.Actor, metamortem.RoleResponder)
		}
	}
	r.People = ppl.list
	if len(r.Timeline) == 0 {
		for _, a := range inc.Acks {
			if a.Acknowledger != nil {
				r.Timeline = append(r.Timeline, metamortem.TimelineEvent{At: a.At.t, Text: "Acknowledged", Actor: a.Acknowledger.label()})
			}
		}
	}
	slices.SortStableFunc(r.Timeline, func(a, b metamortem.TimelineEvent) int { return compareTimes(a.At, b.At) })
	if d := plainText(inc.Description.String()); d != "" && d != r.Title {
		r.Sections[kindSummary] = d
	}
	if u := inc.URL.String(); u != "" {
		r.Sections["source_url"] = u
	}
	r.Kind = kindOf([]string{r.Title})
	return r
}

// firstText returns the first non-empty text.
func firstText(texts ...string) string {
	for _, t := range texts {
		if strings.TrimSpace(t) != "" {
			return t
		}
	}
	return ""
}
