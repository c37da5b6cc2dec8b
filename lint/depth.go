package lint

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/metamortem/metamortem"
)

var (
	customerWords = regexp.MustCompile(`(?i)\b(customers?|users?|merchants?|shoppers?|clients?|buyers?|sellers?|visitors?|subscribers?|tenants?|consumers?|members?|partners?|orders?)\b`)
	employeeWords = regexp.MustCompile(`(?i)\b(employees?|staff|on-?call|engineers?|responders?|support|agents?|colleagues?|overtime|paged|pages|pager|weekend|night|team|teams|people|burnout|stress|toil)\b`)
)

// checkReview makes the checks that look at a review's structure: timeliness, depth and
// action items. loc finds the line a piece of the review's text stands on.
func checkReview(r metamortem.Review, cfg Config, loc *locator) []Finding {
	var out []Finding
	add := func(rule string, line int, msg string) {
		out = append(out, Finding{Rule: rule, Line: line, Message: msg, Review: r.ID})
	}
	top := loc.title(r.Title)

	resolved := r.ResolvedAt
	if resolved == nil {
		resolved = r.MitigatedAt
	}
	switch {
	case r.ReviewedAt == nil:
		add("no-review-date", top, "no review date, so timeliness cannot be checked")
	case resolved != nil && r.ReviewedAt.Sub(*resolved) > cfg.ReviewWithin:
		add("late-review", top, fmt.Sprintf("review held %s after resolution (allowed: %s)",
			roundDuration(r.ReviewedAt.Sub(*resolved)), roundDuration(cfg.ReviewWithin)))
	}

	switch len(r.Factors) {
	case 0:
		add("missing-factors", top, "no contributing factors")
	case 1:
		add("single-root-cause", loc.find(r.Factors[0].Text), "a single contributing factor and nothing else")
	}
	if len(r.Timeline) == 0 {
		add("missing-timeline", top, "no timeline")
	}
	impact := strings.TrimSpace(r.Sections["impact"])
	if impact == "" {
		add("missing-impact", top, "no impact section")
	} else {
		line := loc.heading("impact")
		if !customerWords.MatchString(impact) {
			add("missing-customer-impact", line, "the impact section does not say what customers saw")
		}
		if !employeeWords.MatchString(impact) {
			add("missing-employee-impact", line, "the impact section does not say what the incident cost employees (pages, overtime, support load)")
		}
	}
	if strings.TrimSpace(r.Sections["difficulties"]) == "" && strings.TrimSpace(r.Sections["went_wrong"]) == "" {
		add("missing-difficulties", top, "no account of difficulties during handling (a Difficulties or What went wrong section)")
	}
	if len(r.Actions) == 0 {
		add("missing-actions", top, "no action items")
	}
	for _, a := range r.Actions {
		line := loc.find(a.Text)
		short := shorten(a.Text, 60)
		if a.Owner == "" {
			add("action-no-owner", line, fmt.Sprintf("action %q has no owner", short))
		}
		if a.Due == nil && a.Status != metamortem.ActionDone {
			add("action-no-due", line, fmt.Sprintf("action %q has no due date", short))
		}
		if a.Ticket == "" {
			add("action-no-ticket", line, fmt.Sprintf("action %q has no ticket", short))
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
