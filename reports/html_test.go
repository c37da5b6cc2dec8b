package reports

import (
	"bytes"
	"encoding/json"
	"flag"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/analysis"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func ts(s string) *time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return &t
}

// sampleCatalog owns checkout and payments; search has an owner no catalog lists, and queue
// none.
func sampleCatalog() metamortem.Catalog {
	return metamortem.Catalog{
		Components: []metamortem.CatalogComponent{
			{Name: "checkout", Owner: "storefront"}, {Name: "payments", Owner: "payments"},
			{Name: "redis", Owner: "platform"}, {Name: "search", Owner: "discovery"},
		},
		Teams: []metamortem.Team{
			{Name: "storefront", Members: []string{"Ana Ruiz"}}, {Name: "payments", Members: []string{"Bo Chen"}},
			{Name: "platform", Members: []string{"Cy Diaz"}},
		},
		People: []metamortem.CatalogPerson{{Name: "Ana Ruiz", Teams: []string{"storefront"}},
			{Name: "Bo Chen", Teams: []string{"payments"}}, {Name: "Cy Diaz", Teams: []string{"platform"}}},
	}
}

// sampleReviews is a small hand-built corpus: four quarters with an empty one between, mixed
// severity spellings, a pool-exhaustion class that recurred after its fix was done, one review
// with no end time, one that ends before it starts, one with no start time, and a drill.
func sampleReviews() []metamortem.Review {
	src := func(p string) metamortem.Source { return metamortem.Source{Path: p, Format: "markdown"} }
	lead := func(n string) []metamortem.Person { return []metamortem.Person{{Name: n, Role: metamortem.RoleLead}} }
	return []metamortem.Review{
		{ID: "INC-101", Title: "Checkout latency after cache eviction storm", Severity: "SEV2",
			StartedAt: ts("2025-10-03T08:10:00Z"), DetectedAt: ts("2025-10-03T08:20:00Z"), MitigatedAt: ts("2025-10-03T08:52:00Z"),
			ResolvedAt: ts("2025-10-03T11:00:00Z"), ReviewedAt: ts("2025-10-03T16:00:00Z"),
			Components: []string{"checkout", "redis"}, People: lead("Ana Ruiz"),
			Factors: []metamortem.Factor{{Text: "The connection pool was exhausted under load"}, {Text: "Cache TTLs all expired at once"}},
			Actions: []metamortem.Action{{Text: "Raise the connection pool size in checkout", Owner: "Ana Ruiz", Status: metamortem.ActionDone,
				Due: ts("2025-10-10T00:00:00Z"), Ticket: "OPS-1"}},
			Source: src("reviews/2025/inc-101.md")},
		{ID: "INC-102", Title: "Payments declined by expired certificate", Severity: "sev1",
			StartedAt: ts("2025-11-14T22:00:00Z"), MitigatedAt: ts("2025-11-15T04:06:00Z"), ReviewedAt: ts("2025-11-20T10:00:00Z"),
			Components: []string{"payments"}, People: lead("Bo Chen"),
			Factors: []metamortem.Factor{{Text: "The TLS certificate expired unnoticed"}},
			Actions: []metamortem.Action{{Text: "Alert 30 days before certificates expire", Owner: "Bo Chen", Status: metamortem.ActionOpen,
				Due: ts("2025-12-15T00:00:00Z")}},
			Source: src("reviews/2025/inc-102.md")},
		{ID: "INC-103", Title: "Search index lagging", Severity: "Sev 3",
			StartedAt: ts("2025-12-01T13:00:00Z"), ResolvedAt: ts("2025-12-03T09:00:00Z"),
			Components: []string{"search"}, People: lead("Ana Ruiz"), Source: src("reviews/2025/inc-103.md")},
		{ID: "INC-201", Title: "Checkout errors: connection pool exhausted again", Severity: "SEV2",
			StartedAt: ts("2026-04-07T15:30:00Z"), DetectedAt: ts("2026-04-07T15:33:00Z"), MitigatedAt: ts("2026-04-07T15:41:00Z"),
			ResolvedAt: ts("2026-04-07T16:00:00Z"), ReviewedAt: ts("2026-04-08T09:00:00Z"),
			Components: []string{"checkout", "redis"}, People: lead("Ana Ruiz"),
			Factors:  []metamortem.Factor{{Text: "Database connection pool exhausted by a slow query"}, {Text: "The operator failed to follow the runbook"}},
			Timeline: []metamortem.TimelineEvent{{At: ts("2026-04-07T15:33:00Z"), Text: "paged"}},
			Sections: map[string]string{"impact": "Customers saw errors at checkout; the on-call was paged.", "went_wrong": "slow rollback"},
			Actions:  []metamortem.Action{{Text: "Add a query timeout in checkout", Owner: "storefront", Status: metamortem.ActionOpen, Due: ts("2026-05-01T00:00:00Z"), Ticket: "OPS-7"}},
			Source:   src("reviews/2026/inc-201.md")},
		{ID: "INC-202", Title: "Queue backlog with no end time written", Severity: "",
			StartedAt: ts("2026-05-20T02:00:00Z"), Components: []string{"queue", "checkout"}, People: lead("Cy Diaz"),
			Factors: []metamortem.Factor{{Text: "The consumer connection pool ran out of connections"}},
			Source:  src("reviews/2026/inc-202.md")},
		{ID: "INC-203", Title: "Clock skew: mitigated before it started", Severity: "SEV3",
			StartedAt: ts("2026-06-02T10:00:00Z"), MitigatedAt: ts("2026-06-02T09:00:00Z"),
			Components: []string{"redis"}, People: lead("Cy Diaz"), Source: src("reviews/2026/inc-203.md")},
		{ID: "DRILL-7", Title: "Region failover drill", Kind: metamortem.KindDrill, Severity: "SEV2",
			StartedAt: ts("2026-06-20T09:00:00Z"), MitigatedAt: ts("2026-06-20T10:30:00Z"),
			Components: []string{"checkout", "payments"}, Source: src("reviews/2026/drill-7.md")},
		{ID: "INC-150", Title: "Undated outage", Severity: "SEV2",
			Components: []string{"search"}, Source: src("reviews/undated/inc-150.md")},
	}
}

func sampleQuarterly(opts QuarterlyOptions) Quarterly {
	if opts.From.IsZero() && opts.To.IsZero() {
		opts.From, opts.To = analysis.Quarter{Year: 2026, Q: 2}.Range()
	}
	return NewQuarterly(sampleReviews(), sampleCatalog(), opts)
}

func render(t *testing.T, q Quarterly, opt Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteHTML(&buf, q, opt); err != nil {
		t.Fatalf("WriteHTML: %v", err)
	}
	return buf.String()
}

// checkGolden compares got with testdata/name, rewriting it under -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	golden := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./reports -run Golden -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s; if the change is intended, run go test ./reports -run Golden -update and review the diff", golden)
	}
}

func TestWriteHTMLGolden(t *testing.T) {
	checkGolden(t, "report.golden.html", render(t, sampleQuarterly(QuarterlyOptions{}), Options{stubECharts: true}))
}

func TestWriteHTMLDeterministic(t *testing.T) {
	first := render(t, sampleQuarterly(QuarterlyOptions{}), Options{})
	for range 3 {
		if again := render(t, sampleQuarterly(QuarterlyOptions{}), Options{}); again != first {
			t.Fatal("WriteHTML gave different output for the same reviews")
		}
	}
}

func TestWriteHTMLEmbedsECharts(t *testing.T) {
	out := render(t, sampleQuarterly(QuarterlyOptions{}), Options{})
	if len(echartsJS) < 1_000_000 || !strings.HasPrefix(strings.TrimSpace(echartsJS), "/*") {
		t.Fatalf("embedded echarts.min.js is %d bytes; want the 1 MB library", len(echartsJS))
	}
	if !strings.Contains(out, "<script>"+echartsJS+"</script>") {
		t.Error("WriteHTML output does not inline echarts.min.js in a <script> element")
	}
	if strings.Contains(out, echartsStub) {
		t.Error("WriteHTML output has the test placeholder for ECharts")
	}
	csp := regexp.MustCompile(`http-equiv="Content-Security-Policy" content="([^"]*)"`).FindStringSubmatch(out)
	if csp == nil {
		t.Fatal("WriteHTML output has no Content-Security-Policy")
	}
	for name, script := range map[string]string{"echarts.min.js": echartsJS, "errors.js": errorsJS, "charts.js": chartsJS} {
		if !strings.Contains(html.UnescapeString(csp[1]), scriptHash(script)) {
			t.Errorf("WriteHTML output's Content-Security-Policy does not allow %s", name)
		}
	}
}

// TestWriteHTMLNoNetwork checks that nothing in the page points outside it.
func TestWriteHTMLNoNetwork(t *testing.T) {
	out := render(t, sampleQuarterly(QuarterlyOptions{}), Options{stubECharts: true})
	for _, pat := range []string{`(?i)<script[^>]+src=`, `(?i)<link`, `(?i)<img`, `(?i)<iframe`, `(?i)url\(`, `(?i)@import`, `(?i)https?://`} {
		if loc := regexp.MustCompile(pat).FindStringIndex(out); loc != nil {
			t.Errorf("WriteHTML output matches %s at %q", pat, out[max(0, loc[0]-40):min(len(out), loc[1]+40)])
		}
	}
}

const (
	hostileTitle     = `<img src=x onerror=alert(1)>`
	hostileScript    = `</script><script>alert(1)</script>`
	hostileFunction  = `__f__function(){alert(1)}__f__`
	hostileFuncInner = `function(){alert(1)}`
	hostilePerson    = `<b onmouseover=alert(1)>Mallory</b>`
)

// hostileReviews put hostile strings everywhere review text reaches the report: titles,
// severities, components (in charts, tables and the heatmap's classes), factor statements
// (theme examples), action texts (finalise evidence), people (knowledge) and source paths.
// The three pool-exhaustion incidents make a class whose fix was done and then recurred, so
// that the finalise section quotes the hostile action.
func hostileReviews() []metamortem.Review {
	lead := []metamortem.Person{{Name: hostilePerson, Role: metamortem.RoleLead}}
	pool := func(id, start, text string) metamortem.Review {
		return metamortem.Review{ID: id, Title: hostileTitle, Severity: hostileScript, StartedAt: ts(start),
			MitigatedAt: ts(start), ReviewedAt: ts(start), People: lead,
			Components: []string{hostileScript, hostileFunction},
			Factors:    []metamortem.Factor{{Text: "connection pool exhausted " + text}},
			Actions: []metamortem.Action{{Text: "Raise the connection pool " + hostileTitle, Status: metamortem.ActionDone,
				Due: ts(start), Owner: hostilePerson}},
			Source: metamortem.Source{Path: `"><svg onload=alert(1)>.md`}}
	}
	a := pool("X-1", "2026-01-05T10:00:00Z", hostileTitle)
	*a.MitigatedAt = a.MitigatedAt.Add(time.Hour)
	b := pool("X-2", "2026-02-05T10:00:00Z", hostileScript)
	c := pool("X-3", "2026-03-05T10:00:00Z", hostileFunction)
	return []metamortem.Review{a, b, c,
		{ID: "X-4", Title: "plain", StartedAt: ts("2026-02-06T10:00:00Z"), Components: []string{hostileFunction}, People: lead},
		{ID: hostileTitle, Title: hostileScript},
	}
}

func hostileQuarterly() Quarterly {
	from, to := analysis.Quarter{Year: 2026, Q: 1}.Range()
	return NewQuarterly(hostileReviews(), metamortem.Catalog{}, QuarterlyOptions{Title: hostileTitle, From: from, To: to, Names: true})
}

func TestWriteHTMLEscapesReviewText(t *testing.T) {
	q := hostileQuarterly()
	// The hostile strings reach every section that shows text, or the test proves nothing.
	if len(q.Finalise.Items) == 0 || len(q.Themes.Largest) == 0 || len(q.Knowledge.Areas) == 0 || len(q.Ownership.Rows) == 0 {
		t.Fatalf("hostile reviews give finalise %d, themes %d, knowledge %d, ownership %d rows; want some of each",
			len(q.Finalise.Items), len(q.Themes.Largest), len(q.Knowledge.Areas), len(q.Ownership.Rows))
	}
	if got := q.Knowledge.Areas[0].Top; got != hostilePerson {
		t.Fatalf("hostile knowledge top = %q; want %q", got, hostilePerson)
	}
	out := render(t, q, Options{stubECharts: true})
	for _, raw := range []string{hostileTitle, hostileScript, hostilePerson, "<svg", `<script>alert`, "<b "} {
		if strings.Contains(out, raw) {
			t.Errorf("WriteHTML output contains %q unescaped", raw)
		}
	}
	for _, shown := range []string{"&lt;img src=x onerror=alert(1)&gt;", "&lt;b onmouseover=alert(1)&gt;Mallory&lt;/b&gt;",
		"Raise the connection pool &lt;img src=x onerror=alert(1)&gt;", "connection pool exhausted &lt;img"} {
		if !strings.Contains(out, shown) {
			t.Errorf("WriteHTML output does not show %q as text", shown)
		}
	}
	// Only our own four script elements.
	if n := strings.Count(out, "<script"); n != 4 {
		t.Errorf("WriteHTML output has %d <script elements; want 4", n)
	}
	// go-echarts' own renderer strips the quotes around __f__…__f__ and so turns it into code.
	// Here it must stay a quoted JSON string everywhere it occurs.
	if strings.Count(out, hostileFuncInner) != strings.Count(out, hostileFunction) {
		t.Errorf("WriteHTML output has %q without its __f__ markers", hostileFuncInner)
	}
	for _, bad := range []string{`:` + hostileFuncInner, `:__f__`, `[` + hostileFuncInner, `,` + hostileFuncInner} {
		if strings.Contains(out, bad) {
			t.Errorf("WriteHTML output contains %q, a function outside a string", bad)
		}
	}

	// The chart data is JSON that decodes back to the names exactly as written.
	m := regexp.MustCompile(`(?s)<script type="application/json" id="chart-options">(.*?)</script>`).FindStringSubmatch(out)
	if m == nil {
		t.Fatal("WriteHTML output has no chart-options data")
	}
	var specs []struct {
		ID     string         `json:"id"`
		Option map[string]any `json:"option"`
	}
	if err := json.Unmarshal([]byte(m[1]), &specs); err != nil {
		t.Fatalf("chart-options is not JSON: %v", err)
	}
	var names []any
	for _, s := range specs {
		if s.ID == "chart-ownership" {
			names = s.Option["yAxis"].([]any)[0].(map[string]any)["data"].([]any)
		}
	}
	// Most incidents first: X-4 names only the second.
	want := []any{hostileFunction, hostileScript}
	if len(names) != 2 || names[0] != want[0] || names[1] != want[1] {
		t.Errorf("ownership chart labels = %q; want %q", names, want)
	}
}

func TestWriteHTMLEmpty(t *testing.T) {
	out := render(t, NewQuarterly(nil, metamortem.Catalog{}, QuarterlyOptions{}), Options{stubECharts: true})
	for _, want := range []string{
		`data-charts-expected="0"`,
		`<script type="application/json" id="chart-options">[]</script>`,
		"No review started in 1970Q1, against 0 in 1969Q4.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("WriteHTML(no reviews) lacks %q", want)
		}
	}
}
