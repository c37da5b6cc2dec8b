package ingest

import (
	"slices"
	"strings"
	"time"

	"github.com/metamortem/metamortem"
)

// statuspageFormat reads an Atlassian Statuspage incident history (GET /api/v2/incidents.json:
// {"page": {...}, "incidents": [...]}, a bare array of incidents, or one {"incident": {...}}).
// Each incident is a review: its name, impact, components, updates as the timeline (the first
// "monitoring" update marks mitigation) and its postmortem, read like a Markdown review.
var statuspageFormat = Format{
	Name:       "statuspage",
	Extensions: []string{".json"},
	Sniff:      sniffStatuspage,
	Parse:      reviewsOnly(parseStatuspage),
}

type statuspageIncident struct {
	ID           jsonText           `json:"id"`
	Name         jsonText           `json:"name"`
	Status       jsonText           `json:"status"`
	Impact       jsonText           `json:"impact"`
	CreatedAt    jsonTime           `json:"created_at"`
	StartedAt    jsonTime           `json:"started_at"`
	MonitoringAt jsonTime           `json:"monitoring_at"`
	ResolvedAt   jsonTime           `json:"resolved_at"`
	Shortlink    jsonText           `json:"shortlink"`
	Components   []named            `json:"components"`
	Updates      []statuspageUpdate `json:"incident_updates"`
	Postmortem   jsonText           `json:"postmortem_body"`
	PostmortemAt jsonTime           `json:"postmortem_published_at"`
	ScheduledFor jsonTime           `json:"scheduled_for"`
}

type statuspageUpdate struct {
	Status    jsonText `json:"status"`
	Body      jsonText `json:"body"`
	CreatedAt jsonTime `json:"created_at"`
	DisplayAt jsonTime `json:"display_at"`
	Affected  []struct {
		Name jsonText `json:"name"`
	} `json:"affected_components"`
}

func (u statuspageUpdate) at() *time.Time { return firstTime(u.DisplayAt.t, u.CreatedAt.t) }

func sniffStatuspage(data []byte) bool {
	p, ok := peekJSON(data)
	if !ok {
		return false
	}
	if p.array {
		return p.has("incident_updates")
	}
	return p.item("incidents", "incident_updates") || p.item("incidents", "impact", "shortlink") ||
		p.has("incident") && strings.Contains(string(p.keys["incident"]), `"incident_updates"`)
}

func parseStatuspage(doc Document) ([]metamortem.Review, error) {
	recs, err := jsonRecords(doc.Data, hasKey("incident_updates"), "incidents", "incident")
	if err != nil {
		return nil, err
	}
	reviews, err := decodeReviews(doc, recs, "incidents", statuspageReview)
	if err != nil {
		return nil, err
	}
	assignIDs(doc, reviews)
	return reviews, nil
}

// statuspageReview turns one Statuspage incident into a review.
func statuspageReview(inc statuspageIncident) metamortem.Review {
	r := metamortem.Review{
		Kind:        metamortem.KindIncident,
		Title:       cleanInline(inc.Name.String()),
		Severity:    strings.ToLower(inc.Impact.String()),
		StartedAt:   firstTime(inc.StartedAt.t, inc.CreatedAt.t),
		DetectedAt:  inc.CreatedAt.t,
		MitigatedAt: inc.MonitoringAt.t,
		ResolvedAt:  inc.ResolvedAt.t,
		ReviewedAt:  inc.PostmortemAt.t,
		Sections:    map[string]string{},
	}
	if id := inc.ID.String(); id != "" {
		r.ID = "statuspage-" + id
	}
	r.SeverityRank = metamortem.SeverityRank(r.Severity)
	var comps []string
	for _, c := range inc.Components {
		comps = append(comps, c.label())
	}
	updates := slices.Clone(inc.Updates)
	slices.SortStableFunc(updates, func(a, b statuspageUpdate) int { return compareTimes(a.at(), b.at()) })
	for _, u := range updates {
		for _, c := range u.Affected {
			comps = append(comps, cleanInline(c.Name.String()))
		}
		status := strings.ToLower(u.Status.String())
		switch {
		case status == "monitoring" && r.MitigatedAt == nil:
			r.MitigatedAt = u.at()
		case (status == "resolved" || status == "completed") && r.ResolvedAt == nil:
			r.ResolvedAt = u.at()
		}
	}
	r.Components = dedupeLower(comps)
	r.Tags = dedupeLower([]string{"statuspage"})
	r.Timeline = statusTimeline(len(updates), func(i int) (*time.Time, string) {
		u := updates[i]
		text := u.Body.String()
		if s := u.Status.String(); s != "" && text != "" {
			text = strings.ToUpper(s[:1]) + s[1:] + ": " + text
		}
		return u.at(), text
	})
	if pm := inc.Postmortem.String(); pm != "" {
		readReport(pm).apply(&r)
		r.Sections["postmortem"] = plainText(pm)
	}
	if _, ok := r.Sections[kindSummary]; !ok && len(updates) > 0 {
		// The resolving update usually sums the incident up; else the first says what it was.
		summary := updates[0].Body.String()
		if last := updates[len(updates)-1]; strings.EqualFold(last.Status.String(), "resolved") && last.Body.String() != "" {
			summary = last.Body.String()
		}
		if summary = plainText(summary); summary != "" {
			r.Sections[kindSummary] = summary
		}
	}
	if u := inc.Shortlink.String(); u != "" {
		r.Sections["source_url"] = u
	}
	if inc.ScheduledFor.t != nil || strings.EqualFold(r.Severity, "maintenance") {
		r.Tags = append(r.Tags, "maintenance")
	}
	r.Kind = kindOf([]string{r.Title})
	return r
}
