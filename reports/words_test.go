package reports

import (
	"testing"
	"time"

	"github.com/metamortem/metamortem/analysis"
)

func TestDuration(t *testing.T) {
	tests := []struct {
		in   time.Duration
		want string
	}{
		{45 * time.Second, "45 s"},
		{42 * time.Minute, "42 min"},
		{42*time.Minute + 31*time.Second, "43 min"},
		{time.Hour, "1.0 h"},
		{6*time.Hour + 6*time.Minute, "6.1 h"},
		{44 * time.Hour, "44 h"},
		{84 * time.Hour, "3.5 d"},
	}
	for _, tt := range tests {
		if got := duration(tt.in); got != tt.want {
			t.Errorf("duration(%v) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestList(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"a"}, "a"},
		{[]string{"a", "b"}, "a and b"},
		{[]string{"a", "b", "c"}, "a, b and c"},
	}
	for _, tt := range tests {
		if got := list(tt.in); got != tt.want {
			t.Errorf("list(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestSpan(t *testing.T) {
	date := func(s string) time.Time {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			panic(err)
		}
		return t
	}
	q3from, q3to := analysis.Quarter{Year: 2026, Q: 3}.Range()
	tests := []struct {
		from, to time.Time
		want     string
	}{
		{time.Time{}, time.Time{}, "All dates"},
		{q3from, q3to, "1 Jul 2026 – 30 Sep 2026 (2026Q3), UTC"},
		{q3from, date("2027-01-01T00:00:00Z"), "1 Jul 2026 – 31 Dec 2026 (2026Q3–2026Q4), UTC"},
		{date("2026-07-15T00:00:00Z"), date("2026-08-01T00:00:00Z"), "15 Jul 2026 – 31 Jul 2026, UTC"},
		{date("2026-07-15T00:00:00Z"), date("2026-08-01T12:30:00Z"), "15 Jul 2026 – 1 Aug 2026 12:30 (not included), UTC"},
		{q3from, time.Time{}, "From 1 Jul 2026"},
		{time.Time{}, q3to, "Up to 30 Sep 2026"},
	}
	for _, tt := range tests {
		if got := span(tt.from, tt.to); got != tt.want {
			t.Errorf("span(%v, %v) = %q; want %q", tt.from, tt.to, got, tt.want)
		}
	}
}
