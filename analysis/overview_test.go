package analysis

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/metamortem/metamortem"
)

func day(month time.Month, d int) *time.Time {
	t := time.Date(2026, month, d, 9, 0, 0, 0, time.UTC)
	return &t
}

func ids(reviews []metamortem.Review) []string {
	var out []string
	for _, r := range reviews {
		out = append(out, r.ID)
	}
	return out
}

func TestNewOverview(t *testing.T) {
	hour := func(start *time.Time, h int) *time.Time {
		t := start.Add(time.Duration(h) * time.Hour)
		return &t
	}
	reviews := []metamortem.Review{
		{ID: "c", Severity: "sev2", StartedAt: day(8, 2), Components: []string{"db", "api"}},
		{ID: "b", Severity: "SEV-2", StartedAt: day(1, 10), MitigatedAt: hour(day(1, 10), 2), Components: []string{"api", " api "}},
		{ID: "a", Severity: "P1", StartedAt: day(1, 10), MitigatedAt: hour(day(1, 10), 1), Components: []string{"db"}},
		{ID: "d", Severity: "", StartedAt: day(9, 30), ResolvedAt: hour(day(9, 30), 3), Components: []string{"cache", ""}},
		{ID: "e", Severity: "Major", StartedAt: day(3, 31), MitigatedAt: hour(day(3, 31), -1), Components: []string{"api"}},
		{ID: "z-undated", Severity: "SEV1"},
		{ID: "y-undated"},
		{ID: "early", StartedAt: day(1, 1)}, // before from
		{ID: "late", StartedAt: day(10, 1)}, // at to, which is excluded
	}
	from := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	to := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	o := NewOverview(reviews, from, to)

	if got, want := ids(o.Reviews), []string{"a", "b", "e", "c", "d"}; !slices.Equal(got, want) {
		t.Errorf("Reviews = %v; want %v", got, want)
	}
	if got, want := ids(o.Undated), []string{"y-undated", "z-undated"}; !slices.Equal(got, want) {
		t.Errorf("Undated = %v; want %v", got, want)
	}
	if o.OutOfRange != 2 {
		t.Errorf("OutOfRange = %d; want 2", o.OutOfRange)
	}
	if want := []string{"P1", "SEV2", "major", UnknownSeverity}; !slices.Equal(o.Severities, want) {
		t.Errorf("Severities = %q; want %q", o.Severities, want)
	}
	wantQuarters := []QuarterCount{
		{Quarter{2026, 1}, 3, []int{1, 1, 1, 0}},
		{Quarter{2026, 2}, 0, []int{0, 0, 0, 0}},
		{Quarter{2026, 3}, 2, []int{0, 1, 0, 1}},
	}
	if !reflect.DeepEqual(o.Quarters, wantQuarters) {
		t.Errorf("Quarters = %+v; want %+v", o.Quarters, wantQuarters)
	}
	wantComponents := []ComponentCount{{"api", 3}, {"db", 2}, {"cache", 1}}
	if !slices.Equal(o.Components, wantComponents) {
		t.Errorf("Components = %+v; want %+v", o.Components, wantComponents)
	}
	// Known: a 1h, b 2h, d 3h; c has no end; e ended before it started.
	wantTimes := Distribution[time.Duration]{N: 3, Median: 2 * time.Hour, P75: 3 * time.Hour, P90: 3 * time.Hour, Min: time.Hour, Max: 3 * time.Hour, SmallSample: true}
	if o.Recovery.Times != wantTimes || o.Recovery.NoTimes != 1 || o.Recovery.NotPositive != 1 {
		t.Errorf("Recovery = %+v, NoTimes %d, NotPositive %d; want %+v, 1, 1", o.Recovery.Times, o.Recovery.NoTimes, o.Recovery.NotPositive, wantTimes)
	}
}

func TestNewOverviewOpenRange(t *testing.T) {
	reviews := []metamortem.Review{{ID: "a", StartedAt: day(1, 1)}, {ID: "b", StartedAt: day(12, 31)}}
	o := NewOverview(reviews, time.Time{}, time.Time{})
	if got := ids(o.Reviews); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("NewOverview with open range: Reviews = %v; want [a b]", got)
	}
	if len(o.Quarters) != 4 {
		t.Errorf("NewOverview with open range: %d quarters; want 4", len(o.Quarters))
	}
}

func TestNewOverviewEmpty(t *testing.T) {
	o := NewOverview(nil, time.Time{}, time.Time{})
	if o.Reviews != nil || o.Quarters != nil || len(o.Components) != 0 || o.Recovery.Times.N != 0 {
		t.Errorf("NewOverview(nil) = %+v; want an empty overview", o)
	}
}
