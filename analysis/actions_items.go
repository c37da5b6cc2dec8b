package analysis

import (
	"strings"
	"time"

	"github.com/metamortem/metamortem"
)

// actionItem is one action item with what the people analyses know about it.
type actionItem struct {
	review *rosterReview
	action metamortem.Action
	// owner is the owner's display name (a team's canonical name), or the owner as written
	// when it resolves to nobody; ownerIsTeam says it is a team.
	owner       string
	ownerIsTeam bool
	// team is the owning team: the owner's (a team, or a catalog person's first team), else
	// the first owning team of the review's first component that has one; "" when neither.
	team string
	// agreed is when the action was agreed: the review's date, else the incident's
	// resolution; nil when the review gives neither.
	agreed *time.Time
}

// actionItems lists every action item of every review, drills included, in review order. The
// list is shared: callers sort or change a copy.
func (ro *People) actionItems() []actionItem { return ro.items() }

// listActionItems works out actionItems.
func (ro *People) listActionItems() []actionItem {
	n := 0
	for i := range ro.reviews {
		n += len(ro.reviews[i].review.Actions)
	}
	out := make([]actionItem, 0, n)
	// owners memoises what each owner as written stands for: reviews repeat a few hundred.
	type owner struct {
		team   string
		isTeam bool
		teams  []string
	}
	owners := map[string]owner{}
	for i := range ro.reviews {
		x := &ro.reviews[i]
		agreed := agreedAt(x.review)
		for _, a := range x.review.Actions {
			item := actionItem{review: x, action: a, agreed: agreed}
			if written := strings.TrimSpace(a.Owner); written != "" {
				o, ok := owners[written]
				if !ok {
					o.team, o.isTeam = ro.team(written)
					o.teams, _ = ro.ownerTeams(written)
					owners[written] = o
				}
				item.owner = written
				if d := x.people[written]; d != "" {
					item.owner = d
				}
				if o.isTeam {
					item.owner, item.ownerIsTeam = o.team, true
				}
				if len(o.teams) > 0 {
					item.team = o.teams[0]
				}
			}
			for _, c := range x.components {
				if item.team != "" {
					break
				}
				if teams := ro.owningTeams(c); len(teams) > 0 {
					item.team = teams[0]
				}
			}
			out = append(out, item)
		}
	}
	return out
}

// agreedAt is when a review's actions were agreed: when it was reviewed, else when the
// incident was resolved; nil when neither is known.
func agreedAt(r metamortem.Review) *time.Time {
	for _, t := range []*time.Time{r.ReviewedAt, r.ResolvedAt} {
		if t != nil {
			u := t.UTC()
			return &u
		}
	}
	return nil
}

// LatestReviewDate returns the latest date on which a review's actions were agreed (its review
// date, else its resolution), the default "as of" for Actions, so that results depend on the
// data and not on the clock. ok is false when no review has either date.
func LatestReviewDate(reviews []metamortem.Review) (latest time.Time, ok bool) {
	for _, r := range reviews {
		if t := agreedAt(r); t != nil && t.After(latest) {
			latest, ok = *t, true
		}
	}
	return latest, ok
}
