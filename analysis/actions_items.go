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

// actionItems lists every action item of every review, drills included, in review order.
func (ro *roster) actionItems() []actionItem {
	var out []actionItem
	for i := range ro.reviews {
		x := &ro.reviews[i]
		for _, a := range x.review.Actions {
			item := actionItem{review: x, action: a, agreed: agreedAt(x.review)}
			if owner := strings.TrimSpace(a.Owner); owner != "" {
				item.owner = owner
				if d := x.people[owner]; d != "" {
					item.owner = d
				}
				if t, ok := ro.team(owner); ok {
					item.owner, item.ownerIsTeam = t, true
				}
				if teams, _ := ro.ownerTeams(owner); len(teams) > 0 {
					item.team = teams[0]
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
