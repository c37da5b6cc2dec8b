package analysis

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/metamortem/metamortem"
)

// Reason is why a class needs a systemic fix.
type Reason string

// The reasons Finalise gives.
const (
	// ReasonRecurredAfterFix: an incident of the class started after an action of the class was
	// done.
	ReasonRecurredAfterFix Reason = "recurred-after-fix"
	// ReasonLocalFixesOnly: the class spans two or more components, but every action of it
	// touched the same single one.
	ReasonLocalFixesOnly Reason = "local-fixes-only"
	// ReasonStillOpen: an incident of the class started after an action of the class, still
	// open, was due.
	ReasonStillOpen Reason = "still-open"
)

// Where an action's date comes from.
const (
	DateFromDue        = "due"
	DateFromReviewedAt = "reviewed_at"
	DateFromResolvedAt = "resolved_at"
)

// FinaliseItem is one class an SRE lead should bring to the quarterly review, with the reasons
// it needs a systemic fix and the evidence for each.
type FinaliseItem struct {
	Class   Class
	Reasons []Reason
	// Recurrences are the evidence for ReasonRecurredAfterFix: each done action with the first
	// incident of the class that started after it was done.
	Recurrences []Recurrence
	// Overdue are the evidence for ReasonStillOpen: each open action with the first incident of
	// the class that started after it was due.
	Overdue []Recurrence
	// Touched are the components the class's actions touched; with ReasonLocalFixesOnly, one.
	Touched []string
	// Touches are the evidence for ReasonLocalFixesOnly: each action that touched a component.
	Touches []Touch
	// Also are the IDs of the classes folded into this item: those whose reasons and evidence
	// actions this item already has, such as a tag that the same incidents carry.
	Also []string
}

// ActionEvidence is one action of one review that addresses a class.
type ActionEvidence struct {
	ReviewID string
	Text     string
	Ticket   string
	Status   metamortem.ActionStatus
	// Address is why the action addresses the class.
	Address Address
}

// Recurrence is an action and an incident of the same class that started after the action's
// date.
type Recurrence struct {
	Action ActionEvidence
	// Date is when the action was done (for a done action) or due (for an open one).
	Date time.Time
	// DateFrom says where Date comes from: DateFromDue, DateFromReviewedAt or
	// DateFromResolvedAt.
	DateFrom string
	// ReviewID and StartedAt are the later incident's.
	ReviewID  string
	StartedAt time.Time
}

// Touch is the components one action touched.
type Touch struct {
	Action     ActionEvidence
	Components []string
	// FromReview is true when the action's text names no component and its review's only
	// component was taken.
	FromReview bool
}

// FinaliseOptions say what Finalise needs besides the reviews and the classes.
type FinaliseOptions struct {
	// Catalog resolves the component names actions use.
	Catalog metamortem.Catalog
	// Themes are the themes the classes were found from (see Classes); a clustered theme's
	// label lists the top terms an action can use to address its classes.
	Themes ThemeSet
	// Taxonomy is the one the themes were found with; nil means DefaultTaxonomy. A taxonomy
	// theme's phrases and aliases are what an action can state to address its classes.
	Taxonomy *Taxonomy
}

// Finalise returns the classes that need a systemic fix, for a quarterly review, with the
// evidence for each reason. Only the actions that address a class count for it (see
// addresser): actions of the class's incidents whose text is about the class, by the theme's
// taxonomy phrases, its characteristic terms or the tag's words, or by naming one of the
// class's components in an incident whose title states the class. A done action about one
// problem is thus not evidence against a different problem that shares a tag or a review.
// An action is a fix in the components its text names, or else in its review's components;
// only a later incident of the class that involves one of them shows that it did not hold.
//
//   - recurred-after-fix: an incident of the class started after an action addressing it was
//     done, in a component the action was a fix in. The store keeps no completion date, so a
//     done action's date is approximated by its due date when it has one, else its review's
//     reviewed_at, else resolved_at; a done action with none of them is not dated and not
//     counted.
//   - local-fixes-only: the class's incidents involve two or more components, at least two
//     actions addressing it touched a component (see toucher), and all of them touched the
//     same single one.
//   - still-open: an incident of the class started, in a component the action was a fix in,
//     after an action addressing it, open or of unknown status as its review states it, was
//     due.
//
// Items are ordered by number of reasons, most first, then by incidents, most first, then by
// label and class ID. An item whose reasons and evidence actions an item above it already has
// (a tag the same incidents carry, say) is folded into that item's Also.
func Finalise(reviews []metamortem.Review, classes []Class, opts FinaliseOptions) []FinaliseItem {
	f := newFinaliser(reviews, classes, opts)
	items := make([]FinaliseItem, len(classes))
	listed := make([]bool, len(classes))
	f.eachGroup(classes, func(i int, words []classWording, s *addressMemo) {
		items[i], listed[i] = f.item(classes[i], words, s)
	})
	var out []FinaliseItem
	for i, it := range items {
		if listed[i] {
			out = append(out, it)
		}
	}
	slices.SortStableFunc(out, func(a, b FinaliseItem) int {
		return cmp.Or(cmp.Compare(len(b.Reasons), len(a.Reasons)),
			cmp.Compare(len(b.Class.Incidents), len(a.Class.Incidents)),
			strings.Compare(a.Class.Label, b.Class.Label), strings.Compare(a.Class.ID, b.Class.ID))
	})
	return fold(out)
}

// item returns the class's item and whether it has a reason to be listed; words are the
// class's wordings and s memoises which of them texts state.
func (f *finaliser) item(c Class, words []classWording, s *addressMemo) (FinaliseItem, bool) {
	item := FinaliseItem{Class: c}
	actions := f.actions(c, words, s)
	item.Recurrences, item.Overdue = f.recurrences(c, actions, s)
	if len(item.Recurrences) > 0 {
		item.Reasons = append(item.Reasons, ReasonRecurredAfterFix)
	}
	item.Touched, item.Touches = touches(actions, f.components)
	if len(c.Components) >= 2 && len(item.Touches) >= 2 && len(item.Touched) == 1 {
		item.Reasons = append(item.Reasons, ReasonLocalFixesOnly)
	}
	if len(item.Overdue) > 0 {
		item.Reasons = append(item.Reasons, ReasonStillOpen)
	}
	return item, len(item.Reasons) > 0
}

// fold folds each item into the first item above it that already has all its reasons and all
// the actions of its evidence: it would show a person nothing new.
func fold(items []FinaliseItem) []FinaliseItem {
	var out []FinaliseItem
	var evidence []map[[2]string]bool // evidence[i] holds out[i]'s evidence actions
	for _, it := range items {
		mine := evidenceActions(it)
		folded := false
		for i := range out {
			if covers(out[i], evidence[i], it, mine) {
				out[i].Also = append(out[i].Also, it.Class.ID)
				folded = true
				break
			}
		}
		if !folded {
			out = append(out, it)
			evidence = append(evidence, mine)
		}
	}
	return out
}

// covers reports whether item k, whose evidence actions are has, has every reason of item it
// and every one of its evidence actions, mine.
func covers(k FinaliseItem, has map[[2]string]bool, it FinaliseItem, mine map[[2]string]bool) bool {
	for _, r := range it.Reasons {
		if !slices.Contains(k.Reasons, r) {
			return false
		}
	}
	for a := range mine {
		if !has[a] {
			return false
		}
	}
	return true
}

// evidenceActions returns the actions the item's reasons rest on, by review ID and text.
func evidenceActions(it FinaliseItem) map[[2]string]bool {
	out := map[[2]string]bool{}
	for _, r := range slices.Concat(it.Recurrences, it.Overdue) {
		out[[2]string{r.Action.ReviewID, r.Action.Text}] = true
	}
	if slices.Contains(it.Reasons, ReasonLocalFixesOnly) {
		for _, t := range it.Touches {
			out[[2]string{t.Action.ReviewID, t.Action.Text}] = true
		}
	}
	return out
}

// classAction is an action that addresses a class, with its review (an index into the
// reviews) and the components its text names.
type classAction struct {
	review   int32
	action   *metamortem.Action
	evidence ActionEvidence
	named    []string
}

// actions returns the actions of the class's incidents that address it, in the order of the
// incidents. The list is built in s's room for it, so it holds until the next call with s.
func (f *finaliser) actions(c Class, words []classWording, s *addressMemo) []classAction {
	out := s.actions[:0]
	defer func() { s.actions = out[:0] }()
	for _, id := range c.Incidents {
		p, ok := f.position[id]
		if !ok {
			continue
		}
		r := &f.reviews[p]
		for j := range r.Actions {
			act, text := &r.Actions[j], f.actionTexts[p][j]
			if how, ok := f.address(c, words, s, f.titles[p], text); ok {
				out = append(out, classAction{p, act, ActionEvidence{ReviewID: id, Text: act.Text, Ticket: act.Ticket,
					Status: act.Status, Address: how}, f.namedBy(text)})
			}
		}
	}
	return out
}

// address returns why the action's text addresses the class, and whether it does. title is
// the title of the action's review: naming a component is enough only when it states the class.
// Texts are text numbers (see finaliser).
func (f *finaliser) address(c Class, words []classWording, s *addressMemo, title, text int32) (Address, bool) {
	if k := s.stated(f, words, text); k >= 0 {
		return words[k].how, true
	}
	for _, comp := range f.namedBy(text) {
		if slices.Contains(c.Components, comp) {
			if s.stated(f, words, title) < 0 {
				break
			}
			return Address{AddressComponent, comp}, true
		}
	}
	return Address{}, false
}

// recurrences returns, for the done actions and for the open actions past due, the first
// incident of the class that started after the action's date and involves a component the
// action was a fix in: those its text names, or else its review's components (when the review
// has none either, any incident counts).
func (f *finaliser) recurrences(c Class, actions []classAction, s *addressMemo) (done, overdue []Recurrence) {
	if len(actions) == 0 {
		return nil, nil
	}
	timeline := f.timeline(c)
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

// timeline returns the class's incidents that have a start time, by start time, for finding
// the next incident after a date by binary search.
func (f *finaliser) timeline(c Class) incidentTimeline {
	type dated struct {
		id    string
		start time.Time
		p     int32
	}
	all := make([]dated, 0, len(c.Incidents))
	for _, id := range c.Incidents {
		if p, ok := f.position[id]; ok && f.reviews[p].StartedAt != nil {
			all = append(all, dated{id, f.reviews[p].StartedAt.UTC(), p})
		}
	}
	// Classes list incidents by start already; a stable sort makes the search safe regardless.
	byStart := func(a, b dated) int { return a.start.Compare(b.start) }
	if !slices.IsSortedFunc(all, byStart) {
		slices.SortStableFunc(all, byStart)
	}
	tl := incidentTimeline{ids: make([]string, len(all)), starts: make([]time.Time, len(all)), in: map[string][]int32{}}
	for i, d := range all {
		tl.ids[i], tl.starts[i] = d.id, d.start
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
func (tl incidentTimeline) next(own string, t time.Time, where []string) (Recurrence, bool) {
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
