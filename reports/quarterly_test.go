package reports

import (
	"testing"
	"time"

	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/analysis"
	"github.com/metamortem/metamortem/ingest"
)

func date(s string) time.Time {
	return *ts(s + "T00:00:00Z")
}

func TestRange(t *testing.T) {
	reviews := []metamortem.Review{
		{ID: "a", StartedAt: ts("2025-02-10T08:00:00Z")},
		{ID: "b", StartedAt: ts("2026-05-20T08:00:00Z")},
		{ID: "c"},
	}
	tests := []struct {
		name             string
		from, to         time.Time
		wantFrom, wantTo time.Time
	}{
		{"latest quarter with reviews", time.Time{}, time.Time{}, date("2026-04-01"), date("2026-07-01")},
		{"from only: to the last review's quarter", date("2025-07-01"), time.Time{}, date("2025-07-01"), date("2026-07-01")},
		{"to only: from the first review's quarter", time.Time{}, date("2025-10-01"), date("2025-01-01"), date("2025-10-01")},
		{"from after every review", date("2027-02-01"), time.Time{}, date("2027-02-01"), date("2027-04-01")},
		{"both given", date("2025-03-01"), date("2025-03-15"), date("2025-03-01"), date("2025-03-15")},
	}
	for _, tt := range tests {
		from, to := Range(reviews, tt.from, tt.to)
		if !from.Equal(tt.wantFrom) || !to.Equal(tt.wantTo) {
			t.Errorf("Range(%s) = %v, %v; want %v, %v", tt.name, from, to, tt.wantFrom, tt.wantTo)
		}
	}
}

func TestPeriods(t *testing.T) {
	tests := []struct {
		from, to         time.Time
		label, prev      string
		prevFrom, prevTo time.Time
	}{
		{date("2026-04-01"), date("2026-07-01"), "2026Q2", "2026Q1", date("2026-01-01"), date("2026-04-01")},
		{date("2026-01-01"), date("2026-04-01"), "2026Q1", "2025Q4", date("2025-10-01"), date("2026-01-01")},
		{date("2025-07-01"), date("2026-01-01"), "2025Q3–2025Q4", "2025Q1–2025Q2", date("2025-01-01"), date("2025-07-01")},
		{date("2026-03-10"), date("2026-03-20"), "10 Mar 2026 – 19 Mar 2026", "28 Feb 2026 – 9 Mar 2026", date("2026-02-28"), date("2026-03-10")},
	}
	for _, tt := range tests {
		if got := periodLabel(tt.from, tt.to); got != tt.label {
			t.Errorf("periodLabel(%v, %v) = %q; want %q", tt.from, tt.to, got, tt.label)
		}
		p := previousPeriod(tt.from, tt.to)
		if p.Label != tt.prev || !p.From.Equal(tt.prevFrom) || !p.To.Equal(tt.prevTo) {
			t.Errorf("previousPeriod(%v, %v) = %+v; want %q [%v, %v)", tt.from, tt.to, p, tt.prev, tt.prevFrom, tt.prevTo)
		}
	}
}

func TestAnchor(t *testing.T) {
	tests := []struct{ id, want string }{
		{"INC-2026-021", "review-INC-2026-021"},
		{"reviews_2025", "review-reviews_2025"},
		// Hashes from sha256sum: "a b" c8687a08…, "a/b" c14cddc0…, the tag 4533a372…, "" e3b0c442….
		{"a b", "review-a-b-c8687a08"},
		{"a/b", "review-a-b-c14cddc0"},
		{`"><img src=x>`, "review----img-src-x--4533a372"},
		{"", "review--e3b0c442"},
	}
	for _, tt := range tests {
		if got := anchor(tt.id); got != tt.want {
			t.Errorf("anchor(%q) = %q; want %q", tt.id, got, tt.want)
		}
	}
}

// TestSampleSections checks the sections of the sample corpus against counts worked out by
// hand from sampleReviews.
func TestSampleSections(t *testing.T) {
	q := sampleQuarterly(QuarterlyOptions{})
	// 2026Q2: INC-201, INC-202, INC-203 and DRILL-7; 2026Q1 none; INC-150 has no start.
	if q.Period != "2026Q2" || q.Previous.Label != "2026Q1" || q.Reviews != 4 || q.Undated != 1 {
		t.Errorf("sample period %s against %s, %d reviews, %d undated; want 2026Q2 against 2026Q1, 4, 1", q.Period, q.Previous.Label, q.Reviews, q.Undated)
	}
	want := "2026Q2 had 4 reviews against 0 in 2026Q1, 2 of them SEV2 (0 before); half recovered within 11 min and nine in ten within 1.5 h (n = 2, too few for a trend)."
	if q.Glance.Sentence != want {
		t.Errorf("glance sentence = %q; want %q", q.Glance.Sentence, want)
	}
	// The pool-exhaustion class: INC-101's fix (done, due 2025-10-10) and then INC-201; INC-201's
	// query-timeout action, open and due 2026-05-01, and then INC-202.
	if len(q.Finalise.Items) != 1 || q.Finalise.Items[0].Label != "Connection pool exhaustion" {
		t.Fatalf("finalise items = %+v; want one, Connection pool exhaustion", q.Finalise.Items)
	}
	it := q.Finalise.Items[0]
	if len(it.Incidents) != 3 || it.InRange != 2 || len(it.Evidence) != 2 ||
		it.Evidence[0].Review.ID != "INC-101" || it.Evidence[0].Later.ID != "INC-201" ||
		it.Evidence[1].Review.ID != "INC-201" || it.Evidence[1].Later.ID != "INC-202" {
		t.Errorf("finalise evidence = %+v; want INC-101 then INC-201, and INC-201 then INC-202", it.Evidence)
	}
	// INC-201 and INC-202 are cited and in range; INC-101 is cited from before it.
	if len(q.Appendix.Reviews) != 4 || len(q.Appendix.Cited) != 1 || q.Appendix.Cited[0].ID != "INC-101" {
		t.Errorf("appendix = %d in range, cited %+v; want 4 and INC-101", len(q.Appendix.Reviews), q.Appendix.Cited)
	}
	// queue is in no catalog; search's owner "discovery" is no team the catalog lists.
	gaps := map[string]string{}
	for _, r := range q.Ownership.Rows {
		gaps[r.Component] = r.Problem
	}
	if gaps["queue"] != "no owner" || gaps["search"] != "owner not in the catalog" {
		t.Errorf("ownership gaps = %v; want queue with no owner and search with an owner not in the catalog", gaps)
	}
	// INC-201 is the only review in range with both dates, held 17 h after resolution; it has
	// "The operator failed to follow" in a factor.
	if q.Quality.OnTime != 1 || q.Quality.NoReviewDate != 3 || q.Quality.BlameReviews != 1 || q.Quality.Blame[0].Review.ID != "INC-201" {
		t.Errorf("quality = on time %d, no review date %d, blame %+v; want 1, 3 and INC-201", q.Quality.OnTime, q.Quality.NoReviewDate, q.Quality.Blame)
	}
}

func TestSectionSentences(t *testing.T) {
	tests := []struct{ name, got, want string }{
		{"quality, none dated", qualitySentence(quality{Reviews: 2, NoReviewDate: 2, WithinHours: 24,
			Depth: []depthRow{{Part: "timeline", Reviews: 2}, {Part: "impact", Reviews: 0}}}),
			"None of the 2 reviews has both a resolution and a review date, so timeliness is unknown; the part most often missing is impact, in only 0 of 2, and no review uses blame language."},
		{"quality, mixed", qualitySentence(quality{Reviews: 5, OnTime: 2, Late: 1, NoReviewDate: 1, NoResolution: 1, WithinHours: 24,
			Depth: []depthRow{{Part: "timeline", Reviews: 4}}, BlameReviews: 2}),
			"2 of the 3 reviews with both dates were held within 24 hours of resolution (1 more has no review date and 1 more has no resolution time); the part most often missing is timeline, in only 4 of 5, and 2 reviews use blame or counterfactual language."},
		{"quality, one dated and late", qualitySentence(quality{Reviews: 1, Late: 1, WithinHours: 24, Depth: []depthRow{{Part: "impact", Reviews: 1}}}),
			"The one review with both dates was held more than 24 hours after resolution; the part most often missing is impact, in only 1 of 1, and no review uses blame language."},
		{"quality, one dated and on time", qualitySentence(quality{Reviews: 1, OnTime: 1, WithinHours: 24}),
			"The one review with both dates was held within 24 hours of resolution, and no review uses blame language."},
		{"ownership, none", ownershipSentence(ownership{Components: 3}),
			"All 3 components that incidents name have one owning team whose members respond to them."},
		{"knowledge, no areas", knowledgeSentence(knowledge{}),
			"No component or tag has 3 incidents that name responders, so there is no concentration to measure."},
		{"knowledge, islands", knowledgeSentence(knowledge{Islands: 3, Areas: []areaRow{{Name: "db", Top: "person-1", TopCount: 6, Incidents: 7, BusFactor50: 1, Island: true}}}),
			"db is a knowledge island: one person (person-1) responded to 6 of its 7 incidents, and its bus factor is 1; 2 more areas are islands."},
		{"finalise, none", finaliseSentence(finalise{}),
			"No incident class needs a systemic fix: none recurred after a fix, was fixed only locally, or outlived an action past its due date."},
		{"classes, none", classesSentence(classes{Quarters: []string{"2025Q3", "2026Q2"}}),
			"No incident class recurred in 2025Q3–2026Q2: no contributing factor was shared by two incidents."},
		{"themes, no statements", themesSentence(themes{}), "The reviews in range state no contributing factors."},
		{"actions, none", actionsSentence(actions{AsOf: date("2026-07-01")}), "No action item was agreed by 30 Jun 2026."},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s sentence = %q; want %q", tt.name, tt.got, tt.want)
		}
	}
}

// readFixtures reads the Fernhill fixtures (../fixtures) the way ingest does.
func readFixtures(t *testing.T) ([]metamortem.Review, metamortem.Catalog) {
	t.Helper()
	reviews, cat, failures := ingest.ReadAll("../fixtures/catalog", "../fixtures/reviews")
	if len(failures) > 0 {
		t.Fatalf("reading the fixtures: %v", failures)
	}
	return reviews, cat
}

// TestFixturesEverySection checks that the report on the fixtures' 2026Q2 has real content in
// every section, and the planted truth where the section shows it.
func TestFixturesEverySection(t *testing.T) {
	reviews, cat := readFixtures(t)
	from, to := analysis.Quarter{Year: 2026, Q: 2}.Range()
	q := NewQuarterly(reviews, cat, QuarterlyOptions{From: from, To: to})
	// fixtures/README.md: 4 reviews in 2026Q2 and 3 in 2026Q1.
	if q.Reviews != 4 || q.Glance.Reviews.Previous != 3 {
		t.Errorf("fixtures 2026Q2: %d reviews, %d before; want 4 and 3", q.Reviews, q.Glance.Reviews.Previous)
	}
	checks := []struct {
		section string
		ok      bool
	}{
		{"glance severity and team", len(q.Glance.Severity) > 0 && len(q.Glance.Team) > 0 && q.Glance.Durations[0].Current.N == 4},
		{"classes", len(q.Classes.Rows) > 0},
		{"themes", len(q.Themes.Largest) > 0 && len(q.Themes.Largest[0].Examples) > 0},
		{"finalise: connection pool exhaustion first", len(q.Finalise.Items) > 0 && q.Finalise.Items[0].Label == "Connection pool exhaustion"},
		{"knowledge: ledger-db an island", len(q.Knowledge.Areas) > 0 && q.Knowledge.Areas[0].Name == "ledger-db" && q.Knowledge.Areas[0].Island},
		{"ownership", len(q.Ownership.Rows) > 0},
		{"actions", len(q.Actions.Teams) > 0 && q.Actions.All.Actions > 0},
		{"quality: INC-2026-018 blames", q.Quality.Reviews == 4 && len(q.Quality.Blame) == 1 && q.Quality.Blame[0].Review.ID == "INC-2026-018"},
		{"appendix", len(q.Appendix.Reviews) == 4 && len(q.Appendix.Cited) > 0},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("fixtures 2026Q2: section %s has no content or the wrong content", c.section)
		}
	}
	for _, s := range []string{q.Glance.Sentence, q.Classes.Sentence, q.Themes.Sentence, q.Finalise.Sentence, q.Knowledge.Sentence,
		q.Ownership.Sentence, q.Actions.Sentence, q.Quality.Sentence, q.Appendix.Sentence} {
		if s == "" {
			t.Error("fixtures 2026Q2: a section has no sentence")
		}
	}
	// The README's ownership findings.
	gaps := map[string]string{}
	for _, r := range q.Ownership.Rows {
		gaps[r.Component] = r.Problem
	}
	for c, want := range map[string]string{"notification-gateway": "no owner", "order-events-bus": "owner not in the catalog",
		"feature-flags": "shared owner", "search-indexer": "owner rarely responds"} {
		if gaps[c] != want {
			t.Errorf("fixtures 2026Q2: %s ownership gap = %q; want %q", c, gaps[c], want)
		}
	}
	// People are pseudonyms: nobody the fixtures name shows in the knowledge section.
	if top := q.Knowledge.Areas[0].Top; top == "Priya Raman" || len(top) < len("person-") || top[:7] != "person-" {
		t.Errorf("fixtures 2026Q2: ledger-db's top responder shows as %q; want a pseudonym", top)
	}
	named := NewQuarterly(reviews, cat, QuarterlyOptions{From: from, To: to, Names: true})
	if top := named.Knowledge.Areas[0].Top; top != "Priya Raman" {
		t.Errorf("fixtures 2026Q2 with names: ledger-db's top responder = %q; want Priya Raman", top)
	}
}
