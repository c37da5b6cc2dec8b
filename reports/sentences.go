package reports

import (
	"fmt"

	"github.com/metamortem/metamortem/analysis"
)

// The sentences under each heading of the report are written from the numbers alone, and each
// says how many reviews it rests on.

func summarySentence(o analysis.Overview) string {
	s := count(len(o.Reviews), "review", "reviews") + " started in this range."
	switch u := len(o.Undated); {
	case u == 1:
		s += " 1 more has no start time, so no range can hold it; it is listed at the end and counted nowhere else."
	case u > 1:
		s += fmt.Sprintf(" %d more have no start time, so no range can hold them; they are listed at the end and counted nowhere else.", u)
	}
	switch n := o.OutOfRange; {
	case n == 1:
		s += " 1 started outside the range and is left out."
	case n > 1:
		s += fmt.Sprintf(" %d started outside the range and are left out.", n)
	}
	return s
}

func quartersSentence(o analysis.Overview) string {
	n := len(o.Reviews)
	if n == 0 {
		return "No review started in this range."
	}
	busiest := o.Quarters[0]
	for _, q := range o.Quarters[1:] {
		if q.Total > busiest.Total {
			busiest = q
		}
	}
	bySeverity := make([]int, len(o.Severities))
	for _, q := range o.Quarters {
		for i, c := range q.BySeverity {
			bySeverity[i] += c
		}
	}
	common := 0
	for i, c := range bySeverity {
		if c > bySeverity[common] {
			common = i
		}
	}
	s := fmt.Sprintf("The busiest quarter was %s, with %d of the %d reviews", busiest.Quarter, busiest.Total, n)
	if len(o.Quarters) == 1 {
		s = fmt.Sprintf("All %d reviews started in %s", n, busiest.Quarter)
	}
	return s + fmt.Sprintf("; the most common severity was %s (%d of %d).", o.Severities[common], bySeverity[common], n)
}

func componentsSentence(o analysis.Overview, shown int) string {
	n := len(o.Reviews)
	if n == 0 {
		return "No review started in this range."
	}
	if len(o.Components) == 0 {
		return fmt.Sprintf("None of the %d reviews names a component.", n)
	}
	top := o.Components[0].Count
	var names []string
	for _, c := range o.Components {
		if c.Count == top {
			names = append(names, c.Component)
		}
	}
	var s string
	switch {
	case len(names) == 1:
		s = fmt.Sprintf("%s was named in the most reviews: %d of %d.", names[0], top, n)
	case len(names) <= 3:
		s = fmt.Sprintf("%s were each named in %d of %d reviews, more than any other.", list(names), top, n)
	default:
		s = fmt.Sprintf("%d components were each named in %d of %d reviews, more than any other.", len(names), top, n)
	}
	s += fmt.Sprintf(" The reviews name %s in all", count(len(o.Components), "component", "components"))
	if shown < len(o.Components) {
		s += fmt.Sprintf("; the chart shows the %d named most", shown)
	}
	return s + "."
}

func recoveryHeadline(r analysis.Recovery) string {
	if r.Times.N == 0 {
		return ""
	}
	return fmt.Sprintf("median %s, p90 %s (n = %d)", duration(r.Times.Median), duration(r.Times.P90), r.Times.N)
}

func recoverySentence(r analysis.Recovery) string {
	t := r.Times
	if t.N == 0 {
		return "No review in this range has both a start time and a mitigation or resolution time after it."
	}
	if t.N == 1 {
		return fmt.Sprintf("The one review with a known recovery time recovered in %s.", duration(t.Median))
	}
	return fmt.Sprintf("Of the %d reviews with a known recovery time, half recovered within %s and nine in ten within %s; the fastest took %s and the slowest %s.",
		t.N, duration(t.Median), duration(t.P90), duration(t.Min), duration(t.Max))
}

func smallSampleWarning(r analysis.Recovery) string {
	if r.Times.N == 0 || !r.Times.SmallSample {
		return ""
	}
	return fmt.Sprintf("Small sample: only %s. Percentiles of so few say little; read them as single cases, not a trend.",
		count(r.Times.N, "recovery time is known", "recovery times are known"))
}

func excludedSentence(r analysis.Recovery) string {
	switch {
	case r.NoTimes > 0 && r.NotPositive > 0:
		return fmt.Sprintf("Left out: %s no mitigation or resolution time, and %s at or before its start.",
			count(r.NoTimes, "review has", "reviews have"), count(r.NotPositive, "review recovers", "reviews recover"))
	case r.NoTimes > 0:
		return fmt.Sprintf("Left out: %s no mitigation or resolution time.", count(r.NoTimes, "review has", "reviews have"))
	case r.NotPositive > 0:
		return fmt.Sprintf("Left out: %s at or before its start, which is a mistake in the document.",
			count(r.NotPositive, "review recovers", "reviews recover"))
	}
	return ""
}

func undatedSentence(n int) string {
	if n == 1 {
		return "1 review has no start time, so it is in no quarter and no chart above. Adding a start time to its document puts it back."
	}
	return fmt.Sprintf("%d reviews have no start time, so they are in no quarter and no chart above. Adding start times to their documents puts them back.", n)
}
