package analysis

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/metamortem/metamortem"
)

// recurrences returns, for the done actions and for the open actions past due, the first
// incident of the class that started after the action's date and involves a component the
// action was a fix in: those its text names, or else its review's components (when the review
// has none either, any incident counts). at are the positions of the class's incidents (see
// incidents).
func (f *finaliser) recurrences(c Class, at []int32, actions []classAction, s *addressMemo) (done, overdue []Recurrence) {
	if len(actions) == 0 {
		return nil, nil
	}
	timeline := f.timeline(c, at, &s.timeline)
	done, overdue = s.done[:0], s.overdue[:0]
	for _, ca := range actions {
		r, a, id := &f.reviews[ca.review], ca.action, ca.evidence.ReviewID
		where := ca.named
		if len(where) == 0 {
			where = f.components[ca.review]
		}
		switch a.Status {
		case metamortem.ActionDone:
			if date, from, ok := doneDate(r, a); ok {
				if rec, ok := timeline.next(id, date, where); ok {
					rec.Action, rec.Date, rec.DateFrom = ca.evidence, date, from
					done = append(done, rec)
				}
			}
		case metamortem.ActionOpen, metamortem.ActionUnknown:
			if a.Due != nil {
				if rec, ok := timeline.next(id, a.Due.UTC(), where); ok {
					rec.Action, rec.Date, rec.DateFrom = ca.evidence, a.Due.UTC(), DateFromDue
					overdue = append(overdue, rec)
				}
			}
		}
	}
	s.done, s.overdue = done[:0], overdue[:0]
	return sortedRecurrences(done), sortedRecurrences(overdue)
}

// sortedRecurrences returns the recurrences sorted by the action's date, then by its review ID,
// ticket and text, keeping the order of equal ones, in a new list; nil for none. It sorts
// positions rather than moving the large values, and breaks ties by position, which makes a
// stable sort in O(n log n).
func sortedRecurrences(rs []Recurrence) []Recurrence {
	if len(rs) == 0 {
		return nil
	}
	order := func(a, b *Recurrence) int {
		return cmp.Or(a.Date.Compare(b.Date), strings.Compare(a.Action.ReviewID, b.Action.ReviewID),
			strings.Compare(a.Action.Ticket, b.Action.Ticket), strings.Compare(a.Action.Text, b.Action.Text))
	}
	positions := make([]int32, len(rs))
	for i := range positions {
		positions[i] = int32(i)
	}
	slices.SortFunc(positions, func(i, j int32) int { return cmp.Or(order(&rs[i], &rs[j]), cmp.Compare(i, j)) })
	sorted := make([]Recurrence, len(rs))
	for i, p := range positions {
		sorted[i] = rs[p]
	}
	return sorted
}

// doneDate approximates when a done action was done: its due date, else its review's
// reviewed_at, else resolved_at.
func doneDate(r *metamortem.Review, a *metamortem.Action) (time.Time, string, bool) {
	switch {
	case a.Due != nil:
		return a.Due.UTC(), DateFromDue, true
	case r.ReviewedAt != nil:
		return r.ReviewedAt.UTC(), DateFromReviewedAt, true
	case r.ResolvedAt != nil:
		return r.ResolvedAt.UTC(), DateFromResolvedAt, true
	}
	return time.Time{}, "", false
}

// incidentTimeline is a class's dated incidents in order of start time.
type incidentTimeline struct {
	ids    []string
	starts []time.Time
	// in lists, for each component, the positions of the incidents that involve it.
	in map[string][]int32
}

// timelineRoom is room for one class's timeline at a time, reused from class to class so that
// each class does not allocate its own.
type timelineRoom struct {
	dated []datedIncident
	tl    incidentTimeline
}

// datedIncident is an incident with its start time and its position among the reviews.
type datedIncident struct {
	id    string
	start time.Time
	p     int32
}

// timeline returns the class's incidents that have a start time, by start time, for finding
// the next incident after a date by binary search; at are their positions (see incidents). It
// is built in room, so it holds until the next call with room.
func (f *finaliser) timeline(c Class, at []int32, room *timelineRoom) *incidentTimeline {
	all := room.dated[:0]
	for k, id := range c.Incidents {
		if p := at[k]; p >= 0 && f.reviews[p].StartedAt != nil {
			all = append(all, datedIncident{id, f.reviews[p].StartedAt.UTC(), p})
		}
	}
	room.dated = all
	// Classes list incidents by start already; a stable sort makes the search safe regardless.
	byStart := func(a, b datedIncident) int { return a.start.Compare(b.start) }
	if !slices.IsSortedFunc(all, byStart) {
		slices.SortStableFunc(all, byStart)
	}
	tl := &room.tl
	if tl.in == nil {
		tl.in = map[string][]int32{}
	}
	for comp, at := range tl.in {
		tl.in[comp] = at[:0] // an empty list is as good as none, and keeps its room
	}
	tl.ids, tl.starts = tl.ids[:0], tl.starts[:0]
	for i, d := range all {
		tl.ids, tl.starts = append(tl.ids, d.id), append(tl.starts, d.start)
		for _, comp := range f.components[d.p] {
			if at := tl.in[comp]; len(at) == 0 || at[len(at)-1] != int32(i) {
				tl.in[comp] = append(at, int32(i))
			}
		}
	}
	return tl
}

// next returns the first incident, other than the review own, that started after t and that
// involves one of the components where; any incident when where is empty.
func (tl *incidentTimeline) next(own string, t time.Time, where []string) (Recurrence, bool) {
	first, _ := slices.BinarySearchFunc(tl.starts, t, func(s, t time.Time) int {
		if s.After(t) {
			return 1
		}
		return -1
	})
	found := -1
	take := func(i int) {
		if found < 0 || i < found {
			found = i
		}
	}
	if len(where) == 0 {
		for i := first; i < len(tl.ids); i++ {
			if tl.ids[i] != own {
				take(i)
				break
			}
		}
	}
	for _, comp := range where {
		at := tl.in[comp]
		j, _ := slices.BinarySearch(at, int32(first))
		for ; j < len(at); j++ {
			if i := int(at[j]); tl.ids[i] != own {
				take(i)
				break
			}
		}
	}
	if found < 0 {
		return Recurrence{}, false
	}
	return Recurrence{ReviewID: tl.ids[found], StartedAt: tl.starts[found]}, true
}
