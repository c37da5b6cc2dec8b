package ingest

import (
	"encoding/json"
	"regexp"
	"strings"
	"time"

	"github.com/metamortem/metamortem"
)

// awsHealthFormat reads the AWS Service Health Dashboard's event archive (data.json: {"archive":
// [...], "current": [...]}, or a bare array of events). Each event names a service and region,
// a summary, the Unix time of its first post, a status code and an HTML description that holds
// one <div> per update, its time of day in a leading <span>; the HTML importer's htmlToText
// flattens each update to text.
var awsHealthFormat = Format{
	Name:       "aws-health",
	Extensions: []string{".json"},
	Sniff:      sniffAWSHealth,
	Parse:      reviewsOnly(parseAWSHealth),
}

type awsEvent struct {
	ServiceName jsonText `json:"service_name"`
	Service     jsonText `json:"service"`
	Summary     jsonText `json:"summary"`
	Date        jsonTime `json:"date"`
	Status      jsonText `json:"status"`
	Description jsonText `json:"description"`
}

// awsStatuses are the dashboard's status codes: the severity they stand for and its rank.
var awsStatuses = map[string]struct {
	severity string
	rank     int
}{
	"1": {"informational", 4},
	"2": {"performance issues", 3},
	"3": {"service disruption", 2},
}

var (
	reAWSDiv     = regexp.MustCompile(`(?is)<div[^>]*>(.*?)</div>`)
	reAWSSpan    = regexp.MustCompile(`(?is)^\s*<span[^>]*>(.*?)</span>`)
	reAWSState   = regexp.MustCompile(`^\s*\[([A-Za-z ]+)\]\s*`)
	reAWSRegion  = regexp.MustCompile(`\s*\(([^()]+)\)\s*$`)
	awsEventKeys = []string{"service_name", "summary", "date", "description"}
)

func sniffAWSHealth(data []byte) bool {
	p, ok := peekJSON(data)
	if !ok {
		return false
	}
	if p.array {
		return p.has(awsEventKeys...)
	}
	return p.item("archive", awsEventKeys...) || p.item("current", awsEventKeys...) ||
		p.has(awsEventKeys...) && p.has("service")
}

func parseAWSHealth(doc Document) ([]metamortem.Review, error) {
	data := trimBOM(doc.Data)
	var recs []json.RawMessage
	var wrapped struct {
		Archive []json.RawMessage `json:"archive"`
		Current []json.RawMessage `json:"current"`
	}
	if p, ok := peekJSON(data); ok && !p.array && (p.has("archive") || p.has("current")) {
		if err := decodeDocument(data, &wrapped); err != nil {
			return nil, err
		}
		recs = append(wrapped.Current, wrapped.Archive...)
	} else {
		var err error
		recs, err = jsonRecords(data, hasKey("service_name"), "archive", "events")
		if err != nil {
			return nil, err
		}
	}
	reviews, err := decodeReviews(doc, recs, "events", awsReview)
	if err != nil {
		return nil, err
	}
	assignIDs(doc, reviews)
	return reviews, nil
}

// awsReview turns one dashboard event into a review.
func awsReview(ev awsEvent) metamortem.Review {
	r := metamortem.Review{Kind: metamortem.KindIncident, StartedAt: ev.Date.t, Sections: map[string]string{}}
	title := ev.Summary.String()
	state := ""
	if m := reAWSState.FindStringSubmatch(title); m != nil {
		state = strings.ToLower(m[1])
		title = title[len(m[0]):]
	}
	r.Title = cleanInline(title)
	if st, ok := awsStatuses[ev.Status.String()]; ok {
		r.Severity, r.SeverityRank = st.severity, rank(st.rank)
	}
	service, region := cleanInline(ev.ServiceName.String()), ""
	if m := reAWSRegion.FindStringSubmatchIndex(service); m != nil {
		region = service[m[2]:m[3]]
		service = service[:m[0]]
	}
	r.Components = dedupeLower([]string{service})
	r.Tags = dedupeLower([]string{"aws", region})
	if key := ev.Service.String(); key != "" && ev.Date.t != nil {
		r.ID = "aws-" + key + "-" + ev.Date.t.Format("20060102T150405")
	}
	r.Timeline = awsTimeline(ev.Description.String(), ev.Date.t)
	var texts []string
	for _, e := range r.Timeline {
		texts = append(texts, e.Text)
	}
	if len(texts) > 0 {
		r.Sections[kindSummary] = texts[len(texts)-1]
		r.Sections[kindTimeline] = strings.Join(texts, "\n")
		if state == "resolved" {
			r.ResolvedAt = r.Timeline[len(r.Timeline)-1].At
		}
	}
	return r
}

// rank returns a pointer to a severity rank.
func rank(n int) *int { return &n }

// awsTimeline reads the updates of an event's HTML description: one per <div>, its stamp in a
// leading <span> ("12:53 PM PDT", "Sep 21, 9:05 AM PDT"). A time without a date falls on the
// day of the first post, in the stamp's zone, or the next day when it would go back in time.
func awsTimeline(desc string, first *time.Time) []metamortem.TimelineEvent {
	divs := reAWSDiv.FindAllStringSubmatch(desc, -1)
	if len(divs) == 0 && strings.TrimSpace(desc) != "" {
		divs = [][]string{{desc, desc}}
	}
	var out []metamortem.TimelineEvent
	var prev *time.Time
	for _, d := range divs {
		body := d[1]
		var at *time.Time
		if m := reAWSSpan.FindStringSubmatch(body); m != nil {
			if st, rest, ok := scanStamp(htmlToText(m[1])); ok && strings.TrimSpace(rest) == "" {
				at = awsStampTime(st, first, prev)
			}
			if at != nil {
				body = body[len(m[0]):]
			}
		}
		text := strings.Join(strings.Fields(htmlToText(body)), " ")
		if text == "" {
			continue
		}
		out = append(out, metamortem.TimelineEvent{At: at, Text: text})
		if at != nil {
			prev = at
		}
	}
	return out
}

// awsStampTime places a dashboard stamp in time: on its own date, else on the local date of
// the previous update (or of the first post).
func awsStampTime(st stamp, first, prev *time.Time) *time.Time {
	ref := firstTime(prev, first)
	if ref == nil {
		return nil
	}
	loc := st.loc
	if loc == nil {
		loc = time.UTC
	}
	local := ref.In(loc)
	day := ymd{local.Year(), int(local.Month()), local.Day()}
	t, ok := st.at(day, loc)
	if !ok {
		return nil
	}
	if !st.hasDate && t.Before(ref.Add(-time.Minute)) {
		t = t.Add(24 * time.Hour)
	}
	return &t
}
