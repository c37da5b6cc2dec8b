package reports

import (
	"fmt"
	"slices"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/metamortem/metamortem/analysis"
)

// Bounds on what one class of section 4 lists, so that the report stays one a person reads at
// any number of reviews; the counts of all are kept beside the lists.
const (
	// maxFinaliseIncidents is how many of a class's incidents are listed: the most recent.
	maxFinaliseIncidents = 25
	// maxEvidence is how many actions are listed for each reason (recurred after a fix, still
	// open) and for local fixes: the most recent.
	maxEvidence = 25
)

// finalise is section 4: the incident classes that need a systemic fix (analysis.Finalise),
// each with its reasons and the evidence for them, every review cited linking to the appendix.
type finalise struct {
	Sentence string         `json:"sentence"`
	Items    []finaliseItem `json:"items"`
}

// finaliseItem is one class to bring to the quarterly review.
type finaliseItem struct {
	ID    string `json:"id"`
	Kind  string `json:"kind"`
	Label string `json:"label"`
	// Incidents are the most recent maxFinaliseIncidents of the IncidentsCount incidents, of
	// which InRange started in the range.
	Incidents      []incidentRef `json:"incidents"`
	IncidentsCount int           `json:"incidents_count"`
	InRange        int           `json:"incidents_in_range"`
	Components     []string      `json:"components"`
	Teams          []string      `json:"teams"`
	Reasons        []string      `json:"reasons"`
	Also           []string      `json:"also"`
	// Evidence are the actions behind recurred-after-fix and still-open, the most recent
	// maxEvidence of each, of EvidenceCount.
	Evidence      []evidence `json:"evidence"`
	EvidenceCount int        `json:"evidence_count"`
	// LocalFixes is the evidence for local-fixes-only; nil without that reason.
	LocalFixes *localFixes `json:"local_fixes"`
}

// localFixes is the evidence that a class was fixed only locally: the one component every
// action addressing it touched, and those actions: the most recent maxEvidence of
// ActionsCount.
type localFixes struct {
	Touched      []string   `json:"touched"`
	Actions      []localFix `json:"actions"`
	ActionsCount int        `json:"actions_count"`
}

// localFix is one action that touched a component.
type localFix struct {
	Review reviewRef `json:"review"`
	Action string    `json:"action"`
	Ticket string    `json:"ticket"`
	Status string    `json:"status"`
}

// incidentRef is an incident a section cites, with its start.
type incidentRef struct {
	Review  reviewRef  `json:"review"`
	Started *time.Time `json:"started"`
}

// evidence is one action behind recurred-after-fix or still-open: the review it was agreed in,
// what it said, the date it was done or due and the later incident that followed.
type evidence struct {
	Reason      string    `json:"reason"`
	Review      reviewRef `json:"review"`
	Action      string    `json:"action"`
	Ticket      string    `json:"ticket"`
	Status      string    `json:"status"`
	AddressedBy string    `json:"addressed_by"`
	Date        time.Time `json:"date"`
	DateFrom    string    `json:"date_from"`
	Later       reviewRef `json:"later"`
	LaterAt     time.Time `json:"later_started"`
}

func newFinalise(in input) finalise {
	f := finalise{Items: []finaliseItem{}}
	started := map[string]*time.Time{}
	for _, r := range in.history {
		started[r.ID] = r.StartedAt
	}
	items := analysis.Finalise(in.history, in.classes, analysis.FinaliseOptions{Catalog: in.catalog, Themes: in.themes, Taxonomy: in.taxonomy, Resolved: in.resolved})
	for _, it := range items {
		row := finaliseItem{ID: it.Class.ID, Kind: string(it.Class.Kind), Label: it.Class.Label,
			Components: nonNil(it.Class.Components), Teams: nonNil(it.Class.Teams), Also: nonNil(it.Also),
			Incidents: []incidentRef{}, Reasons: []string{}, Evidence: []evidence{}}
		row.IncidentsCount = len(it.Class.Incidents)
		for i, id := range it.Class.Incidents {
			s := started[id]
			if s != nil && !s.Before(in.cur.From) {
				row.InRange++
			}
			if i >= len(it.Class.Incidents)-maxFinaliseIncidents {
				row.Incidents = append(row.Incidents, incidentRef{Review: in.cite.ref(id), Started: utc(s)})
			}
		}
		for _, r := range it.Reasons {
			row.Reasons = append(row.Reasons, string(r))
		}
		add := func(reason analysis.Reason, rec analysis.Recurrence) {
			a := rec.Action
			row.Evidence = append(row.Evidence, evidence{Reason: string(reason), Review: in.cite.ref(a.ReviewID),
				Action: clip(in.names.text(a.Text), exampleRunes), Ticket: a.Ticket, Status: string(a.Status),
				AddressedBy: a.Address.String(), Date: rec.Date.UTC(), DateFrom: rec.DateFrom,
				Later: in.cite.ref(rec.ReviewID), LaterAt: rec.StartedAt.UTC()})
		}
		row.EvidenceCount = len(it.Recurrences) + len(it.Overdue)
		for _, rec := range last(it.Recurrences, maxEvidence) {
			add(analysis.ReasonRecurredAfterFix, rec)
		}
		for _, rec := range last(it.Overdue, maxEvidence) {
			add(analysis.ReasonStillOpen, rec)
		}
		if slices.Contains(it.Reasons, analysis.ReasonLocalFixesOnly) {
			row.LocalFixes = &localFixes{Touched: nonNil(it.Touched), Actions: []localFix{}, ActionsCount: len(it.Touches)}
			for _, t := range last(it.Touches, maxEvidence) {
				row.LocalFixes.Actions = append(row.LocalFixes.Actions, localFix{Review: in.cite.ref(t.Action.ReviewID),
					Action: clip(in.names.text(t.Action.Text), exampleRunes), Ticket: t.Action.Ticket, Status: string(t.Action.Status)})
			}
		}
		f.Items = append(f.Items, row)
	}
	f.Sentence = finaliseSentence(f)
	return f
}

// IncidentsLeft counts the incidents the item does not list.
func (it finaliseItem) IncidentsLeft() int { return it.IncidentsCount - len(it.Incidents) }

// EvidenceLeft counts the actions of Evidence the item does not list.
func (it finaliseItem) EvidenceLeft() int { return it.EvidenceCount - len(it.Evidence) }

// ActionsLeft counts the local fixes not listed.
func (lf localFixes) ActionsLeft() int { return lf.ActionsCount - len(lf.Actions) }

// last returns the last n elements of xs, or all of them when there are fewer.
func last[T any](xs []T, n int) []T {
	return xs[max(len(xs)-n, 0):]
}

func finaliseSentence(f finalise) string {
	switch len(f.Items) {
	case 0:
		return "No incident class needs a systemic fix: none recurred after a fix, was fixed only locally, or outlived an action past its due date."
	}
	top := f.Items[0]
	reasons := make([]string, len(top.Reasons))
	for i, r := range top.Reasons {
		reasons[i] = reasonWords(r)
	}
	s := fmt.Sprintf("One incident class needs a systemic fix rather than another local one: %s", top.Label)
	if len(f.Items) > 1 {
		s = fmt.Sprintf("%d incident classes need a systemic fix rather than another local one; first is %s", len(f.Items), top.Label)
	}
	return s + fmt.Sprintf(", with %s (%d in range): it %s.",
		count(top.IncidentsCount, "incident", "incidents"), top.InRange, list(reasons))
}

// chart puts each class's incidents and the dates its fixes were done (or its open actions
// due) on one time line per class, so that a fix followed by another incident shows.
func (f finalise) chart() *chart {
	if len(f.Items) == 0 {
		return nil
	}
	s := charts.NewScatter()
	s.SetGlobalOptions(globals(true, "32", "28", "item")...)
	labels := make([]string, len(f.Items))
	var incidents, done, due []opts.ScatterData
	point := func(t time.Time, label, name string) opts.ScatterData {
		return opts.ScatterData{Name: name, Value: []any{t.UTC().Format(time.DateOnly), label}}
	}
	for i, it := range f.Items {
		labels[i] = it.Label
		for _, inc := range it.Incidents {
			if inc.Started != nil {
				incidents = append(incidents, point(*inc.Started, it.Label, inc.Review.ID))
			}
		}
		for _, e := range it.Evidence {
			if e.Reason == string(analysis.ReasonRecurredAfterFix) {
				done = append(done, point(e.Date, it.Label, e.Ticket))
			} else {
				due = append(due, point(e.Date, it.Label, e.Ticket))
			}
		}
	}
	s.SetGlobalOptions(
		charts.WithXAxisOpts(opts.XAxis{Type: "time", AxisLabel: &opts.AxisLabel{FontFamily: textFont, FontSize: 12, Color: "#333",
			ShowMinLabel: opts.Bool(false), ShowMaxLabel: opts.Bool(false)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: labels, Inverse: opts.Bool(true), AxisLabel: categoryLabel(),
			SplitLine: &opts.SplitLine{Show: opts.Bool(true)}}),
	)
	s.Colors = []string{barColor, goodColor, alertColor}
	s.AddSeries("incident", incidents, charts.WithItemStyleOpts(opts.ItemStyle{Color: barColor, BorderColor: "#fff", BorderWidth: 1}),
		charts.WithScatterChartOpts(opts.ScatterChart{Symbol: "circle", SymbolSize: 14}))
	s.AddSeries("fix marked done", done, charts.WithItemStyleOpts(opts.ItemStyle{Color: goodColor, BorderColor: "#fff", BorderWidth: 1}),
		charts.WithScatterChartOpts(opts.ScatterChart{Symbol: "diamond", SymbolSize: 12}))
	s.AddSeries("open action due", due, charts.WithItemStyleOpts(opts.ItemStyle{Color: alertColor, BorderColor: "#fff", BorderWidth: 1}),
		charts.WithScatterChartOpts(opts.ScatterChart{Symbol: "triangle", SymbolSize: 12}))
	return &chart{ID: "chart-finalise", Height: 90 + 44*len(f.Items), Label: "Time line of each class's incidents and fixes", Option: options(s)}
}
