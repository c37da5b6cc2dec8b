package reports

import (
	"fmt"
	"math"
	"time"

	"github.com/metamortem/metamortem/analysis"
)

// spread is a distribution as the report gives it: n, median and 90th percentile, never a
// mean. Durations are in minutes, ages in days (the unit is in the JSON key of the field
// holding it).
type spread struct {
	N           int     `json:"n"`
	Median      float64 `json:"median"`
	P90         float64 `json:"p90"`
	SmallSample bool    `json:"small_sample"`
}

func minutesSpread(d analysis.Distribution[time.Duration]) spread {
	return spread{N: d.N, Median: round(d.Median.Minutes(), 1), P90: round(d.P90.Minutes(), 1), SmallSample: d.SmallSample}
}

func daysSpread(d analysis.Distribution[int]) spread {
	return spread{N: d.N, Median: float64(d.Median), P90: float64(d.P90), SmallSample: d.SmallSample}
}

// minutes turns a number of minutes back into a duration, for writing.
func minutes(m float64) time.Duration { return time.Duration(m * float64(time.Minute)) }

// round rounds x to the given number of decimal places, so that JSON shows 0.667, not
// 0.6666666666666666.
func round(x float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(x*p) / p
}

// share returns part/whole rounded to three places, or nil when whole is zero.
func share(part, whole int) *float64 {
	if whole == 0 {
		return nil
	}
	s := round(float64(part)/float64(whole), 3)
	return &s
}

// percent writes a share as a whole percentage: "67%"; "–" for nil.
func percent(s *float64) string {
	if s == nil {
		return "–"
	}
	return fmt.Sprintf("%.0f%%", *s*100)
}

// utc returns t in UTC, or nil.
func utc(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}
