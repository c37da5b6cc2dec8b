package reports

import (
	"slices"
	"sync"
	"time"

	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/analysis"
)

// trendQuarters is how many quarters, ending with the range's last, the trend charts show.
const trendQuarters = 8

// QuarterlyOptions say what a quarterly report covers and how it shows people.
type QuarterlyOptions struct {
	// Title heads the report; empty means "Incident review" and the range.
	Title string
	// From and To bound the range, [From, To). Both zero means the latest quarter in which a
	// review started; one zero end is the start of the first review's quarter, or the end of
	// the last review's.
	From, To time.Time
	// Names shows people by name; otherwise they are shown as stable pseudonyms under
	// PseudonymKey (privacy.DefaultKey when empty), in fields and in text.
	Names        bool
	PseudonymKey string
	// Taxonomy is the one themes are found with; nil means analysis.DefaultTaxonomy.
	Taxonomy *analysis.Taxonomy
}

// Quarterly is the content of the quarterly report: nine sections, each with the table behind
// its chart and one sentence stating what the data shows, with n. WriteHTML, WriteMarkdown and
// WriteJSON write the same content; the JSON keys are the field tags below and in the sections'
// types, documented for users in the report command's help.
type Quarterly struct {
	Title string `json:"title"`
	// Period names the range ("2026Q2", or its first and last days) and Span says it in words
	// with the time zone; Previous is the period of the same length just before it.
	Period   string    `json:"period"`
	Span     string    `json:"span"`
	From     time.Time `json:"from"`
	To       time.Time `json:"to"`
	Previous period    `json:"previous"`
	// Window names the quarters the trend sections (classes, knowledge) cover.
	Window []string `json:"window"`
	// Names is true when people are shown by name, false for pseudonyms.
	Names bool `json:"names"`
	// Reviews counts the reviews that started in the range; Undated those with no start time,
	// which no range holds and no section counts.
	Reviews int `json:"reviews"`
	Undated int `json:"undated"`

	Glance    glance    `json:"glance"`
	Classes   classes   `json:"classes"`
	Themes    themes    `json:"themes"`
	Finalise  finalise  `json:"finalise"`
	Knowledge knowledge `json:"knowledge"`
	Ownership ownership `json:"ownership"`
	Actions   actions   `json:"actions"`
	Quality   quality   `json:"quality"`
	Appendix  appendix  `json:"appendix"`
}

// period is a named range of time.
type period struct {
	Label string    `json:"label"`
	From  time.Time `json:"from"`
	To    time.Time `json:"to"`
}

// input is what every section is built from.
type input struct {
	// all are every review; history those that started before the range's end; current and
	// previous those that started in the range and in the period before it.
	all, history, current, previous []metamortem.Review
	catalog                         metamortem.Catalog
	cur, prev                       period
	window                          []analysis.Quarter
	names                           namer
	cite                            *citations
	resolved                        *analysis.Resolved // what identity makes of history
	themes                          analysis.ThemeSet
	taxonomy                        *analysis.Taxonomy
	classes                         []analysis.Class
	// people is the people analyses' view of history, and owners Owners' answer for the
	// current reviews: each is worked out once, by the first section to ask, and shared.
	people func() *analysis.People
	owners func() analysis.OwnershipGaps
}

// NewQuarterly runs the analyses over reviews and the catalog and writes the report's content.
// Sections about the range count the reviews that started in it; sections about history
// (classes, themes before the range, knowledge, ownership, actions) count every review that
// started before its end, so that a report on a past quarter does not change when later
// reviews arrive. Reviews with no start time are counted in no section.
func NewQuarterly(reviews []metamortem.Review, cat metamortem.Catalog, opts QuarterlyOptions) Quarterly {
	in, undated := newInput(reviews, cat, opts)
	from, to := in.cur.From, in.cur.To
	q := Quarterly{
		Title: opts.Title, Period: in.cur.Label, Span: span(from, to), From: from, To: to, Previous: in.prev,
		Names: opts.Names, Reviews: len(in.current), Undated: undated,
	}
	if q.Title == "" {
		q.Title = "Incident review " + in.cur.Label
	}
	for _, w := range in.window {
		q.Window = append(q.Window, w.String())
	}
	// The sections that need no themes are independent of each other and of the themes, so
	// they are worked out while the themes are; each writes only its own field, and the
	// citations they share are a set, so the content is the same whatever the order.
	// They read a copy of the input, which the themes are not added to.
	var wg sync.WaitGroup
	early := in
	wg.Go(func() { q.Glance = newGlance(early) })
	wg.Go(func() { q.Knowledge = newKnowledge(early) })
	wg.Go(func() { q.Ownership = newOwnership(early) })
	wg.Go(func() { q.Actions = newActions(early) })
	wg.Go(func() { q.Quality = newQuality(early) })

	// Names come from the history too, so that a later review's names do not change how an
	// earlier quarter's statements are masked.
	in.resolved = analysis.Resolve(cat, in.history)
	themeOpts := analysis.ThemeOptions{Taxonomy: opts.Taxonomy, To: to}
	themeOpts.UseNames(in.resolved)
	in.themes = analysis.Themes(in.history, themeOpts)
	in.classes = analysis.Classes(in.history, analysis.ClassOptions{Catalog: cat, Themes: in.themes, Resolved: in.resolved})
	q.Classes = newClasses(in)
	q.Themes = newThemes(in)
	q.Finalise = newFinalise(in)
	wg.Wait()
	q.Appendix = newAppendix(in, undated)
	return q
}

// newInput splits the reviews by the range opts give, and prepares what the sections share;
// undated counts the reviews with no start time.
func newInput(reviews []metamortem.Review, cat metamortem.Catalog, opts QuarterlyOptions) (in input, undated int) {
	from, to := Range(reviews, opts.From, opts.To)
	in = input{all: reviews, catalog: cat, taxonomy: opts.Taxonomy, cite: newCitations()}
	in.cur = period{Label: periodLabel(from, to), From: from, To: to}
	in.prev = previousPeriod(from, to)
	// place says which lists a review goes in: history, and current or previous.
	type place struct{ history, current, previous bool }
	placeOf := func(r metamortem.Review) place {
		switch {
		case r.StartedAt == nil || !r.StartedAt.Before(to):
			return place{}
		case !r.StartedAt.Before(from):
			return place{history: true, current: true}
		default:
			return place{history: true, previous: !r.StartedAt.Before(in.prev.From)}
		}
	}
	// Count first, so that each list is made once at its size: reviews are large to copy.
	var nHistory, nCurrent, nPrevious int
	for _, r := range reviews {
		p := placeOf(r)
		nHistory, nCurrent, nPrevious = nHistory+boolInt(p.history), nCurrent+boolInt(p.current), nPrevious+boolInt(p.previous)
		if r.StartedAt == nil {
			undated++
		}
	}
	in.history = make([]metamortem.Review, 0, nHistory)
	in.current = make([]metamortem.Review, 0, nCurrent)
	in.previous = make([]metamortem.Review, 0, nPrevious)
	for _, r := range reviews {
		p := placeOf(r)
		if p.history {
			in.history = append(in.history, r)
		}
		if p.current {
			in.current = append(in.current, r)
		}
		if p.previous {
			in.previous = append(in.previous, r)
		}
	}
	last := analysis.QuarterOf(to.Add(-time.Nanosecond))
	first := last
	for range trendQuarters - 1 {
		first = previousQuarter(first)
	}
	in.window = analysis.QuartersBetween(first, last)
	in.names = newNamer(opts.Names, opts.PseudonymKey, reviews, cat)
	history, current := in.history, in.current
	in.people = sync.OnceValue(func() *analysis.People { return analysis.NewPeople(history, cat) })
	in.owners = sync.OnceValue(func() analysis.OwnershipGaps {
		return analysis.Owners(current, cat, analysis.OwnersOptions{})
	})
	return in, undated
}

// Range returns the range [from, to) NewQuarterly reports on, given the reviews and the
// options' From and To: it fills in the ends that are zero from the reviews' start times (see
// QuarterlyOptions). The reviews that started in it are those the range's sections count.
func Range(reviews []metamortem.Review, from, to time.Time) (time.Time, time.Time) {
	var starts []time.Time
	for _, r := range reviews {
		if r.StartedAt != nil {
			starts = append(starts, r.StartedAt.UTC())
		}
	}
	if len(starts) == 0 {
		if from.IsZero() && to.IsZero() {
			from, to = analysis.QuarterOf(time.Unix(0, 0)).Range()
		}
		if from.IsZero() {
			from = analysis.QuarterOf(to.Add(-time.Nanosecond)).Start()
		}
		if to.IsZero() {
			to = analysis.QuarterOf(from).End()
		}
		return from, to
	}
	earliest, latest := slices.MinFunc(starts, time.Time.Compare), slices.MaxFunc(starts, time.Time.Compare)
	switch {
	case from.IsZero() && to.IsZero():
		return analysis.QuarterOf(latest).Range()
	case from.IsZero():
		from = analysis.QuarterOf(earliest).Start()
		if !from.Before(to) {
			from = analysis.QuarterOf(to.Add(-time.Nanosecond)).Start()
		}
	case to.IsZero():
		to = analysis.QuarterOf(latest).End()
		if !from.Before(to) {
			to = analysis.QuarterOf(from).End()
		}
	}
	return from, to
}

// periodLabel names [from, to): the quarter, quarters or days it covers.
func periodLabel(from, to time.Time) string {
	first, last := analysis.QuarterOf(from), analysis.QuarterOf(to.Add(-time.Nanosecond))
	if from.Equal(first.Start()) && to.Equal(last.End()) {
		if first == last {
			return first.String()
		}
		return first.String() + "–" + last.String()
	}
	return day(from) + " – " + day(to.Add(-time.Nanosecond))
}

// previousPeriod is the period of the same length just before [from, to): as many whole
// quarters when the range is whole quarters, else the same duration.
func previousPeriod(from, to time.Time) period {
	first, last := analysis.QuarterOf(from), analysis.QuarterOf(to.Add(-time.Nanosecond))
	if from.Equal(first.Start()) && to.Equal(last.End()) {
		n := len(analysis.QuartersBetween(first, last))
		start := first
		for range n {
			start = previousQuarter(start)
		}
		p := period{From: start.Start(), To: from}
		p.Label = periodLabel(p.From, p.To)
		return p
	}
	p := period{From: from.Add(-to.Sub(from)), To: from}
	p.Label = periodLabel(p.From, p.To)
	return p
}

// previousQuarter returns the quarter before q.
func previousQuarter(q analysis.Quarter) analysis.Quarter {
	if q.Q == 1 {
		return analysis.Quarter{Year: q.Year - 1, Q: 4}
	}
	return analysis.Quarter{Year: q.Year, Q: q.Q - 1}
}

// boolInt is 1 for true and 0 for false.
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// isIncident reports whether a review is of a real incident or near miss, not a drill.
func isIncident(r metamortem.Review) bool { return r.Kind != metamortem.KindDrill }
