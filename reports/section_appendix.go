package reports

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/analysis"
)

// maxAppendixReviews is how many reviews in range the appendix lists in full; when more started
// in the range, it lists only those a section cites, so that the report stays bounded.
const maxAppendixReviews = 200

// appendix is section 9: every review in range (only the cited ones when there are more than
// maxAppendixReviews), and every earlier review a section cites, each with the anchor the
// sections link to and the path of its source document.
type appendix struct {
	Sentence string      `json:"sentence"`
	Reviews  []reviewRow `json:"reviews"`
	Cited    []reviewRow `json:"cited"`
}

// reviewRow is one review of the appendix.
type reviewRow struct {
	Anchor     string     `json:"anchor"`
	ID         string     `json:"id"`
	Title      string     `json:"title"`
	Kind       string     `json:"kind"`
	Severity   string     `json:"severity"`
	Started    *time.Time `json:"started"`
	Components []string   `json:"components"`
	// RecoveryMinutes is the time to recover (analysis.RecoveryTime); nil when not known.
	RecoveryMinutes *float64 `json:"recovery_minutes"`
	Source          string   `json:"source"`
	Format          string   `json:"format"`
}

func newAppendix(in input, undated int) appendix {
	a := appendix{Reviews: []reviewRow{}, Cited: []reviewRow{}}
	byStart := func(x, y metamortem.Review) int {
		return cmp.Or(x.StartedAt.Compare(*y.StartedAt), strings.Compare(x.ID, y.ID))
	}
	current := slices.SortedStableFunc(slices.Values(in.current), byStart)
	inRange := map[string]bool{}
	all := len(current) <= maxAppendixReviews
	for _, r := range current {
		if all || in.cite.cited[r.ID] {
			a.Reviews = append(a.Reviews, newReviewRow(in, r))
		}
		inRange[r.ID] = true
	}
	var cited []metamortem.Review
	for _, r := range in.history {
		if in.cite.cited[r.ID] && !inRange[r.ID] {
			cited = append(cited, r)
		}
	}
	slices.SortStableFunc(cited, byStart)
	for _, r := range cited {
		a.Cited = append(a.Cited, newReviewRow(in, r))
	}
	a.Sentence = fmt.Sprintf("The %s that started in %s, oldest first, and the %s cited above; times are UTC.",
		count(len(a.Reviews), "review", "reviews"), in.cur.Label, count(len(a.Cited), "earlier review", "earlier reviews"))
	if !all {
		a.Sentence = fmt.Sprintf("Of the %d reviews that started in %s, the %d a section cites, oldest first (above %d, only those are listed), and the %s cited above; times are UTC.",
			len(current), in.cur.Label, len(a.Reviews), maxAppendixReviews, count(len(a.Cited), "earlier review", "earlier reviews"))
	}
	if undated > 0 {
		a.Sentence += fmt.Sprintf(" %s no start time, so no range holds %s and no section counts %s.",
			count(undated, "review has", "reviews have"), pick(undated, "it", "them"), pick(undated, "it", "them"))
	}
	return a
}

// pick returns singular when n is 1, else plural.
func pick(n int, singular, plural string) string {
	if n == 1 {
		return singular
	}
	return plural
}

func newReviewRow(in input, r metamortem.Review) reviewRow {
	row := reviewRow{Anchor: anchor(r.ID), ID: r.ID, Title: in.names.text(r.Title), Kind: string(kindOf(r)),
		Severity: analysis.SeverityLabel(r.Severity), Started: utc(r.StartedAt), Components: nonNil(r.Components),
		Source: r.Source.Path, Format: r.Source.Format}
	if d, status := analysis.RecoveryTime(r); status == analysis.RecoveryKnown {
		m := round(d.Minutes(), 1)
		row.RecoveryMinutes = &m
	}
	return row
}
