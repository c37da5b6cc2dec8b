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

// sampleReviews is a small hand-built corpus: three quarters with an empty one between, mixed
// severity spellings, one review with no end time, one that ends before it starts, one with
// no start time and one outside the range.
func sampleReviews() []metamortem.Review {
	src := func(p string) metamortem.Source { return metamortem.Source{Path: p, Format: "markdown"} }
	return []metamortem.Review{
		{ID: "INC-101", Title: "Checkout latency after cache eviction storm", Severity: "SEV2",
			StartedAt: ts("2025-10-03T08:10:00Z"), MitigatedAt: ts("2025-10-03T08:52:00Z"), ResolvedAt: ts("2025-10-03T11:00:00Z"),
			Components: []string{"checkout", "redis"}, Source: src("reviews/2025/inc-101.md")},
		{ID: "INC-102", Title: "Payments declined by expired certificate", Severity: "sev1",
			StartedAt: ts("2025-11-14T22:00:00Z"), MitigatedAt: ts("2025-11-15T04:06:00Z"),
			Components: []string{"payments", "tls"}, Source: src("reviews/2025/inc-102.md")},
		{ID: "INC-103", Title: "Search index lagging", Severity: "Sev 3",
			StartedAt: ts("2025-12-01T13:00:00Z"), ResolvedAt: ts("2025-12-03T09:00:00Z"),
			Components: []string{"search"}, Source: src("reviews/2025/inc-103.md")},
		{ID: "INC-201", Title: "Checkout errors during deploy", Severity: "SEV2",
			StartedAt: ts("2026-04-07T15:30:00Z"), MitigatedAt: ts("2026-04-07T15:41:00Z"),
			Components: []string{"checkout", "deploys"}, Source: src("reviews/2026/inc-201.md")},
		{ID: "INC-202", Title: "Queue backlog with no end time written", Severity: "",
			StartedAt:  ts("2026-05-20T02:00:00Z"),
			Components: []string{"queue", "checkout"}, Source: src("reviews/2026/inc-202.md")},
		{ID: "INC-203", Title: "Clock skew: mitigated before it started", Severity: "SEV3",
			StartedAt: ts("2026-06-02T10:00:00Z"), MitigatedAt: ts("2026-06-02T09:00:00Z"),
			Components: []string{"redis"}, Source: src("reviews/2026/inc-203.md")},
		{ID: "DRILL-7", Title: "Region failover drill", Kind: metamortem.KindDrill, Severity: "SEV2",
			StartedAt: ts("2026-06-20T09:00:00Z"), MitigatedAt: ts("2026-06-20T10:30:00Z"),
			Components: []string{"checkout", "payments"}, Source: src("reviews/2026/drill-7.md")},
		{ID: "INC-099", Title: "Old incident outside the range", Severity: "SEV1",
			StartedAt: ts("2025-06-01T00:00:00Z"), MitigatedAt: ts("2025-06-01T01:00:00Z"), Source: src("reviews/2025/inc-099.md")},
		{ID: "INC-150", Title: "Undated outage", Severity: "SEV2",
			Components: []string{"search"}, Source: src("reviews/undated/inc-150.md")},
	}
}

func sampleOverview() analysis.Overview {
	from, _ := analysis.Quarter{Year: 2025, Q: 4}.Range()
	_, to := analysis.Quarter{Year: 2026, Q: 2}.Range()
	return analysis.NewOverview(sampleReviews(), from, to)
}

func render(t *testing.T, o analysis.Overview, opt Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteHTML(&buf, o, opt); err != nil {
		t.Fatalf("WriteHTML: %v", err)
	}
	return buf.String()
}

func TestWriteHTMLGolden(t *testing.T) {
	got := render(t, sampleOverview(), Options{stubECharts: true})
	golden := filepath.Join("testdata", "report.golden.html")
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
		t.Errorf("WriteHTML output differs from %s; if the change is intended, run go test ./reports -run Golden -update and review the diff", golden)
	}
}

func TestWriteHTMLDeterministic(t *testing.T) {
	first := render(t, sampleOverview(), Options{})
	for range 3 {
		if again := render(t, sampleOverview(), Options{}); again != first {
			t.Fatal("WriteHTML gave different output for the same overview")
		}
	}
}

func TestWriteHTMLEmbedsECharts(t *testing.T) {
	out := render(t, sampleOverview(), Options{})
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
	out := render(t, sampleOverview(), Options{stubECharts: true})
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
)

func hostileReviews() []metamortem.Review {
	return []metamortem.Review{
		{ID: "X-1", Title: hostileTitle, Severity: hostileScript, StartedAt: ts("2026-01-05T10:00:00Z"), MitigatedAt: ts("2026-01-05T11:00:00Z"),
			Components: []string{hostileScript, hostileFunction}, Source: metamortem.Source{Path: `"><svg onload=alert(1)>.md`}},
		{ID: "X-2", Title: "plain", StartedAt: ts("2026-02-05T10:00:00Z"), Components: []string{hostileFunction}},
		{ID: hostileTitle, Title: hostileScript},
	}
}

func TestWriteHTMLEscapesReviewText(t *testing.T) {
	o := analysis.NewOverview(hostileReviews(), time.Time{}, time.Time{})
	out := render(t, o, Options{stubECharts: true, Title: hostileTitle})

	for _, raw := range []string{hostileTitle, hostileScript, "<svg", `<script>alert`} {
		if strings.Contains(out, raw) {
			t.Errorf("WriteHTML output contains %q unescaped", raw)
		}
	}
	if !strings.Contains(out, "&lt;img src=x onerror=alert(1)&gt;") {
		t.Errorf("WriteHTML output does not show the title %q as text", hostileTitle)
	}
	// Only our own four script elements, and one img tag nowhere.
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
		if s.ID == "chart-components" {
			names = s.Option["yAxis"].([]any)[0].(map[string]any)["data"].([]any)
		}
	}
	want := []any{hostileFunction, hostileScript}
	if len(names) != 2 || names[0] != want[0] || names[1] != want[1] {
		t.Errorf("components chart labels = %q; want %q", names, want)
	}
}
