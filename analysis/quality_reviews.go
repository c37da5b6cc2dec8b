package analysis

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/metamortem/metamortem"
)

// QualityOptions tune Quality.
type QualityOptions struct {
	// ReviewWithin is how long after resolution a review may be held; 0 means
	// DefaultReviewWithin.
	ReviewWithin time.Duration
}

// ReviewQuality is how well a set of stored reviews was written, judged by the rules package
// lint applies to single documents (CheckReview, CheckLanguage): when the reviews were held,
// what they contain, and whether their language blames people.
type ReviewQuality struct {
	// Reviews counts the reviews judged.
	Reviews int
	// ReviewWithin is the time after resolution a review counts as timely within.
	ReviewWithin time.Duration
	// OnTime, Late, NoReviewDate and NoResolution count the reviews of each Timeliness; they
	// add up to Reviews.
	OnTime, Late, NoReviewDate, NoResolution int
	// Delay describes, for the reviews with both dates, the time from resolution (or
	// mitigation) to review; a review held before resolution counts as zero.
	Delay Distribution[time.Duration]
	// Depth counts the reviews that have each part a review needs, in the order of DepthParts.
	Depth []DepthCount
	// Blame lists the reviews whose text has blame or counterfactual language, by ID; the
	// findings' messages, which quote the words and may name people, are not kept.
	Blame []BlameReview
}

// DepthCount is the number of reviews that have one part a review needs.
type DepthCount struct {
	Part    string
	Reviews int
}

// BlameReview is one review with blame or counterfactual language: how many findings of each
// rule its text gave.
type BlameReview struct {
	ReviewID string
	Rules    []RuleCount
}

// RuleCount is the number of findings of one rule.
type RuleCount struct {
	Rule  string
	Count int
}

// depthPart is one part a review needs, present when none of the rules that report its
// absence fired.
type depthPart struct {
	name    string
	missing []string
}

// depthParts are the parts Quality counts, in order.
var depthParts = []depthPart{
	{"contributing factors", []string{RuleMissingFactors}},
	{"timeline", []string{RuleMissingTimeline}},
	{"impact", []string{RuleMissingImpact}},
	{"customer impact", []string{RuleMissingImpact, RuleMissingCustomerImpact}},
	{"employee impact", []string{RuleMissingImpact, RuleMissingEmployeeImpact}},
	{"difficulties", []string{RuleMissingDifficulties}},
	{"action items", []string{RuleMissingActions}},
}

// DepthParts names the parts of a review ReviewQuality.Depth counts, in its order.
func DepthParts() []string {
	out := make([]string, len(depthParts))
	for i, p := range depthParts {
		out[i] = p.name
	}
	return out
}

// blameRules are the rules of CheckLanguage.
var blameRules = []string{RuleBlameLanguage, RulePersonBlame, RuleCounterfactual}

// Quality judges each review by CheckReview, and its text (title, sections, factors, actions
// and timeline entries) by CheckLanguage with the people it names, and counts the results.
func Quality(reviews []metamortem.Review, opts QualityOptions) ReviewQuality {
	within := cmp.Or(opts.ReviewWithin, DefaultReviewWithin)
	q := ReviewQuality{Reviews: len(reviews), ReviewWithin: within, Depth: make([]DepthCount, len(depthParts))}
	for i, p := range depthParts {
		q.Depth[i].Part = p.name
	}
	var delays []time.Duration
	language := newLanguageChecker()
	for _, r := range reviews {
		status, delay := ReviewTimeliness(r, within)
		switch status {
		case OnTime:
			q.OnTime++
		case Late:
			q.Late++
		case NoReviewDate:
			q.NoReviewDate++
		case NoResolution:
			q.NoResolution++
		}
		if status == OnTime || status == Late {
			delays = append(delays, max(delay, 0))
		}

		fired := map[string]bool{}
		for _, f := range CheckReview(r, within) {
			fired[f.Rule] = true
		}
		for i, p := range depthParts {
			if !slices.ContainsFunc(p.missing, func(rule string) bool { return fired[rule] }) {
				q.Depth[i].Reviews++
			}
		}

		counts := map[string]int{}
		people := PeopleNamed([]metamortem.Review{r})
		for _, block := range reviewBlocks(r) {
			for _, f := range language.check(block, people) {
				counts[f.Rule]++
			}
		}
		if len(counts) > 0 {
			b := BlameReview{ReviewID: r.ID}
			for _, rule := range blameRules {
				if counts[rule] > 0 {
					b.Rules = append(b.Rules, RuleCount{rule, counts[rule]})
				}
			}
			q.Blame = append(q.Blame, b)
		}
	}
	q.Delay = NewDistribution(delays)
	slices.SortFunc(q.Blame, func(a, b BlameReview) int { return strings.Compare(a.ReviewID, b.ReviewID) })
	return q
}

// reviewBlocks are the lines of a stored review's text, block by block in a fixed order: the
// title, the sections by name, then factors, actions and timeline entries. A section usually
// holds the factors' or actions' text too, so a line already seen is blanked (fence lines are
// kept, so that each block's code fences still open and close).
func reviewBlocks(r metamortem.Review) [][]string {
	seen := map[string]bool{}
	var blocks [][]string
	add := func(text string) {
		lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
		for i, line := range lines {
			key := strings.TrimSpace(line)
			if strings.HasPrefix(key, "```") || strings.HasPrefix(key, "~~~") {
				continue
			}
			if seen[key] {
				lines[i] = ""
			}
			seen[key] = true
		}
		blocks = append(blocks, lines)
	}
	add(r.Title)
	names := make([]string, 0, len(r.Sections))
	for name := range r.Sections {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		add(r.Sections[name])
	}
	for _, f := range r.Factors {
		add(f.Text)
	}
	for _, a := range r.Actions {
		add(a.Text)
	}
	for _, e := range r.Timeline {
		add(e.Text)
	}
	return blocks
}
