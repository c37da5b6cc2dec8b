package ingest

import (
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/metamortem/metamortem"
)

// gcpStatusFormat reads the incident history of the Google Cloud status dashboard
// (status.cloud.google.com/incidents.json): an array of incidents with their updates, newest
// first. Incidents whose updates include an incident report get its root causes, remediation
// items and sections.
var gcpStatusFormat = Format{
	Name:       "gcp-status",
	Extensions: []string{".json"},
	Sniff:      sniffGCPStatus,
	Parse:      reviewsOnly(parseGCPStatus),
}

type gcpIncident struct {
	ID               jsonText    `json:"id"`
	Number           jsonText    `json:"number"`
	Begin            jsonTime    `json:"begin"`
	End              jsonTime    `json:"end"`
	Created          jsonTime    `json:"created"`
	ExternalDesc     jsonText    `json:"external_desc"`
	Severity         jsonText    `json:"severity"`
	StatusImpact     jsonText    `json:"status_impact"`
	ServiceName      jsonText    `json:"service_name"`
	AffectedProducts []named     `json:"affected_products"`
	Updates          []gcpUpdate `json:"updates"`
	URI              jsonText    `json:"uri"`
	Locations        []named     `json:"previously_affected_locations"`
	Recent           *gcpUpdate  `json:"most_recent_update"`
}

type gcpUpdate struct {
	Created jsonTime `json:"created"`
	When    jsonTime `json:"when"`
	Text    jsonText `json:"text"`
	Status  jsonText `json:"status"`
}

func sniffGCPStatus(data []byte) bool {
	p, ok := peekJSON(data)
	if !ok {
		return false
	}
	if p.array {
		return p.has("external_desc", "begin") || p.has("external_desc", "updates")
	}
	return p.item("incidents", "external_desc", "begin") || p.has("external_desc", "begin", "updates")
}

func parseGCPStatus(doc Document) ([]metamortem.Review, error) {
	recs, err := jsonRecords(doc.Data, func(o map[string]json.RawMessage) bool {
		_, ok := o["external_desc"]
		return ok
	}, "incidents")
	if err != nil {
		return nil, err
	}
	var reviews []metamortem.Review
	for i, raw := range recs {
		var inc gcpIncident
		if err := decodeRecord(raw, "incidents", i, &inc); err != nil {
			return nil, err
		}
		r := gcpReview(inc)
		if r.ID == "" {
			r.ID = doc.PathID(i + 1)
		}
		reviews = append(reviews, r)
	}
	return reviews, nil
}

// gcpReview turns one Google Cloud incident into a review.
func gcpReview(inc gcpIncident) metamortem.Review {
	r := metamortem.Review{
		Kind:       metamortem.KindIncident,
		Title:      clip(cleanInline(inc.ExternalDesc.String()), 200),
		Severity:   strings.ToLower(inc.Severity.String()),
		StartedAt:  inc.Begin.t,
		DetectedAt: inc.Created.t,
		ResolvedAt: inc.End.t,
		Sections:   map[string]string{},
	}
	if id := inc.ID.String(); id != "" {
		r.ID = "gcp-" + id
	}
	r.SeverityRank = metamortem.SeverityRank(r.Severity)
	var comps []string
	for _, p := range inc.AffectedProducts {
		comps = append(comps, p.label())
	}
	if len(comps) == 0 {
		comps = append(comps, cleanInline(inc.ServiceName.String()))
	}
	r.Components = dedupeLower(comps)
	r.Tags = dedupeLower([]string{"gcp", strings.ReplaceAll(inc.StatusImpact.String(), "_", " ")})

	updates := slices.Clone(inc.Updates)
	if len(updates) == 0 && inc.Recent != nil {
		updates = []gcpUpdate{*inc.Recent}
	}
	slices.SortStableFunc(updates, func(a, b gcpUpdate) int {
		return compareTimes(b.at(), a.at()) // newest first, as the feed writes them
	})
	var texts []string
	for _, u := range updates {
		texts = append(texts, u.Text.String())
	}
	if rep := latestReport(texts); rep != "" {
		readReport(rep).apply(&r)
	}
	r.Timeline = statusTimeline(len(updates), func(i int) (*time.Time, string) {
		u := updates[len(updates)-1-i]
		return u.at(), u.Text.String()
	})
	if r.Sections[kindSummary] == "" && len(updates) > 0 {
		r.Sections[kindSummary] = plainText(updates[len(updates)-1].Text.String())
	}
	r.Kind = kindOf([]string{r.Title})
	return r
}

// at is when the update was posted.
func (u gcpUpdate) at() *time.Time { return firstTime(u.When.t, u.Created.t) }

// compareTimes orders times, unknown ones first.
func compareTimes(a, b *time.Time) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return -1
	case b == nil:
		return 1
	}
	return a.Compare(*b)
}

// statusTimeline builds a timeline from n status updates, oldest first: each update's time and
// text. An update holding a whole incident report appears as its title only.
func statusTimeline(n int, update func(i int) (*time.Time, string)) []metamortem.TimelineEvent {
	var out []metamortem.TimelineEvent
	for i := 0; i < n; i++ {
		at, text := update(i)
		if reportKind(text) != "" {
			first, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
			text = strings.Trim(cleanInline(strings.ReplaceAll(first, `\#`, "")), "# ")
		}
		text = clip(cleanInline(strings.ReplaceAll(text, "\n", " ")), 2000)
		if text == "" {
			continue
		}
		out = append(out, metamortem.TimelineEvent{At: at, Text: text})
	}
	slices.SortStableFunc(out, func(a, b metamortem.TimelineEvent) int { return compareTimes(a.At, b.At) })
	return out
}
