package reports

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/metamortem/metamortem/analysis"
)

// Limits of the themes section.
const (
	maxThemes       = 6
	maxExamples     = 2
	exampleRunes    = 220
	minGrowthInside = 2 // a theme must be in this many reviews in range to count as growing
)

// themes is section 3: the contributing-factor themes of the reviews in range, the largest and
// those whose rate grew most against the reviews before the range, with example statements.
type themes struct {
	Sentence string `json:"sentence"`
	// Statements counts the factor statements of the reviews in range; Themed those in a theme.
	Statements int `json:"statements"`
	Themed     int `json:"themed"`
	// Quarters is the range's length in quarters (91.3 days), and QuartersBefore the history's
	// before it: the spans the rates are per.
	Quarters       float64    `json:"quarters"`
	QuartersBefore float64    `json:"quarters_before"`
	Largest        []themeRow `json:"largest"`
	Growing        []themeRow `json:"growing"`
}

// themeRow is one theme: in how many reviews it appeared in range and before, as counts and
// per quarter, and a few of its statements in range.
type themeRow struct {
	ID               string    `json:"id"`
	Label            string    `json:"label"`
	Reviews          int       `json:"reviews"`
	ReviewsBefore    int       `json:"reviews_before"`
	PerQuarter       float64   `json:"per_quarter"`
	PerQuarterBefore float64   `json:"per_quarter_before"`
	Rising           bool      `json:"rising"`
	PValue           float64   `json:"p_value"`
	Examples         []example `json:"examples"`
}

// example is one statement, with the review it comes from.
type example struct {
	Review reviewRef `json:"review"`
	Text   string    `json:"text"`
}

func newThemes(in input) themes {
	t := themes{Largest: []themeRow{}, Growing: []themeRow{}}
	start := map[string]time.Time{}
	for _, r := range in.history {
		start[r.ID] = *r.StartedAt
	}
	first := in.cur.From
	for _, r := range in.history {
		if r.StartedAt.Before(first) {
			first = *r.StartedAt
		}
	}
	spanIn, spanBefore := in.cur.To.Sub(in.cur.From), in.cur.From.Sub(first)
	t.Quarters, t.QuartersBefore = round(quarters(spanIn), 2), round(quarters(spanBefore), 2)
	for _, r := range in.current {
		for _, f := range r.Factors {
			if strings.TrimSpace(f.Text) != "" {
				t.Statements++
			}
		}
	}
	var rows []themeRow
	for _, th := range in.themes.Themes {
		inside, before := map[string]bool{}, map[string]bool{}
		row := themeRow{ID: th.ID, Label: th.Label, Examples: []example{}}
		for _, m := range th.Members {
			s, ok := start[m.ReviewID]
			switch {
			case !ok:
			case s.Before(in.cur.From):
				before[m.ReviewID] = true
			default:
				t.Themed++
				if !inside[m.ReviewID] && len(row.Examples) < maxExamples {
					row.Examples = append(row.Examples, example{Review: in.cite.ref(m.ReviewID), Text: clip(in.names.text(m.Text), exampleRunes)})
				}
				inside[m.ReviewID] = true
			}
		}
		if len(inside) == 0 {
			continue
		}
		rate := analysis.CompareRates(len(before), len(inside), spanBefore, spanIn)
		row.Reviews, row.ReviewsBefore = len(inside), len(before)
		row.PerQuarter, row.PerQuarterBefore = round(rate.RateRecent, 2), round(rate.RateEarlier, 2)
		row.Rising, row.PValue = rate.Rising, round(rate.P, 4)
		rows = append(rows, row)
	}
	slices.SortStableFunc(rows, func(a, b themeRow) int {
		return cmp.Or(cmp.Compare(b.Reviews, a.Reviews), cmp.Compare(b.ReviewsBefore, a.ReviewsBefore), strings.Compare(a.Label, b.Label))
	})
	t.Largest = append(t.Largest, rows[:min(len(rows), maxThemes)]...)
	var growing []themeRow
	for _, r := range rows {
		if r.Reviews >= minGrowthInside && r.PerQuarter > r.PerQuarterBefore {
			growing = append(growing, r)
		}
	}
	slices.SortStableFunc(growing, func(a, b themeRow) int {
		return cmp.Or(cmp.Compare(b.PerQuarter-b.PerQuarterBefore, a.PerQuarter-a.PerQuarterBefore), cmp.Compare(a.PValue, b.PValue))
	})
	t.Growing = append(t.Growing, growing[:min(len(growing), maxThemes)]...)
	t.Sentence = themesSentence(t)
	return t
}

// quarters is the length of span in quarters of 91.3 days.
func quarters(span time.Duration) float64 {
	return span.Hours() / 24 / (365.25 / 4)
}

func themesSentence(t themes) string {
	if t.Statements == 0 {
		return "The reviews in range state no contributing factors."
	}
	if len(t.Largest) == 0 {
		return fmt.Sprintf("None of the %s in range belongs to a theme shared by two reviews.", count(t.Statements, "factor statement", "factor statements"))
	}
	top := t.Largest[0]
	s := fmt.Sprintf("%d of the %d factor statements in range fall into recurring themes; the largest, %s, appears in %s",
		t.Themed, t.Statements, top.Label, count(top.Reviews, "review", "reviews"))
	if top.ReviewsBefore > 0 {
		s += fmt.Sprintf(" (and %d before)", top.ReviewsBefore)
	}
	if len(t.Growing) == 0 {
		return s + fmt.Sprintf("; no theme appears in %d or more reviews in range at a higher rate than before.", minGrowthInside)
	}
	g := t.Growing[0]
	s += fmt.Sprintf("; %s grew most, to %s reviews per quarter from %s before", g.Label, rate(g.PerQuarter), rate(g.PerQuarterBefore))
	if g.Rising {
		s += fmt.Sprintf(" (p = %s)", pValue(g.PValue))
	} else {
		s += " (too few to call it rising)"
	}
	return s + "."
}

// chart compares, for the largest themes, the reviews in range with what the earlier rate
// would have given over the same span.
func (t themes) chart() *chart {
	if len(t.Largest) == 0 {
		return nil
	}
	names := make([]string, len(t.Largest))
	inRange, expected := make([]float64, len(t.Largest)), make([]float64, len(t.Largest))
	for i, r := range t.Largest {
		names[i] = r.Label
		inRange[i] = float64(r.Reviews)
		expected[i] = round(r.PerQuarterBefore*t.Quarters, 1)
	}
	return hbar("chart-themes", "Bar chart of the largest contributing-factor themes", names, "reviews", false,
		hbarSeries{"at the earlier rate", expected, previousColor},
		hbarSeries{"in range", inRange, barColor})
}

// rate writes a number per quarter with one decimal.
func rate(x float64) string { return fmt.Sprintf("%.1f", x) }

// pValue writes a p-value to two significant figures, "< 0.001" when smaller.
func pValue(p float64) string {
	if p < 0.001 {
		return "< 0.001"
	}
	return fmt.Sprintf("%.2g", p)
}

// clip cuts s to at most n runes, ending in "…" when cut.
func clip(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return string(r)
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
