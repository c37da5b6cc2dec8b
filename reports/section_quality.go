package reports

import (
	"fmt"
	"math"

	"github.com/metamortem/metamortem/analysis"
)

// quality is section 8: how well the reviews in range were written (analysis.Quality, the
// rules of metamortem lint): held within a day of resolution, what they contain, and how
// many use blame or counterfactual language. No finding is quoted, since the words may name
// people.
type quality struct {
	Sentence string `json:"sentence"`
	Reviews  int    `json:"reviews"`
	// WithinHours is the time after resolution a review counts as timely within.
	WithinHours  int `json:"within_hours"`
	OnTime       int `json:"on_time"`
	Late         int `json:"late"`
	NoReviewDate int `json:"no_review_date"`
	NoResolution int `json:"no_resolution"`
	// DelayHours describes the hours from resolution to review, for reviews with both dates.
	DelayHours spread     `json:"delay_hours"`
	Depth      []depthRow `json:"depth"`
	// BlameReviews counts the reviews with blame or counterfactual language; Blame lists them.
	BlameReviews int        `json:"blame_reviews"`
	Blame        []blameRow `json:"blame"`
}

// depthRow is how many reviews have one part a review needs.
type depthRow struct {
	Part    string   `json:"part"`
	Reviews int      `json:"reviews"`
	Share   *float64 `json:"share"`
}

// blameRow is one review with blame or counterfactual language: the number of findings of each
// rule, never the words.
type blameRow struct {
	Review reviewRef   `json:"review"`
	Rules  []ruleCount `json:"rules"`
}

// ruleCount is the number of findings of one lint rule.
type ruleCount struct {
	Rule  string `json:"rule"`
	Count int    `json:"count"`
}

func newQuality(in input) quality {
	r := analysis.Quality(in.current, analysis.QualityOptions{})
	q := quality{Reviews: r.Reviews, WithinHours: int(r.ReviewWithin.Hours()), OnTime: r.OnTime, Late: r.Late,
		NoReviewDate: r.NoReviewDate, NoResolution: r.NoResolution, Depth: []depthRow{}, Blame: []blameRow{},
		BlameReviews: len(r.Blame)}
	q.DelayHours = spread{N: r.Delay.N, Median: round(r.Delay.Median.Hours(), 1), P90: round(r.Delay.P90.Hours(), 1), SmallSample: r.Delay.SmallSample}
	for _, d := range r.Depth {
		q.Depth = append(q.Depth, depthRow{Part: d.Part, Reviews: d.Reviews, Share: share(d.Reviews, r.Reviews)})
	}
	for _, b := range r.Blame {
		row := blameRow{Review: in.cite.ref(b.ReviewID), Rules: []ruleCount{}}
		for _, c := range b.Rules {
			row.Rules = append(row.Rules, ruleCount{c.Rule, c.Count})
		}
		q.Blame = append(q.Blame, row)
	}
	q.Sentence = qualitySentence(q)
	return q
}

func qualitySentence(q quality) string {
	if q.Reviews == 0 {
		return "No review started in this range, so there is no review quality to judge."
	}
	dated := q.OnTime + q.Late
	var s string
	if dated == 0 {
		s = fmt.Sprintf("None of the %s has both a resolution and a review date, so timeliness is unknown", count(q.Reviews, "review", "reviews"))
	} else if dated == 1 {
		s = fmt.Sprintf("The one review with both dates was held more than %d hours after resolution", q.WithinHours)
		if q.OnTime == 1 {
			s = fmt.Sprintf("The one review with both dates was held within %d hours of resolution", q.WithinHours)
		}
	} else {
		s = fmt.Sprintf("%d of the %d reviews with both dates were held within %d hours of resolution", q.OnTime, dated, q.WithinHours)
	}
	if dated > 0 {
		var missing []string
		if q.NoReviewDate > 0 {
			missing = append(missing, count(q.NoReviewDate, "more has no review date", "more have no review date"))
		}
		if q.NoResolution > 0 {
			missing = append(missing, count(q.NoResolution, "more has no resolution time", "more have no resolution time"))
		}
		if len(missing) > 0 {
			s += " (" + list(missing) + ")"
		}
	}
	weakest := -1
	for i, d := range q.Depth {
		if weakest < 0 || d.Reviews < q.Depth[weakest].Reviews {
			weakest = i
		}
	}
	if weakest >= 0 {
		d := q.Depth[weakest]
		s += fmt.Sprintf("; the part most often missing is %s, in only %d of %d", d.Part, d.Reviews, q.Reviews)
	}
	switch q.BlameReviews {
	case 0:
		s += ", and no review uses blame language"
	default:
		s += fmt.Sprintf(", and %s blame or counterfactual language", count(q.BlameReviews, "review uses", "reviews use"))
	}
	return s + "."
}

// chart shows, as a share of the reviews in range, how many were timely and how many have
// each part.
func (q quality) chart() *chart {
	if q.Reviews == 0 {
		return nil
	}
	names := []string{fmt.Sprintf("held within %d h", q.WithinHours)}
	values := []float64{math.Round(100 * float64(q.OnTime) / float64(q.Reviews))}
	for _, d := range q.Depth {
		names = append(names, "has "+d.Part)
		values = append(values, math.Round(100*float64(d.Reviews)/float64(q.Reviews)))
	}
	return hbar("chart-quality", "Bar chart of the share of reviews held in time and with each part", names,
		fmt.Sprintf("%% of the %d reviews in range", q.Reviews), false, hbarSeries{"share of reviews (%)", values, barColor})
}
