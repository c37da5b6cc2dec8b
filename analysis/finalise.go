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
	// Resolved, when not nil, is Resolve(Catalog, reviews) worked out already (see Classes).
	Resolved *Resolved
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
	at := f.incidents(c, s)
	actions := f.actions(c, at, words, s)
	item.Recurrences, item.Overdue = f.recurrences(c, at, actions, s)
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

// incidents returns the positions of the class's incidents among the reviews, in the order of
// c.Incidents, -1 for one that is not among them. The list is built in s's room for it, so it
// holds until the next call with s.
func (f *finaliser) incidents(c Class, s *addressMemo) []int32 {
	out := s.positions[:0]
	for _, id := range c.Incidents {
		p, ok := f.position[id]
		if !ok {
			p = -1
		}
		out = append(out, p)
	}
	s.positions = out
	return out
}

// actions returns the actions of the class's incidents that address it, in the order of the
// incidents; at are the incidents' positions (see incidents). The list is built in s's room
// for it, so it holds until the next call with s.
func (f *finaliser) actions(c Class, at []int32, words []classWording, s *addressMemo) []classAction {
	out := s.actions[:0]
	defer func() { s.actions = out[:0] }()
	for k, id := range c.Incidents {
		p := at[k]
		if p < 0 {
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
