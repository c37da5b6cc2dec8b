package analysis_test

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/analysis"
)

func at(s string) *time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return &t
}

func TestReviewTimeliness(t *testing.T) {
	tests := []struct {
		name  string
		r     metamortem.Review
		want  analysis.Timeliness
		delay time.Duration
	}{
		{"no dates", metamortem.Review{}, analysis.NoReviewDate, 0},
		{"resolved, no review date", metamortem.Review{ResolvedAt: at("2026-01-01T10:00:00Z")}, analysis.NoReviewDate, 0},
		{"reviewed, nothing to measure from", metamortem.Review{ReviewedAt: at("2026-01-02T10:00:00Z")}, analysis.NoResolution, 0},
		{"next day, exactly 24 h", metamortem.Review{ResolvedAt: at("2026-01-01T10:00:00Z"), ReviewedAt: at("2026-01-02T10:00:00Z")}, analysis.OnTime, 24 * time.Hour},
		{"one minute late", metamortem.Review{ResolvedAt: at("2026-01-01T10:00:00Z"), ReviewedAt: at("2026-01-02T10:01:00Z")}, analysis.Late, 24*time.Hour + time.Minute},
		{"mitigation when no resolution", metamortem.Review{MitigatedAt: at("2026-01-01T10:00:00Z"), ReviewedAt: at("2026-01-05T10:00:00Z")}, analysis.Late, 96 * time.Hour},
		{"resolution over mitigation", metamortem.Review{MitigatedAt: at("2026-01-01T10:00:00Z"), ResolvedAt: at("2026-01-04T10:00:00Z"), ReviewedAt: at("2026-01-05T09:00:00Z")}, analysis.OnTime, 23 * time.Hour},
		{"held before resolution", metamortem.Review{ResolvedAt: at("2026-01-03T10:00:00Z"), ReviewedAt: at("2026-01-02T10:00:00Z")}, analysis.OnTime, -24 * time.Hour},
	}
	for _, tt := range tests {
		got, delay := analysis.ReviewTimeliness(tt.r, analysis.DefaultReviewWithin)
		if got != tt.want || delay != tt.delay {
			t.Errorf("ReviewTimeliness(%s) = %v, %v; want %v, %v", tt.name, got, delay, tt.want, tt.delay)
		}
	}
}

func TestCheckReviewRules(t *testing.T) {
	full := metamortem.Review{
		ID: "R-1", Title: "t",
		ResolvedAt: at("2026-01-01T10:00:00Z"), ReviewedAt: at("2026-01-01T16:00:00Z"),
		Factors:  []metamortem.Factor{{Text: "a"}, {Text: "b"}},
		Timeline: []metamortem.TimelineEvent{{Text: "paged"}},
		Sections: map[string]string{"impact": "Customers saw errors; the on-call was paged twice.", "difficulties": "no runbook"},
		Actions:  []metamortem.Action{{Text: "add alert", Owner: "sre", Ticket: "T-1", Status: metamortem.ActionDone}},
	}
	shallow := metamortem.Review{ID: "R-2", Title: "t", Factors: []metamortem.Factor{{Text: "only cause"}},
		Sections: map[string]string{"impact": "It was slow."},
		Actions:  []metamortem.Action{{Text: "fix it"}}}
	tests := []struct {
		name string
		r    metamortem.Review
		want []string
	}{
		{"full", full, nil},
		{"shallow", shallow, []string{"no-review-date", "single-root-cause", "missing-timeline", "missing-customer-impact",
			"missing-employee-impact", "missing-difficulties", "action-no-owner", "action-no-due", "action-no-ticket"}},
		{"empty", metamortem.Review{}, []string{"no-review-date", "missing-factors", "missing-timeline", "missing-impact",
			"missing-difficulties", "missing-actions"}},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range analysis.CheckReview(tt.r, analysis.DefaultReviewWithin) {
			got = append(got, f.Rule)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("CheckReview(%s) rules = %q; want %q", tt.name, got, tt.want)
		}
	}
	// A finding about an action points at the action's text; one about impact at its heading.
	fs := analysis.CheckReview(shallow, analysis.DefaultReviewWithin)
	wantAbout := map[string]analysis.Anchor{
		"single-root-cause":       {Kind: analysis.AnchorText, Text: "only cause"},
		"missing-customer-impact": {Kind: analysis.AnchorHeading, Text: "impact"},
		"action-no-owner":         {Kind: analysis.AnchorText, Text: "fix it"},
		"missing-difficulties":    {Kind: analysis.AnchorReview, Text: "t"},
	}
	for _, f := range fs {
		if want, ok := wantAbout[f.Rule]; ok && f.About != want {
			t.Errorf("CheckReview(shallow) %s is about %+v; want %+v", f.Rule, f.About, want)
		}
	}
}

func TestQuality(t *testing.T) {
	reviews := []metamortem.Review{
		{ID: "A", Title: "disk full", ResolvedAt: at("2026-04-01T10:00:00Z"), ReviewedAt: at("2026-04-01T20:00:00Z"),
			Factors:  []metamortem.Factor{{Text: "retention too long"}, {Text: "no alert on disk"}},
			Timeline: []metamortem.TimelineEvent{{Text: "alert fired"}},
			Sections: map[string]string{"impact": "Customers could not check out; two engineers worked the weekend.",
				"went_wrong": "This was human error.\n```\nlog: human error in parser\n```\nMarcus ignored the warning."},
			People:  []metamortem.Person{{Name: "Marcus Lindqvist", Role: metamortem.RoleResponder}},
			Actions: []metamortem.Action{{Text: "alert on disk", Owner: "platform", Due: at("2026-05-01T00:00:00Z"), Ticket: "T-1"}}},
		{ID: "B", Title: "late one", ResolvedAt: at("2026-04-02T10:00:00Z"), ReviewedAt: at("2026-04-06T10:00:00Z"),
			Factors:  []metamortem.Factor{{Text: "the deploy should have been canaried"}},
			Sections: map[string]string{"factors": "the deploy should have been canaried"}},
		{ID: "C", Title: "undated review", MitigatedAt: at("2026-04-03T10:00:00Z"),
			Sections: map[string]string{"summary": `We avoid "human error" as an explanation.`}},
		{ID: "D", Title: "review date only", ReviewedAt: at("2026-04-04T10:00:00Z")},
	}
	got := analysis.Quality(reviews, analysis.QualityOptions{})
	if got.Reviews != 4 || got.OnTime != 1 || got.Late != 1 || got.NoReviewDate != 1 || got.NoResolution != 1 {
		t.Errorf("Quality timeliness = reviews %d, on time %d, late %d, no review date %d, no resolution %d; want 4, 1, 1, 1, 1",
			got.Reviews, got.OnTime, got.Late, got.NoReviewDate, got.NoResolution)
	}
	// Delays 10 h and 96 h: the median of two is the lower.
	if got.Delay.N != 2 || got.Delay.Median != 10*time.Hour || got.Delay.Max != 96*time.Hour {
		t.Errorf("Quality delay = n %d, median %v, max %v; want 2, 10h, 96h", got.Delay.N, got.Delay.Median, got.Delay.Max)
	}
	wantDepth := []analysis.DepthCount{
		{Part: "contributing factors", Reviews: 2}, {Part: "timeline", Reviews: 1}, {Part: "impact", Reviews: 1},
		{Part: "customer impact", Reviews: 1}, {Part: "employee impact", Reviews: 1}, {Part: "difficulties", Reviews: 1},
		{Part: "action items", Reviews: 1},
	}
	if !reflect.DeepEqual(got.Depth, wantDepth) {
		t.Errorf("Quality depth = %+v; want %+v", got.Depth, wantDepth)
	}
	// A: "human error" (not the one in the code fence), "Marcus ignored" as person-blame.
	// B: "should have", said in a factor and again in a section, counted once. C quotes the
	// phrase to say it avoids it, which is no finding.
	wantBlame := []analysis.BlameReview{
		{ReviewID: "A", Rules: []analysis.RuleCount{{Rule: "blame-language", Count: 1}, {Rule: "person-blame", Count: 1}}},
		{ReviewID: "B", Rules: []analysis.RuleCount{{Rule: "counterfactual", Count: 1}}},
	}
	if !reflect.DeepEqual(got.Blame, wantBlame) {
		t.Errorf("Quality blame = %+v; want %+v", got.Blame, wantBlame)
	}
	if empty := analysis.Quality(nil, analysis.QualityOptions{}); empty.Reviews != 0 || empty.Delay.N != 0 || len(empty.Depth) != len(analysis.DepthParts()) {
		t.Errorf("Quality(nil) = %+v; want zero counts and every depth part", empty)
	}
}

// TestQualityFernhill checks the fixtures' planted truth (fixtures/README.md, "Blame language"
// and "Review timeliness and depth").
func TestQualityFernhill(t *testing.T) {
	_, reviews := readFernhillClasses(t)
	q := analysis.Quality(reviews, analysis.QualityOptions{})
	var blamed []string
	for _, b := range q.Blame {
		blamed = append(blamed, b.ReviewID)
	}
	if want := []string{"INC-2024-026", "INC-2026-018"}; !slices.Equal(blamed, want) {
		t.Errorf("Quality(fixtures) blame = %q; want %q", blamed, want)
	}
	// The README's late reviews, exactly, and its seven reviews with no review date.
	late := map[string]bool{"INC-2024-038": true, "INC-2024-052": true, "2025-06-27-order-emails-provider-errors": true,
		"INC-2025-049": true, "INC-2026-006": true}
	var gotLate []string
	for _, r := range reviews {
		if s, _ := analysis.ReviewTimeliness(r, analysis.DefaultReviewWithin); s == analysis.Late {
			gotLate = append(gotLate, r.ID)
			if !late[r.ID] {
				t.Errorf("Quality(fixtures): %s is late; the README says it was reviewed within 24 h", r.ID)
			}
		}
	}
	for id := range late {
		if !slices.Contains(gotLate, id) {
			t.Errorf("Quality(fixtures): %s is not late; want late", id)
		}
	}
	if q.NoReviewDate != 7 {
		t.Errorf("Quality(fixtures) no review date = %d; want the README's 7", q.NoReviewDate)
	}
	if q.OnTime+q.Late+q.NoReviewDate+q.NoResolution != q.Reviews || q.Reviews != 41 {
		t.Errorf("Quality(fixtures) timeliness %d+%d+%d+%d of %d; want a sum of 41", q.OnTime, q.Late, q.NoReviewDate, q.NoResolution, q.Reviews)
	}
	// Every fixture has a timeline and actions; the four shallow ones have no factors.
	for _, d := range q.Depth {
		if (d.Part == "timeline" || d.Part == "action items") && d.Reviews != 41 {
			t.Errorf("Quality(fixtures) %s = %d; want 41", d.Part, d.Reviews)
		}
		if d.Part == "contributing factors" && d.Reviews > 37 {
			t.Errorf("Quality(fixtures) %s = %d; want at most 37 (four reviews are shallow on purpose)", d.Part, d.Reviews)
		}
	}
}
