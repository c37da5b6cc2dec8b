package lint

// Rule is one check, with the level it reports at unless configured otherwise and the
// principle a fix should follow.
type Rule struct {
	ID        string
	Level     Level
	Summary   string
	Principle string
}

// Rules lists every check lint makes, in the order the README documents them.
var Rules = []Rule{
	{"late-review", LevelWarning, "review written more than the allowed time after resolution",
		"Hold the review while memories are fresh: within 24 hours of resolution, or schedule it then."},
	{"no-review-date", LevelNote, "no review date, so timeliness cannot be checked",
		"Record when the review was held (front matter reviewed_at or a Date of review line)."},
	{"missing-factors", LevelError, "no contributing factors",
		"List the conditions that together allowed the incident, one statement each."},
	{"single-root-cause", LevelWarning, "a single root cause and nothing else",
		"Incidents have several contributing factors; ask what else had to be true for this one to hurt."},
	{"missing-timeline", LevelWarning, "no timeline",
		"A timeline with times shows detection and response delays that prose hides."},
	{"missing-impact", LevelError, "no impact section",
		"Say who was affected, how, and for how long."},
	{"missing-customer-impact", LevelWarning, "impact does not describe customer impact",
		"Say what customers (users, merchants, shoppers) saw, or that they saw nothing."},
	{"missing-employee-impact", LevelWarning, "impact does not describe the impact on employees",
		"Incidents cost people too: pages, overtime, support load, stress. Name it."},
	{"missing-difficulties", LevelWarning, "no account of difficulties during handling",
		"Say what made responding hard (access, tooling, missing runbooks, alert noise): that is where the next incident gets shorter."},
	{"missing-actions", LevelError, "no action items",
		"Agree on what will change, with an owner and a date."},
	{"action-no-owner", LevelWarning, "action item without an owner",
		"Every action needs one owner (a person or a team), or it will not happen."},
	{"action-no-due", LevelWarning, "action item without a due date",
		"A due date lets the follow-through be checked."},
	{"action-no-ticket", LevelWarning, "action item without a ticket",
		"Link a ticket so the action is tracked where the work happens."},
	{"blame-language", LevelError, "blaming language",
		"Describe what made the action reasonable at the time and what the system allowed; \"human error\" ends the inquiry where it should start."},
	{"counterfactual", LevelWarning, "counterfactual language aimed at people",
		"Say what people knew and did at the time, not what they should have done with hindsight."},
	{"person-blame", LevelError, "a person as the subject of a failure",
		"Make the system the subject: \"the change reached production without review because the pipeline allowed it\", not \"Sam pushed a bad change\"."},
}

// ruleByID returns the rule with the given ID.
func ruleByID(id string) (Rule, bool) {
	for _, r := range Rules {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}
