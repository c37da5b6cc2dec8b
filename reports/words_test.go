package reports

import (
	"strings"
	"testing"
	"time"

	"github.com/metamortem/metamortem"
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

func TestRecoveryWords(t *testing.T) {
	known := func(n int) analysis.Recovery {
		var reviews []metamortem.Review
		for i := range n {
			reviews = append(reviews, metamortem.Review{
				StartedAt:   ts("2026-01-01T00:00:00Z"),
				MitigatedAt: ts("2026-01-01T00:00:00Z"),
			})
			*reviews[i].MitigatedAt = reviews[i].MitigatedAt.Add(time.Duration(i+1) * 30 * time.Minute)
		}
		return analysis.NewRecovery(reviews)
	}
	tests := []struct {
		n            int
		headline     string
		sentence     string
		warningShown bool
	}{
		{0, "", "No review in this range has both a start time and a mitigation or resolution time after it.", false},
		{1, "median 30 min, p90 30 min (n = 1)", "The one review with a known recovery time recovered in 30 min.", true},
		// 30, 60, 90, 120 min: median k=2, p90 k=4.
		{4, "median 1.0 h, p90 2.0 h (n = 4)", "Of the 4 reviews with a known recovery time, half recovered within 1.0 h and nine in ten within 2.0 h; the fastest took 30 min and the slowest 2.0 h.", true},
		{5, "median 1.5 h, p90 2.5 h (n = 5)", "Of the 5 reviews with a known recovery time, half recovered within 1.5 h and nine in ten within 2.5 h; the fastest took 30 min and the slowest 2.5 h.", false},
	}
	for _, tt := range tests {
		r := known(tt.n)
		if got := recoveryHeadline(r); got != tt.headline {
			t.Errorf("recoveryHeadline(n=%d) = %q; want %q", tt.n, got, tt.headline)
		}
		if got := recoverySentence(r); got != tt.sentence {
			t.Errorf("recoverySentence(n=%d) = %q; want %q", tt.n, got, tt.sentence)
		}
		if got := smallSampleWarning(r) != ""; got != tt.warningShown {
			t.Errorf("smallSampleWarning(n=%d) shown = %v; want %v", tt.n, got, tt.warningShown)
		}
	}
}

func TestWriteHTMLSmallSampleWarning(t *testing.T) {
	// The hostile corpus has one recovery time; the sample corpus has five.
	small := render(t, analysis.NewOverview(hostileReviews(), time.Time{}, time.Time{}), Options{stubECharts: true})
	if !strings.Contains(small, `<p class="warning" role="note"><strong>Warning.</strong> Small sample: only 1 recovery time is known.`) {
		t.Error("WriteHTML with n = 1 shows no small-sample warning")
	}
	if full := render(t, sampleOverview(), Options{stubECharts: true}); strings.Contains(full, `class="warning"`) {
		t.Error("WriteHTML with n = 5 shows a small-sample warning")
	}
}

func TestComponentsSentence(t *testing.T) {
	reviews := func(components ...[]string) analysis.Overview {
		var rs []metamortem.Review
		for _, c := range components {
			rs = append(rs, metamortem.Review{StartedAt: ts("2026-01-01T00:00:00Z"), Components: c})
		}
		return analysis.NewOverview(rs, time.Time{}, time.Time{})
	}
	tests := []struct {
		name  string
		o     analysis.Overview
		shown int
		want  string
	}{
		{"none", reviews(nil, nil), 0, "None of the 2 reviews names a component."},
		{"one top", reviews([]string{"api", "db"}, []string{"api"}), 2,
			"api was named in the most reviews: 2 of 2. The reviews name 2 components in all."},
		{"tie", reviews([]string{"api", "db"}, []string{"cache"}), 3,
			"api, cache and db were each named in 1 of 2 reviews, more than any other. The reviews name 3 components in all."},
		{"many tied, some hidden", reviews([]string{"a", "b", "c", "d", "e"}), 2,
			"5 components were each named in 1 of 1 reviews, more than any other. The reviews name 5 components in all; the chart shows the 2 named most."},
	}
	for _, tt := range tests {
		if got := componentsSentence(tt.o, tt.shown); got != tt.want {
			t.Errorf("componentsSentence(%s) = %q; want %q", tt.name, got, tt.want)
		}
	}
}

func TestWriteHTMLEmpty(t *testing.T) {
	out := render(t, analysis.NewOverview(nil, time.Time{}, time.Time{}), Options{stubECharts: true})
	for _, want := range []string{
		`data-charts-expected="0"`,
		`<script type="application/json" id="chart-options">[]</script>`,
		"No review started in this range.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("WriteHTML(empty overview) lacks %q", want)
		}
	}
}
