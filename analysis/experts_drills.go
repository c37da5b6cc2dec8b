package analysis

import (
	"slices"
	"strings"
)

// drills describes, for every component drills exercised, who took part and which of them
// went on to respond to a real incident of it (from byComponent) after the drill.
func (ro *People) drills(byComponent map[string][]areaIncident) []DrillCoverage {
	found := map[string]*DrillCoverage{}
	for i := range ro.reviews {
		x := &ro.reviews[i]
		if !isDrill(x.review) {
			continue
		}
		at := eventTime(x.review)
		for _, c := range x.components {
			d := found[c]
			if d == nil {
				d = &DrillCoverage{Component: c}
				found[c] = d
			}
			d.Drills++
			for _, p := range x.participants {
				if !slices.Contains(d.Participants, p) {
					d.Participants = append(d.Participants, p)
				}
				if at == nil || slices.Contains(d.ThenResponded, p) {
					continue
				}
				if slices.ContainsFunc(byComponent[c], func(inc areaIncident) bool {
					t := eventTime(inc.review.review)
					return t != nil && t.After(*at) && slices.Contains(inc.responders, p)
				}) {
					d.ThenResponded = append(d.ThenResponded, p)
				}
			}
		}
	}
	out := make([]DrillCoverage, 0, len(found))
	for _, d := range found {
		slices.Sort(d.Participants)
		slices.Sort(d.ThenResponded)
		out = append(out, *d)
	}
	slices.SortFunc(out, func(a, b DrillCoverage) int { return strings.Compare(a.Component, b.Component) })
	return out
}
