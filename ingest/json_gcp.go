package ingest

import (
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
	recs, err := jsonRecords(doc.Data, hasKey("external_desc"), "incidents")
	if err != nil {
		return nil, err
	}
	reviews, err := decodeReviews(doc, recs, "incidents", gcpReview)
	if err != nil {
		return nil, err
	}
	assignIDs(doc, reviews)
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

	updates := inc.Updates
	if len(updates) == 0 && inc.Recent != nil {
		updates = []gcpUpdate{*inc.Recent}
	}
	texts, timeline := feedUpdates(updates, func(u gcpUpdate) (*time.Time, string) { return u.at(), u.Text.String() })
	if rep := latestReport(texts); rep != "" {
		readReport(rep).apply(&r)
	}
	r.Timeline = timeline
	if r.Sections[kindSummary] == "" && len(texts) > 0 {
		r.Sections[kindSummary] = plainText(texts[len(texts)-1])
	}
	r.Kind = kindOf([]string{r.Title})
	return r
}

// at is when the update was posted.
func (u gcpUpdate) at() *time.Time { return firstTime(u.When.t, u.Created.t) }
