package ingest

import (
	"regexp"
	"strings"
	"time"
)

// reReviewedProse finds a review date stated in a sentence: "Reviewed 2024-12-18 14:00 UTC.",
// "Review held on 12 November", "The review meeting on 16 December covered both",
// "Postmortem held 2024-03-20". The date runs to the end of the clause or to " by ".
var reReviewedProse = regexp.MustCompile(`(?i)\b(?:reviewed|review (?:meeting )?(?:was )?(?:held|took place)|review meeting|post-?mortem (?:meeting )?(?:was )?held)(?: on)?\s+([^.;,()\n]+?)(?:\s+by\b|\s+covered\b|[.;,()]|$)`)

// reviewedInProse returns the first review date stated in a sentence of text, reading dates
// without a year against ref, or nil. It is the last resort, after front matter and key-value
// lines: prose about reviewing other things ("we reviewed the logs") has no date and is passed
// over.
func reviewedInProse(text string, ref ymd) *time.Time {
	if !strings.Contains(strings.ToLower(text), "review") && !strings.Contains(strings.ToLower(text), "mortem") {
		return nil
	}
	for _, m := range reReviewedProse.FindAllStringSubmatch(text, -1) {
		if t, _, ok := parseWhen(strings.TrimSpace(m[1]), ref, nil); ok {
			return &t
		}
	}
	return nil
}
