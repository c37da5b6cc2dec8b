package ingest

import (
	"regexp"
	"strings"
	"time"

	"github.com/metamortem/metamortem"
)

// cloudIncidentsFormat reads cloud incidents normalised across providers (AWS, Azure, Google
// Cloud): arrays of {id, provider, title, description, severity, status, startedAt, resolvedAt,
// affectedServices, updates, sourceUrl}. Azure Post Incident Reviews and Google Cloud incident
// reports carried in the description or an update give factors, actions and sections.
var cloudIncidentsFormat = Format{
	Name:       "cloud-incidents",
	Extensions: []string{".json"},
	Sniff:      sniffCloudIncidents,
	Parse:      reviewsOnly(parseCloudIncidents),
}

type cloudIncident struct {
	ID          jsonText       `json:"id"`
	Provider    jsonText       `json:"provider"`
	Title       jsonText       `json:"title"`
	Description jsonText       `json:"description"`
	Severity    jsonText       `json:"severity"`
	StartedAt   jsonTime       `json:"startedAt"`
	ResolvedAt  jsonTime       `json:"resolvedAt"`
	Services    []cloudService `json:"affectedServices"`
	Updates     []cloudUpdate  `json:"updates"`
	SourceURL   jsonText       `json:"sourceUrl"`
}

type cloudService struct {
	Name     jsonText   `json:"serviceName"`
	Category jsonText   `json:"category"`
	Regions  []jsonText `json:"regions"`
}

type cloudUpdate struct {
	At      jsonTime `json:"timestamp"`
	Status  jsonText `json:"status"`
	Message jsonText `json:"message"`
}

var (
	rePIRTitle   = regexp.MustCompile(`(?i)^(?:preliminary |final )?post incident review \(pir\)\s*[-–—:]\s*`)
	placeholders = map[string]bool{"multiple services": true, "other": true, "": true}
)

func sniffCloudIncidents(data []byte) bool {
	p, ok := peekJSON(data)
	if !ok {
		return false
	}
	if p.array {
		return p.has("provider", "affectedServices") || p.has("provider", "startedAt", "title")
	}
	return p.item("incidents", "provider", "affectedServices") || p.has("provider", "affectedServices", "startedAt")
}

func parseCloudIncidents(doc Document) ([]metamortem.Review, error) {
	recs, err := jsonRecords(doc.Data, hasKey("provider"), "incidents")
	if err != nil {
		return nil, err
	}
	reviews, err := decodeReviews(doc, recs, "incidents", cloudReview)
	if err != nil {
		return nil, err
	}
	assignIDs(doc, reviews)
	return reviews, nil
}

// cloudReview turns one normalised cloud incident into a review.
func cloudReview(inc cloudIncident) metamortem.Review {
	r := metamortem.Review{
		ID:         inc.ID.String(),
		Kind:       metamortem.KindIncident,
		Title:      clip(cleanInline(rePIRTitle.ReplaceAllString(inc.Title.String(), "")), 200),
		Severity:   strings.ToLower(inc.Severity.String()),
		StartedAt:  inc.StartedAt.t,
		ResolvedAt: inc.ResolvedAt.t,
		Sections:   map[string]string{},
	}
	r.SeverityRank = metamortem.SeverityRank(r.Severity)
	var comps []string
	tags := []string{inc.Provider.String()}
	for _, s := range inc.Services {
		if name := cleanInline(s.Name.String()); !placeholders[strings.ToLower(name)] {
			comps = append(comps, name)
		}
		if c := s.Category.String(); !placeholders[strings.ToLower(c)] {
			tags = append(tags, c)
		}
	}
	r.Components = dedupeLower(comps)
	r.Tags = dedupeLower(tags)

	texts, timeline := feedUpdates(inc.Updates, func(u cloudUpdate) (*time.Time, string) { return u.At.t, u.Message.String() })
	desc := inc.Description.String()
	switch {
	case latestReport(texts) != "":
		readReport(latestReport(texts)).apply(&r)
	case pirQuestions[1].re.MatchString(desc) || pirQuestions[3].re.MatchString(desc):
		readReport(desc).apply(&r)
	default:
		if rep := pirText(texts); rep != "" {
			readReport(rep).apply(&r)
		}
	}
	r.Timeline = timeline
	if _, ok := r.Sections[kindSummary]; !ok && desc != "" {
		r.Sections[kindSummary] = plainText(desc)
	}
	if u := inc.SourceURL.String(); u != "" {
		r.Sections["source_url"] = u
	}
	r.Kind = kindOf([]string{r.Title})
	return r
}

// pirText returns the update messages that form an Azure Post Incident Review, joined oldest
// first, when any of them asks the review's questions; else "".
func pirText(newestFirst []string) string {
	found := false
	var parts []string
	for i := len(newestFirst) - 1; i >= 0; i-- {
		t := newestFirst[i]
		for _, q := range pirQuestions {
			if q.re.MatchString(t) {
				found = true
			}
		}
		parts = append(parts, t)
	}
	if !found {
		return ""
	}
	return strings.Join(parts, "\n\n")
}
