package analysis

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/metamortem/metamortem"
)

// DefaultActionExamples is how many examples an ActionList keeps unless told otherwise.
const DefaultActionExamples = 5

// Group keys for actions no team, or no date, can be given to.
const (
	NoTeam    = "(none)"
	NoQuarter = "undated"
)

// calendarDay is the unit of action ages.
const calendarDay = 24 * time.Hour

// ActionsOptions tune Actions.
type ActionsOptions struct {
	// AsOf is the date ages and overdue items are counted at; zero means LatestReviewDate.
	AsOf time.Time
	// Examples is how many examples each ActionList keeps; 0 means DefaultActionExamples.
	Examples int
	// People are the reviews' people and components resolved against the catalog: NewPeople's
	// answer for the same reviews and catalog, shared with other analyses; nil means Actions
	// works it out.
	People *People
}

// FollowThrough is what became of the action items reviews agreed, as of one date.
//
// Statuses are as the reviews record them today, not as they were on AsOf: AsOf sets the
// clock that ages and due dates are measured against and leaves out actions agreed after it.
// An action is agreed on its review's date, else on the incident's resolution. Reviews record
// no completion date, so the time to close a done action is measured to its due date, the only
// date it has; that is a promise kept or not, not a measured duration.
type FollowThrough struct {
	AsOf time.Time
	// All tallies every action agreed by AsOf (and those whose date is unknown).
	All ActionTally
	// ByTeam groups by owning team (the owner's team, else the owner of the review's
	// component; NoTeam when neither is known), by name with NoTeam last.
	ByTeam []ActionGroup
	// BySeverity groups by the review's SeverityLabel, worst first.
	BySeverity []ActionGroup
	// ByQuarter groups by the quarter the action was agreed in, NoQuarter last.
	ByQuarter []ActionGroup
	// OpenByAge counts open actions by age.
	OpenByAge []AgeBucket
	// NoOwner and NoDue are the actions with no owner, and with no due date.
	NoOwner, NoDue ActionList
	// AfterAsOf counts actions agreed after AsOf, which are left out.
	AfterAsOf int
}

// ActionTally counts actions by status.
type ActionTally struct {
	Actions, Done, Open, WontFix, Unknown int
	// Overdue counts open actions due before AsOf.
	Overdue int
	// OpenAgeDays describes the age in whole days of open actions whose agreed date is known;
	// AgeUnknown counts the open actions without one.
	OpenAgeDays Distribution[int]
	AgeUnknown  int
	// DaysToDue describes, for done actions with a due date and a known agreed date, the whole
	// days from agreement to due date: the only stand-in for time to close reviews give.
	DaysToDue Distribution[int]
}

// Decided counts the actions whose status is known: done, open or won't fix.
func (t ActionTally) Decided() int { return t.Done + t.Open + t.WontFix }

// CompletionRate is the share of decided actions that are done; ok is false when none is
// decided.
func (t ActionTally) CompletionRate() (rate float64, ok bool) { return ratio(t.Done, t.Decided()) }

// WontFixShare is the share of decided actions marked won't fix; ok is false when none is
// decided.
func (t ActionTally) WontFixShare() (share float64, ok bool) { return ratio(t.WontFix, t.Decided()) }

func ratio(a, b int) (float64, bool) {
	if b == 0 {
		return 0, false
	}
	return float64(a) / float64(b), true
}

// ActionGroup is the tally of one group of actions.
type ActionGroup struct {
	Key string
	ActionTally
}

// AgeBucket counts open actions whose age in days is in [MinDays, MaxDays]; MaxDays < 0 means
// no upper bound. The bucket labelled "unknown" counts those with no agreed date.
type AgeBucket struct {
	Label            string
	MinDays, MaxDays int
	Open             int
}

// ActionList is a count of actions with a few of them as examples.
type ActionList struct {
	Count    int
	Examples []ActionExample
}

// ActionExample is one action, for showing.
type ActionExample struct {
	Review string
	Text   string
	// Owner is the owner as resolved (a person's display name or a team's name), or as
	// written when nothing resolves it; OwnerIsTeam says it is a team.
	Owner       string
	OwnerIsTeam bool
	Team        string
	Status      metamortem.ActionStatus
}

// ageBuckets are the open-age brackets, in days.
var ageBuckets = []AgeBucket{
	{Label: "0-30 days", MinDays: 0, MaxDays: 30},
	{Label: "31-90 days", MinDays: 31, MaxDays: 90},
	{Label: "91-180 days", MinDays: 91, MaxDays: 180},
	{Label: "181-365 days", MinDays: 181, MaxDays: 365},
	{Label: "over 365 days", MinDays: 366, MaxDays: -1},
}

// Actions measures follow-through on the reviews' action items, with owners and teams
// resolved against cat.
func Actions(reviews []metamortem.Review, cat metamortem.Catalog, opts ActionsOptions) FollowThrough {
	asOf := opts.AsOf
	if asOf.IsZero() {
		asOf, _ = LatestReviewDate(reviews)
	}
	asOf = asOf.UTC()
	examples := cmp.Or(opts.Examples, DefaultActionExamples)
	ro := opts.People
	if ro == nil {
		ro = NewPeople(reviews, cat)
	}
	items := slices.Clone(ro.actionItems())
	slices.SortStableFunc(items, func(a, b actionItem) int { return strings.Compare(a.review.review.ID, b.review.review.ID) })

	f := FollowThrough{AsOf: asOf}
	all := &tallier{}
	byTeam, bySeverity, byQuarter := map[string]*tallier{}, map[string]*tallier{}, map[string]*tallier{}
	// severities and quarters memoise the labels of the few severities and quarters there are.
	severities, quarters := map[string]string{}, map[Quarter]string{}
	buckets := slices.Clone(ageBuckets)
	unknownAge := 0
	for _, it := range items {
		if it.agreed != nil && it.agreed.After(asOf) {
			f.AfterAsOf++
			continue
		}
		severity, ok := severities[it.review.review.Severity]
		if !ok {
			severity = SeverityLabel(it.review.review.Severity)
			severities[it.review.review.Severity] = severity
		}
		quarter := NoQuarter
		if it.agreed != nil {
			q := QuarterOf(*it.agreed)
			if quarter, ok = quarters[q]; !ok {
				quarter = q.String()
				quarters[q] = quarter
			}
		}
		facts := newActionFacts(it, asOf)
		all.add(facts)
		for _, g := range []struct {
			groups map[string]*tallier
			key    string
		}{{byTeam, cmp.Or(it.team, NoTeam)}, {bySeverity, severity}, {byQuarter, quarter}} {
			if g.groups[g.key] == nil {
				g.groups[g.key] = &tallier{}
			}
			g.groups[g.key].add(facts)
		}
		if it.action.Status == metamortem.ActionOpen {
			if facts.ageKnown {
				for i := range buckets {
					if age := facts.age; age >= buckets[i].MinDays && (buckets[i].MaxDays < 0 || age <= buckets[i].MaxDays) {
						buckets[i].Open++
					}
				}
			} else {
				unknownAge++
			}
		}
		ref := ActionExample{Review: it.review.review.ID, Text: it.action.Text, Owner: it.owner, OwnerIsTeam: it.ownerIsTeam,
			Team: it.team, Status: it.action.Status}
		if it.owner == "" {
			f.NoOwner.add(ref, examples)
		}
		if it.action.Due == nil {
			f.NoDue.add(ref, examples)
		}
	}
	f.All = all.tally()
	f.OpenByAge = append(buckets, AgeBucket{Label: "unknown", MinDays: -1, MaxDays: -1, Open: unknownAge})
	lastly := func(last string) func([]string) {
		return func(keys []string) {
			slices.SortFunc(keys, func(a, b string) int {
				return cmp.Or(cmp.Compare(boolRank(a == last), boolRank(b == last)), strings.Compare(a, b))
			})
		}
	}
	f.ByTeam = sortedGroups(byTeam, lastly(NoTeam))
	f.BySeverity = sortedGroups(bySeverity, sortSeverities)
	f.ByQuarter = sortedGroups(byQuarter, lastly(NoQuarter))
	return f
}

// boolRank orders false before true.
func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (l *ActionList) add(ref ActionExample, examples int) {
	l.Count++
	if len(l.Examples) < examples {
		l.Examples = append(l.Examples, ref)
	}
}

// ageDays returns the calendar days from the action's agreement to asOf.
func (it actionItem) ageDays(asOf time.Time) (int, bool) {
	if it.agreed == nil {
		return 0, false
	}
	return daysBetween(*it.agreed, asOf), true
}

// daysBetween returns the number of calendar days (UTC) from a's date to b's.
func daysBetween(a, b time.Time) int {
	date := func(t time.Time) time.Time {
		t = t.UTC()
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	return int(date(b).Sub(date(a)) / calendarDay)
}

// actionFacts are what a tally counts of one action, worked out once for all its groups.
type actionFacts struct {
	status metamortem.ActionStatus
	// overdue is true for an open action due before asOf.
	overdue bool
	// age is the days from agreement to asOf, and toDue those from agreement to the due date,
	// each when known.
	age, toDue           int
	ageKnown, toDueKnown bool
}

func newActionFacts(it actionItem, asOf time.Time) actionFacts {
	f := actionFacts{status: it.action.Status}
	f.age, f.ageKnown = it.ageDays(asOf)
	if it.action.Due != nil {
		f.overdue = it.action.Due.Before(asOf)
		if it.agreed != nil {
			f.toDue, f.toDueKnown = daysBetween(*it.agreed, *it.action.Due), true
		}
	}
	return f
}

// tallier collects one ActionTally.
type tallier struct {
	t         ActionTally
	ages, due []int
}

func (tl *tallier) add(f actionFacts) {
	tl.t.Actions++
	switch f.status {
	case metamortem.ActionDone:
		tl.t.Done++
		if f.toDueKnown {
			tl.due = append(tl.due, f.toDue)
		}
	case metamortem.ActionOpen:
		tl.t.Open++
		if f.overdue {
			tl.t.Overdue++
		}
		if f.ageKnown {
			tl.ages = append(tl.ages, f.age)
		} else {
			tl.t.AgeUnknown++
		}
	case metamortem.ActionWontFix:
		tl.t.WontFix++
	default:
		tl.t.Unknown++
	}
}

func (tl *tallier) tally() ActionTally {
	t := tl.t
	t.OpenAgeDays = NewDistribution(tl.ages)
	t.DaysToDue = NewDistribution(tl.due)
	return t
}

// sortedGroups returns the groups' tallies in the order sortKeys puts their keys in.
func sortedGroups(groups map[string]*tallier, sortKeys func([]string)) []ActionGroup {
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sortKeys(keys)
	out := make([]ActionGroup, 0, len(keys))
	for _, k := range keys {
		out = append(out, ActionGroup{Key: k, ActionTally: groups[k].tally()})
	}
	return out
}
