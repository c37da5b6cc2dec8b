package analysis

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/metamortem/metamortem"
)

// The checks of a single review's quality live here, so that package lint (on one document,
// pointing at lines) and Quality (over stored reviews, counting) apply the same rules.

// DefaultReviewWithin is how long after resolution a review may be held and still count as
// timely.
const DefaultReviewWithin = 24 * time.Hour

// The rules CheckReview and CheckLanguage report; package lint documents each one.
const (
	RuleLateReview            = "late-review"
	RuleNoReviewDate          = "no-review-date"
	RuleMissingFactors        = "missing-factors"
	RuleSingleRootCause       = "single-root-cause"
	RuleMissingTimeline       = "missing-timeline"
	RuleMissingImpact         = "missing-impact"
	RuleMissingCustomerImpact = "missing-customer-impact"
	RuleMissingEmployeeImpact = "missing-employee-impact"
	RuleMissingDifficulties   = "missing-difficulties"
	RuleMissingActions        = "missing-actions"
	RuleActionNoOwner         = "action-no-owner"
	RuleActionNoDue           = "action-no-due"
	RuleActionNoTicket        = "action-no-ticket"
	RuleBlameLanguage         = "blame-language"
	RuleCounterfactual        = "counterfactual"
	RulePersonBlame           = "person-blame"
)

// AnchorKind says what part of a review a QualityFinding is about.
type AnchorKind int

// The parts of a review a finding can be about.
const (
	// AnchorReview: the review as a whole; Anchor.Text is its title.
	AnchorReview AnchorKind = iota
	// AnchorText: one piece of its text, such as a factor or an action, given in Anchor.Text.
	AnchorText
	// AnchorHeading: one of its sections, whose name (as in Review.Sections) is Anchor.Text.
	AnchorHeading
)

// Anchor is the part of a review a finding is about, so that a reader holding the document can
// point at the line it stands on.
type Anchor struct {
	Kind AnchorKind
	Text string
}

// QualityFinding is one way a review falls short of what a review needs.
type QualityFinding struct {
	Rule    string
	Message string
	// About is the part of the review the finding is about (CheckReview).
	About Anchor
	// Line is the 1-based line of the text the finding stands on (CheckLanguage); 0 otherwise.
	Line int
}

var (
	customerWords = regexp.MustCompile(`(?i)\b(customers?|users?|merchants?|shoppers?|clients?|buyers?|sellers?|visitors?|subscribers?|tenants?|consumers?|members?|partners?|orders?)\b`)
	employeeWords = regexp.MustCompile(`(?i)\b(employees?|staff|on-?call|engineers?|responders?|support|agents?|colleagues?|overtime|paged|pages|pager|weekend|night|team|teams|people|burnout|stress|toil)\b`)
)

// Timeliness says whether a review was held in time.
type Timeliness int

// The timeliness of a review.
const (
	// OnTime: held no later than the allowed time after resolution (or mitigation).
	OnTime Timeliness = iota
	// Late: held later than that.
	Late
	// NoReviewDate: the review does not say when it was held.
	NoReviewDate
	// NoResolution: it says when it was held, but not when the incident was resolved or
	// mitigated, so there is nothing to measure from.
	NoResolution
)

// ReviewTimeliness says whether r was held within the allowed time of its resolution (its
// mitigation when no resolution is written), and how long after it it was held when both
// dates are known (negative when the review came first).
func ReviewTimeliness(r metamortem.Review, within time.Duration) (Timeliness, time.Duration) {
	resolved := r.ResolvedAt
	if resolved == nil {
		resolved = r.MitigatedAt
	}
	switch {
	case r.ReviewedAt == nil:
		return NoReviewDate, 0
	case resolved == nil:
		return NoResolution, 0
	}
	delay := r.ReviewedAt.Sub(*resolved)
	if delay > within {
		return Late, delay
	}
	return OnTime, delay
}

// CheckReview makes the checks that look at a review's structure: timeliness (against within),
// depth (factors, timeline, customer and employee impact, difficulties, actions) and whether
// each action is owned, dated and tracked.
func CheckReview(r metamortem.Review, within time.Duration) []QualityFinding {
	var out []QualityFinding
	add := func(rule string, about Anchor, msg string) {
		out = append(out, QualityFinding{Rule: rule, Message: msg, About: about})
	}
	whole := Anchor{AnchorReview, r.Title}

	switch status, delay := ReviewTimeliness(r, within); status {
	case NoReviewDate:
		add(RuleNoReviewDate, whole, "no review date, so timeliness cannot be checked")
	case Late:
		add(RuleLateReview, whole, fmt.Sprintf("review held %s after resolution (allowed: %s)",
			roundDuration(delay), roundDuration(within)))
	}

	switch len(r.Factors) {
	case 0:
		add(RuleMissingFactors, whole, "no contributing factors")
	case 1:
		add(RuleSingleRootCause, Anchor{AnchorText, r.Factors[0].Text}, "a single contributing factor and nothing else")
	}
	if len(r.Timeline) == 0 {
		add(RuleMissingTimeline, whole, "no timeline")
	}
	impact := strings.TrimSpace(r.Sections["impact"])
	if impact == "" {
		add(RuleMissingImpact, whole, "no impact section")
	} else {
		heading := Anchor{AnchorHeading, "impact"}
		if !customerWords.MatchString(impact) {
			add(RuleMissingCustomerImpact, heading, "the impact section does not say what customers saw")
		}
		if !employeeWords.MatchString(impact) {
			add(RuleMissingEmployeeImpact, heading, "the impact section does not say what the incident cost employees (pages, overtime, support load)")
		}
	}
	if strings.TrimSpace(r.Sections["difficulties"]) == "" && strings.TrimSpace(r.Sections["went_wrong"]) == "" {
		add(RuleMissingDifficulties, whole, "no account of difficulties during handling (a Difficulties or What went wrong section)")
	}
	if len(r.Actions) == 0 {
		add(RuleMissingActions, whole, "no action items")
	}
	for _, a := range r.Actions {
		about := Anchor{AnchorText, a.Text}
		short := shorten(a.Text, 60)
		if a.Owner == "" {
			add(RuleActionNoOwner, about, fmt.Sprintf("action %q has no owner", short))
		}
		if a.Due == nil && a.Status != metamortem.ActionDone {
			add(RuleActionNoDue, about, fmt.Sprintf("action %q has no due date", short))
		}
		if a.Ticket == "" {
			add(RuleActionNoTicket, about, fmt.Sprintf("action %q has no ticket", short))
		}
	}
	return out
}

// roundDuration prints a duration in hours or days, as a person would say it.
func roundDuration(d time.Duration) string {
	if d >= 48*time.Hour {
		return fmt.Sprintf("%.1f days", d.Hours()/24)
	}
	return fmt.Sprintf("%.0f hours", d.Hours())
}

// shorten cuts s to at most n runes, marking the cut.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
