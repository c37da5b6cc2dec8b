package reports

import (
	"fmt"
	"strings"
	"time"

	"github.com/metamortem/metamortem/analysis"
)

// duration writes a duration the way a person would say it, to two significant figures or
// whole units: "45 s", "42 min", "6.1 h", "44 h", "3.5 d".
func duration(d time.Duration) string {
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%d s", int(d.Round(time.Second)/time.Second))
	case d < time.Hour:
		return fmt.Sprintf("%d min", int(d.Round(time.Minute)/time.Minute))
	case d < 10*time.Hour:
		return fmt.Sprintf("%.1f h", d.Hours())
	case d < 48*time.Hour:
		return fmt.Sprintf("%.0f h", d.Hours())
	default:
		return fmt.Sprintf("%.1f d", d.Hours()/24)
	}
}

// count writes n and the noun, made plural unless n is 1: "1 review", "3 reviews".
func count(n int, singular, plural string) string {
	if n == 1 {
		return "1 " + singular
	}
	return fmt.Sprintf("%d %s", n, plural)
}

// list joins words as English does: "a", "a and b", "a, b and c".
func list(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	default:
		return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
	}
}

// day writes the UTC date of t as "2 Jan 2026".
func day(t time.Time) string {
	return t.UTC().Format("2 Jan 2006")
}

// span writes the range [from, to) of an overview for its header, naming the last day it holds
// rather than the first it does not, and the quarters when it is exactly whole quarters.
func span(from, to time.Time) string {
	switch {
	case from.IsZero() && to.IsZero():
		return "All dates"
	case to.IsZero():
		return "From " + day(from)
	}
	last := day(to.Add(-time.Nanosecond))
	if !to.UTC().Truncate(24 * time.Hour).Equal(to) {
		last = to.UTC().Format("2 Jan 2006 15:04") + " (not included)"
	}
	if from.IsZero() {
		return "Up to " + last
	}
	s := day(from) + " – " + last
	first, end := analysis.QuarterOf(from), analysis.QuarterOf(to.Add(-time.Nanosecond))
	if from.Equal(first.Start()) && to.Equal(end.End()) {
		if first == end {
			s += " (" + first.String() + ")"
		} else {
			s += " (" + first.String() + "–" + end.String() + ")"
		}
	}
	return s + ", UTC"
}
