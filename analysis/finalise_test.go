package analysis

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/metamortem/metamortem"
)

// finaliseFixture is four reviews and three hand-made tag classes of the tag "pool": X has a fix
// that recurred and an open action past due; Y involves two components but its actions touch
// payments only; Z has nothing to report.
func finaliseFixture() ([]metamortem.Review, []Class, metamortem.Catalog) {
	done, open := metamortem.ActionDone, metamortem.ActionOpen
	reviews := []metamortem.Review{
		{ID: "R1", StartedAt: classDate(2024, 1, 1), ReviewedAt: classDate(2024, 1, 3), ResolvedAt: classDate(2024, 1, 2),
			Components: []string{"payments"}, Actions: []metamortem.Action{
				{Text: "Raise the pool size", Ticket: "T-1", Status: done},
				{Text: "Add pool leak detection", Ticket: "T-2", Status: open, Due: classDate(2024, 2, 1)},
				{Text: "Rewrite the pool", Status: metamortem.ActionWontFix, Due: classDate(2024, 1, 15)},
				{Text: "Update the on-call rota", Ticket: "T-9", Status: done},
			}},
		{ID: "R2", StartedAt: classDate(2024, 3, 1), ResolvedAt: classDate(2024, 3, 2),
			Components: []string{"payments", "storefront"}, Actions: []metamortem.Action{
				{Text: "Fix pool retries in the storefront", Ticket: "T-3", Status: done},
				{Text: "Tune the payments pool timeout", Ticket: "T-4", Status: done, Due: classDate(2024, 3, 10)},
			}},
		{ID: "R3", StartedAt: classDate(2024, 3, 5), Components: []string{"payments"}, Actions: []metamortem.Action{
			{Text: "Tune pay-svc pool retries", Status: open},
		}},
		{ID: "R4", StartedAt: classDate(2024, 4, 1), Components: []string{"payments", "storefront"}, Actions: []metamortem.Action{
			{Text: "Cap connections per pod", Status: done},
			{Text: "PAYMENTS: cap pool connections", Ticket: "T-5", Status: done},
		}},
	}
	classes := []Class{
		{ID: "z", Kind: ClassTag, Label: "pool", Incidents: []string{"R3"}, Components: []string{"payments"}},
		{ID: "y", Kind: ClassTag, Label: "pool", Incidents: []string{"R3", "R4"}, Components: []string{"payments", "storefront"}},
		{ID: "x", Kind: ClassTag, Label: "pool", Incidents: []string{"R1", "R2", "R3"}, Components: []string{"payments", "storefront"}},
	}
	cat := metamortem.Catalog{Components: []metamortem.CatalogComponent{{Name: "payments", Aliases: []string{"pay-svc"}}}}
	return reviews, classes, cat
}

func TestFinalise(t *testing.T) {
	reviews, classes, cat := finaliseFixture()
	items := Finalise(reviews, classes, FinaliseOptions{Catalog: cat})
	if len(items) != 2 || items[0].Class.ID != "x" || items[1].Class.ID != "y" {
		t.Fatalf("Finalise gave %d items %v; want x (two reasons), then y", len(items), itemIDs(items))
	}
	x, y := items[0], items[1]
	if want := []Reason{ReasonRecurredAfterFix, ReasonStillOpen}; !slices.Equal(x.Reasons, want) {
		t.Errorf("x.Reasons = %q; want %q", x.Reasons, want)
	}
	// T-1 has no due date, so R1's review date stands in; it names no component, so it was a fix
	// in R1's payments, which R2 involves. T-9 is about something else. T-3, fixed in the
	// storefront, did not recur there (R3 is payments only); T-4 was due after the last incident.
	if got, want := recurrenceLines(x.Recurrences), []string{"T-1 done 2024-01-03 (reviewed_at) -> R2 2024-03-01"}; !slices.Equal(got, want) {
		t.Errorf("x.Recurrences = %q; want %q", got, want)
	}
	if got := x.Recurrences[0].Action.Address; got != (Address{AddressTag, "pool"}) {
		t.Errorf("T-1 addresses x by %v; want the tag", got)
	}
	// The won't-fix action past due is not counted; T-2 is.
	if got, want := recurrenceLines(x.Overdue), []string{"T-2 done 2024-02-01 (due) -> R2 2024-03-01"}; !slices.Equal(got, want) {
		t.Errorf("x.Overdue = %q; want %q", got, want)
	}
	if want := []string{"payments", "storefront"}; !slices.Equal(x.Touched, want) {
		t.Errorf("x.Touched = %q; want %q", x.Touched, want)
	}

	if want := []Reason{ReasonLocalFixesOnly}; !slices.Equal(y.Reasons, want) {
		t.Errorf("y.Reasons = %q; want %q", y.Reasons, want)
	}
	// R3's action names payments by its alias; R4's "Cap connections per pod" is not about the
	// pool, and its other action names payments in another case.
	pool := Address{AddressTag, "pool"}
	wantTouches := []Touch{
		{Action: ActionEvidence{ReviewID: "R3", Text: "Tune pay-svc pool retries", Status: metamortem.ActionOpen, Address: pool}, Components: []string{"payments"}},
		{Action: ActionEvidence{ReviewID: "R4", Text: "PAYMENTS: cap pool connections", Ticket: "T-5", Status: metamortem.ActionDone, Address: pool}, Components: []string{"payments"}},
	}
	if !reflect.DeepEqual(y.Touches, wantTouches) || !slices.Equal(y.Touched, []string{"payments"}) {
		t.Errorf("y touched %q by %+v; want payments by %+v", y.Touched, y.Touches, wantTouches)
	}
	// R4's done actions have no date at all, so they are not evidence of a recurrence.
	if len(y.Recurrences) != 0 || len(y.Overdue) != 0 {
		t.Errorf("y = %d recurrences, %d overdue; want none", len(y.Recurrences), len(y.Overdue))
	}
}

func TestFinaliseFallsBackToReviewComponent(t *testing.T) {
	reviews, _, cat := finaliseFixture()
	// R1's "Add pool leak detection" names nothing; R1 has one component, so it touched payments.
	w := Class{ID: "w", Kind: ClassTag, Label: "pool", Incidents: []string{"R1", "R3"}, Components: []string{"payments", "storefront"}}
	items := Finalise(reviews, []Class{w}, FinaliseOptions{Catalog: cat})
	if len(items) != 1 {
		t.Fatalf("Finalise gave %d items; want 1", len(items))
	}
	var fromReview []string
	for _, tc := range items[0].Touches {
		if tc.FromReview {
			fromReview = append(fromReview, tc.Action.Text)
		}
	}
	// "Update the on-call rota" is not about the pool, so it touched nothing for w.
	if want := []string{"Raise the pool size", "Add pool leak detection", "Rewrite the pool"}; !slices.Equal(fromReview, want) {
		t.Errorf("actions touching their review's only component = %q; want %q", fromReview, want)
	}
	// T-1, done 2024-01-03, recurred in R3; T-2, due 2024-02-01, too.
	if want := []Reason{ReasonRecurredAfterFix, ReasonLocalFixesOnly, ReasonStillOpen}; !slices.Equal(items[0].Reasons, want) {
		t.Errorf("w.Reasons = %q; want %q", items[0].Reasons, want)
	}
}

func TestFinaliseDeterministic(t *testing.T) {
	reviews, classes, cat := finaliseFixture()
	first := Finalise(reviews, classes, FinaliseOptions{Catalog: cat})
	slices.Reverse(reviews)
	slices.Reverse(classes)
	if again := Finalise(reviews, classes, FinaliseOptions{Catalog: cat}); !reflect.DeepEqual(first, again) {
		t.Errorf("Finalise depends on input order:\n%+v\n%+v", first, again)
	}
	if got := Finalise(nil, nil, FinaliseOptions{}); len(got) != 0 {
		t.Errorf("Finalise(nil) = %+v; want none", got)
	}
}

func itemIDs(items []FinaliseItem) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Class.ID)
	}
	return out
}

func recurrenceLines(rs []Recurrence) []string {
	var out []string
	for _, r := range rs {
		out = append(out, fmt.Sprintf("%s done %s (%s) -> %s %s", r.Action.Ticket, r.Date.Format("2006-01-02"), r.DateFrom,
			r.ReviewID, r.StartedAt.Format("2006-01-02")))
	}
	return out
}

// TestFinaliseAddresses builds two incidents of one class, a done action in the first and the
// second starting later, and asks whether the second is a recurrence after a fix: only when the
// action is about the class, and only where the action was a fix.
func TestFinaliseAddresses(t *testing.T) {
	const pool = "cause:capacity:connection-pool"
	cat := metamortem.Catalog{Components: []metamortem.CatalogComponent{
		{Name: "payments-api", Aliases: []string{"pay-api"}}, {Name: "ledger-db"}, {Name: "checkout-service"},
	}}
	database := Class{ID: "tag:database", Kind: ClassTag, Label: "database"}
	poolTheme := Class{ID: pool, Kind: ClassTheme, Label: "Connection pool exhaustion", Theme: pool}
	tests := []struct {
		name             string
		class            Class
		title, action    string
		first, later     []string // components
		wantFlag         bool
		wantBy, wantWhat string
	}{
		// The done action is about vacuum; the later incident, with the same tag, is an expired
		// certificate.
		{"unrelated action, same tag", database, "ledger-db volume full", "Raise autovacuum cost limit for large tables",
			[]string{"ledger-db"}, []string{"ledger-db"}, false, "", ""},
		{"action uses the tag", database, "ledger-db volume full", "Disk alert on every ledger-db database volume",
			[]string{"ledger-db"}, []string{"ledger-db"}, true, AddressTag, "database"},
		// Naming the class's component is enough only in an incident that was about the class.
		{"component, incident about the class", poolTheme, "payments-api connection pool exhausted", "payments-api: roll back on every return path",
			[]string{"payments-api"}, []string{"payments-api"}, true, AddressComponent, "payments-api"},
		{"component, incident about something else", poolTheme, "Black Friday payment timeouts", "payments-api: per-provider bulkheads",
			[]string{"payments-api"}, []string{"payments-api"}, false, "", ""},
		{"taxonomy phrase", poolTheme, "Refunds slow", "Fix the connection leak in the refund batch job",
			[]string{"payments-api"}, []string{"payments-api"}, true, AddressTheme, "connection leak"},
		{"characteristic term", poolTheme, "Refunds slow", "Alert when the Hikari pool has waiting threads",
			[]string{"payments-api"}, []string{"payments-api"}, true, AddressTerm, "pool"},
		// An action is a fix where it says, or else where its incident happened.
		{"named fix, recurred elsewhere", poolTheme, "pay-api pool exhausted", "pay-api: fix the connection leak",
			[]string{"payments-api", "checkout-service"}, []string{"checkout-service"}, false, "", ""},
		{"unnamed fix, recurred elsewhere", poolTheme, "Refunds slow", "Fix the connection leak in the refund batch job",
			[]string{"payments-api"}, []string{"checkout-service"}, false, "", ""},
		{"unnamed fix, recurred in its incident's component", poolTheme, "Refunds slow", "Fix the connection leak in the refund batch job",
			[]string{"payments-api", "checkout-service"}, []string{"checkout-service"}, true, AddressTheme, "connection leak"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reviews := []metamortem.Review{
				{ID: "A", Title: tt.title, StartedAt: classDate(2024, 1, 1), ReviewedAt: classDate(2024, 1, 2), Components: tt.first,
					Actions: []metamortem.Action{{Text: tt.action, Ticket: "T-1", Status: metamortem.ActionDone}}},
				{ID: "B", Title: "again", StartedAt: classDate(2024, 6, 1), Components: tt.later},
			}
			c := tt.class
			c.Incidents, c.Components = []string{"A", "B"}, slices.Concat(tt.first, tt.later)
			items := Finalise(reviews, []Class{c}, FinaliseOptions{Catalog: cat})
			flagged := len(items) == 1 && len(items[0].Recurrences) == 1
			if flagged != tt.wantFlag {
				t.Fatalf("Finalise(%q then an incident in %q) recurred after fix = %v; want %v (items %+v)", tt.action, tt.later, flagged, tt.wantFlag, items)
			}
			if flagged {
				if got, want := items[0].Recurrences[0].Action.Address, (Address{tt.wantBy, tt.wantWhat}); got != want {
					t.Errorf("%q addresses %s by %v; want %v", tt.action, c.ID, got, want)
				}
			}
		})
	}
}

// TestFinaliseLocalFixesNeedsTwo checks that one action touching one of two components is not
// evidence of local fixes only, and that two are.
func TestFinaliseLocalFixesNeedsTwo(t *testing.T) {
	review := func(id, action string) metamortem.Review {
		return metamortem.Review{ID: id, Components: []string{"payments-api"},
			Actions: []metamortem.Action{{Text: action, Status: metamortem.ActionOpen}}}
	}
	cat := metamortem.Catalog{Components: []metamortem.CatalogComponent{{Name: "payments-api"}, {Name: "checkout-service"}}}
	c := Class{ID: "tag:pool", Kind: ClassTag, Label: "pool", Incidents: []string{"A", "B"}, Components: []string{"payments-api", "checkout-service"}}
	for _, tt := range []struct {
		second string
		want   bool
	}{
		{"Update the on-call rota", false},
		{"Alert on pool waiting threads", true},
	} {
		reviews := []metamortem.Review{review("A", "Raise the pool size"), review("B", tt.second)}
		items := Finalise(reviews, []Class{c}, FinaliseOptions{Catalog: cat})
		if got := len(items) == 1 && slices.Contains(items[0].Reasons, ReasonLocalFixesOnly); got != tt.want {
			t.Errorf("Finalise with second action %q: local-fixes-only = %v; want %v", tt.second, got, tt.want)
		}
	}
}

// TestFinaliseFolds checks that a class with no reason or evidence of its own beyond an entry
// above it is named in that entry's Also instead of listed again.
func TestFinaliseFolds(t *testing.T) {
	reviews, _, cat := finaliseFixture()
	x := Class{ID: "x", Kind: ClassTag, Label: "pool", Incidents: []string{"R1", "R2", "R3"}, Components: []string{"payments", "storefront"}}
	// Only R1 and R2: T-1 recurred in R2 and T-2 was overdue then, both already x's evidence.
	sub := Class{ID: "sub", Kind: ClassTag, Label: "pool", Incidents: []string{"R1", "R2"}, Components: []string{"payments", "storefront"}}
	items := Finalise(reviews, []Class{sub, x}, FinaliseOptions{Catalog: cat})
	if len(items) != 1 || items[0].Class.ID != "x" || !slices.Equal(items[0].Also, []string{"sub"}) {
		t.Errorf("Finalise = %+v; want x, also sub", items)
	}
}
