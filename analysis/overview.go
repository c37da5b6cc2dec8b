package analysis

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/metamortem/metamortem"
)

// Overview is the headline picture of the reviews that started in a range of time: how many
// there were each quarter and how severe, which components they named most, and how long
// recovery took.
type Overview struct {
	// From and To bound the range, [From, To). A zero time leaves that end open.
	From, To time.Time
	// Reviews are the reviews that started in the range, ordered by start time, then ID.
	Reviews []metamortem.Review
	// Undated are the reviews with no start time, which no range can hold, ordered by ID.
	Undated []metamortem.Review
	// OutOfRange counts the reviews that started before From or at or after To.
	OutOfRange int
	// Severities are the severity labels (see SeverityLabel) of Reviews, worst first.
	Severities []string
	// Quarters counts Reviews in every quarter from the first review's to the last review's,
	// including quarters with none.
	Quarters []QuarterCount
	// Components counts, for each component, the Reviews that name it, most first, then by
	// name.
	Components []ComponentCount
	// Recovery describes the recovery times of Reviews.
	Recovery Recovery
}

// QuarterCount is the number of reviews that started in one quarter.
type QuarterCount struct {
	Quarter Quarter
	Total   int
	// BySeverity holds the count for each of the Overview's Severities, in the same order.
	BySeverity []int
}

// ComponentCount is the number of reviews that name one component.
type ComponentCount struct {
	Component string
	Count     int
}

// NewOverview describes the reviews whose StartedAt is in [from, to). A zero from or to leaves
// that end of the range open. Reviews with no start time are kept in Undated rather than
// dropped.
func NewOverview(reviews []metamortem.Review, from, to time.Time) Overview {
	o := Overview{From: from, To: to}
	for _, r := range reviews {
		switch {
		case r.StartedAt == nil:
			o.Undated = append(o.Undated, r)
		case inRange(*r.StartedAt, from, to):
			o.Reviews = append(o.Reviews, r)
		default:
			o.OutOfRange++
		}
	}
	slices.SortStableFunc(o.Reviews, func(a, b metamortem.Review) int {
		return cmp.Or(a.StartedAt.Compare(*b.StartedAt), strings.Compare(a.ID, b.ID))
	})
	slices.SortStableFunc(o.Undated, func(a, b metamortem.Review) int {
		return strings.Compare(a.ID, b.ID)
	})
	o.Severities, o.Quarters = countQuarters(o.Reviews)
	o.Components = countComponents(o.Reviews)
	o.Recovery = NewRecovery(o.Reviews)
	return o
}

func inRange(t, from, to time.Time) bool {
	return (from.IsZero() || !t.Before(from)) && (to.IsZero() || t.Before(to))
}

// countQuarters counts reviews, which must be sorted by start time, by quarter and severity.
func countQuarters(reviews []metamortem.Review) ([]string, []QuarterCount) {
	if len(reviews) == 0 {
		return nil, nil
	}
	seen := map[string]bool{}
	var severities []string
	for _, r := range reviews {
		if label := SeverityLabel(r.Severity); !seen[label] {
			seen[label] = true
			severities = append(severities, label)
		}
	}
	sortSeverities(severities)
	column := make(map[string]int, len(severities))
	for i, s := range severities {
		column[s] = i
	}

	first := QuarterOf(*reviews[0].StartedAt)
	last := QuarterOf(*reviews[len(reviews)-1].StartedAt)
	quarters := QuartersBetween(first, last)
	counts := make([]QuarterCount, len(quarters))
	row := make(map[Quarter]int, len(quarters))
	for i, q := range quarters {
		counts[i] = QuarterCount{Quarter: q, BySeverity: make([]int, len(severities))}
		row[q] = i
	}
	for _, r := range reviews {
		c := &counts[row[QuarterOf(*r.StartedAt)]]
		c.Total++
		c.BySeverity[column[SeverityLabel(r.Severity)]]++
	}
	return severities, counts
}

// countComponents counts the reviews naming each component, once per review however often it
// is named. Names are trimmed; empty names are ignored.
func countComponents(reviews []metamortem.Review) []ComponentCount {
	counts := map[string]int{}
	for _, r := range reviews {
		named := map[string]bool{}
		for _, c := range r.Components {
			c = strings.TrimSpace(c)
			if c != "" && !named[c] {
				named[c] = true
				counts[c]++
			}
		}
	}
	out := make([]ComponentCount, 0, len(counts))
	for c, n := range counts {
		out = append(out, ComponentCount{Component: c, Count: n})
	}
	slices.SortFunc(out, func(a, b ComponentCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Component, b.Component))
	})
	return out
}
