package ingest

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/metamortem/metamortem"
)

// incidentIOFormat reads incident.io API v2 exports: incidents ({"incidents": [...]} or one
// {"incident": {...}}) with their roles, custom fields and timestamps, and follow-ups
// ({"follow_ups": [...]}). A follow-up becomes an action of its incident's review when the
// incident is in the same document, else a fragment for the review "incident-io-<incident id>".
var incidentIOFormat = Format{
	Name:       "incident-io",
	Extensions: []string{".json"},
	Sniff:      sniffIncidentIO,
	Parse:      parseIncidentIO,
}

type ioIncident struct {
	ID         jsonText  `json:"id"`
	Reference  jsonText  `json:"reference"`
	Name       jsonText  `json:"name"`
	Summary    jsonText  `json:"summary"`
	Status     *ioStatus `json:"incident_status"`
	Severity   *named    `json:"severity"`
	Type       *named    `json:"incident_type"`
	Mode       jsonText  `json:"mode"`
	CreatedAt  jsonTime  `json:"created_at"`
	Roles      []ioRole  `json:"incident_role_assignments"`
	Fields     []ioField `json:"custom_field_entries"`
	Timestamps []struct {
		Timestamp *named `json:"incident_timestamp"`
		Value     *struct {
			Value jsonTime `json:"value"`
		} `json:"value"`
	} `json:"incident_timestamp_values"`
	OldTimestamps []struct {
		Name jsonText `json:"name"`
		At   jsonTime `json:"last_occurred_at"`
	} `json:"timestamps"`
	Postmortem jsonText `json:"postmortem_document_url"`
	Permalink  jsonText `json:"permalink"`
}

type ioStatus struct {
	Name     jsonText `json:"name"`
	Category jsonText `json:"category"`
}

type ioRole struct {
	Role *struct {
		Name     jsonText `json:"name"`
		RoleType jsonText `json:"role_type"`
	} `json:"role"`
	Assignee *named `json:"assignee"`
}

type ioField struct {
	Field  *named `json:"custom_field"`
	Values []struct {
		Text    jsonText `json:"value_text"`
		Link    jsonText `json:"value_link"`
		Numeric jsonText `json:"value_numeric"`
		Option  *struct {
			Value jsonText `json:"value"`
		} `json:"value_option"`
		Catalog *named `json:"value_catalog_entry"`
	} `json:"values"`
}

type ioFollowUp struct {
	ID         jsonText `json:"id"`
	IncidentID jsonText `json:"incident_id"`
	Title      jsonText `json:"title"`
	Status     jsonText `json:"status"`
	Assignee   *named   `json:"assignee"`
	External   *struct {
		IssueName jsonText `json:"issue_name"`
		Permalink jsonText `json:"issue_permalink"`
	} `json:"external_issue_reference"`
}

// ioTimestamps map incident.io timestamp names (lower case) to the milestone they set.
var ioTimestamps = map[string]string{
	"impact started": "started", "impact start": "started", "started": "started", "incident started": "started",
	"reported": "detected", "reported at": "detected", "declared": "detected", "detected": "detected", "identified": "detected",
	"fixed": "mitigated", "mitigated": "mitigated", "stabilised": "mitigated", "stabilized": "mitigated", "monitoring": "mitigated",
	"resolved": "resolved", "closed": "resolved", "impact ended": "resolved",
}

func sniffIncidentIO(data []byte) bool {
	p, ok := peekJSON(data)
	if !ok {
		return false
	}
	if p.item("follow_ups", "incident_id", "title") {
		return true
	}
	isIncident := func(keys ...string) bool {
		return p.item("incidents", keys...) || !p.array && p.has("incident") &&
			strings.Contains(string(p.keys["incident"]), `"`+keys[1]+`"`)
	}
	return isIncident("reference", "incident_status") || isIncident("reference", "incident_role_assignments")
}

func parseIncidentIO(doc Document) (Result, error) {
	var top struct {
		Incidents []json.RawMessage `json:"incidents"`
		Incident  json.RawMessage   `json:"incident"`
		FollowUps []json.RawMessage `json:"follow_ups"`
	}
	if err := decodeDocument(doc.Data, &top); err != nil {
		return Result{}, err
	}
	if len(top.Incident) > 0 && string(top.Incident) != "null" {
		top.Incidents = append(top.Incidents, top.Incident)
	}
	incs, err := decodeRecords[ioIncident](top.Incidents, "incidents")
	if err != nil {
		return Result{}, err
	}
	res := Result{Reviews: reviewsOf(doc, incs, ioReview)}
	byID := map[string]int{}
	for i, inc := range incs {
		byID[inc.ID.String()] = i
	}
	followUps, err := decodeRecords[ioFollowUp](top.FollowUps, "follow_ups")
	if err != nil {
		return Result{}, err
	}
	var frags fragmentSet
	for _, fu := range followUps {
		act, ok := ioAction(fu)
		if !ok {
			continue
		}
		if n, ok := byID[fu.IncidentID.String()]; ok && fu.IncidentID != "" {
			res.Reviews[n].Actions = append(res.Reviews[n].Actions, act)
			continue
		}
		f := frags.of("incident-io-" + fu.IncidentID.String())
		f.Actions = append(f.Actions, act)
	}
	res.Fragments = frags.list
	return res, nil
}

// ioReview turns one incident.io incident into a review.
func ioReview(inc ioIncident) metamortem.Review {
	r := metamortem.Review{
		ID:       inc.Reference.String(),
		Kind:     metamortem.KindIncident,
		Title:    cleanInline(inc.Name.String()),
		Severity: inc.Severity.label(),
		Sections: map[string]string{},
	}
	if r.ID == "" && inc.ID != "" {
		r.ID = "incident-io-" + inc.ID.String()
	}
	r.SeverityRank = metamortem.SeverityRank(r.Severity)
	set := func(milestone string, t jsonTime) {
		ptr := map[string]**time.Time{
			"started": &r.StartedAt, "detected": &r.DetectedAt, "mitigated": &r.MitigatedAt, "resolved": &r.ResolvedAt,
		}[milestone]
		if ptr != nil && *ptr == nil {
			*ptr = t.t
		}
	}
	for _, ts := range inc.Timestamps {
		if ts.Timestamp != nil && ts.Value != nil {
			set(ioTimestamps[strings.ToLower(ts.Timestamp.label())], ts.Value.Value)
		}
	}
	for _, ts := range inc.OldTimestamps {
		set(ioTimestamps[strings.ToLower(ts.Name.String())], ts.At)
	}
	r.DetectedAt = firstTime(r.DetectedAt, inc.CreatedAt.t)
	r.StartedAt = firstTime(r.StartedAt, r.DetectedAt)

	var ppl people
	for _, a := range inc.Roles {
		name := a.Assignee.label()
		if name == "" || a.Role == nil {
			continue
		}
		role := metamortem.RoleResponder
		if strings.EqualFold(a.Role.RoleType.String(), "lead") {
			role = metamortem.RoleLead
		}
		ppl.add(name, role)
	}
	r.People = ppl.list

	var comps, tags []string
	if inc.Type != nil {
		tags = append(tags, inc.Type.label())
	}
	for _, f := range inc.Fields {
		field := metaField(f.Field.label())
		if field != "components" && field != "tags" {
			continue
		}
		for _, v := range f.Values {
			val := v.Text.String()
			switch {
			case v.Catalog != nil:
				val = v.Catalog.label()
			case v.Option != nil:
				val = v.Option.Value.String()
			}
			if field == "components" {
				comps = append(comps, cleanInline(val))
			} else {
				tags = append(tags, cleanInline(val))
			}
		}
	}
	r.Components = dedupeLower(comps)
	r.Tags = dedupeLower(tags)
	if s := plainText(inc.Summary.String()); s != "" {
		r.Sections[kindSummary] = s
	}
	if u := inc.Postmortem.String(); u != "" {
		r.Sections["postmortem_url"] = u
	}
	switch strings.ToLower(inc.Mode.String()) {
	case "test", "tutorial":
		r.Kind = metamortem.KindDrill
	default:
		r.Kind = kindOf([]string{r.Title})
	}
	return r
}

// ioAction turns a follow-up into an action; deleted follow-ups are dropped.
func ioAction(fu ioFollowUp) (metamortem.Action, bool) {
	act := metamortem.Action{Text: cleanInline(fu.Title.String()), Owner: fu.Assignee.label(), Status: metamortem.ActionUnknown}
	switch strings.ToLower(fu.Status.String()) {
	case "deleted":
		return act, false
	case "outstanding", "open":
		act.Status = metamortem.ActionOpen
	case "completed":
		act.Status = metamortem.ActionDone
	case "not_doing":
		act.Status = metamortem.ActionWontFix
	}
	if fu.External != nil {
		act.Ticket = fu.External.IssueName.String()
		if act.Ticket == "" {
			act.Ticket = fu.External.Permalink.String()
		}
	}
	return act, act.Text != ""
}
