package lint

import (
	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/analysis"
)

// checkReview makes the checks that look at a review's structure: timeliness, depth and
// action items (analysis.CheckReview, so that the quality report judges stored reviews by the
// same rules). loc finds the line each finding is about.
func checkReview(r metamortem.Review, cfg Config, loc *locator) []Finding {
	var out []Finding
	for _, q := range analysis.CheckReview(r, cfg.ReviewWithin) {
		out = append(out, Finding{Rule: q.Rule, Line: loc.anchor(q.About), Message: q.Message, Review: r.ID})
	}
	return out
}
