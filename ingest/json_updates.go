package ingest

import (
	"slices"
	"strings"
	"time"

	"github.com/metamortem/metamortem"
)

// Status feeds (cloud providers' dashboards, Statuspage) post an incident as a series of
// updates; these turn them into a timeline and find the incident report among them.

// feedUpdates orders a feed's updates newest first, as the feeds write them (unknown times last,
// the feed's order among equals), and returns their texts in that order and their timeline,
// oldest first (statusTimeline). update gives an update's time and text.
func feedUpdates[U any](updates []U, update func(U) (*time.Time, string)) (newestFirst []string, timeline []metamortem.TimelineEvent) {
	type posted struct {
		at   *time.Time
		text string
	}
	sorted := make([]posted, len(updates))
	for i, u := range updates {
		sorted[i].at, sorted[i].text = update(u)
	}
	slices.SortStableFunc(sorted, func(a, b posted) int { return compareTimes(b.at, a.at) })
	for _, p := range sorted {
		newestFirst = append(newestFirst, p.text)
	}
	timeline = statusTimeline(len(sorted), func(i int) (*time.Time, string) {
		p := sorted[len(sorted)-1-i]
		return p.at, p.text
	})
	return newestFirst, timeline
}

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
