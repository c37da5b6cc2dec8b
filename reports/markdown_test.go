package reports

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

func TestMd(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"<img src=x onerror=alert(1)>", `\<img src=x onerror=alert(1)\>`},
		{"a | b", `a \| b`},
		{"[link](javascript:x)", `\[link\](javascript:x)`},
		{"*bold* _it_ `code` ~s~", "\\*bold\\* \\_it\\_ \\`code\\` \\~s\\~"},
		{"line one\nline two\r\nthree", "line one line two three"},
		{`back\slash & #tag !img`, `back\\slash \& \#tag \!img`},
	}
	for _, tt := range tests {
		if got := md(tt.in); got != tt.want {
			t.Errorf("md(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func writeMarkdown(t *testing.T, q Quarterly) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteMarkdown(&buf, q); err != nil {
		t.Fatalf("WriteMarkdown: %v", err)
	}
	return buf.String()
}

func TestWriteMarkdownGolden(t *testing.T) {
	checkGolden(t, "report.golden.md", writeMarkdown(t, sampleQuarterly(QuarterlyOptions{})))
}

func TestWriteMarkdownEscapesReviewText(t *testing.T) {
	out := writeMarkdown(t, hostileQuarterly())
	// No review text may open a tag or a link; our own appendix anchors and the line breaks
	// between examples are the only HTML.
	// Code spans (the source paths) show their text as written.
	withoutAnchors := regexp.MustCompile("<a id=\"review-[A-Za-z0-9_-]+\"></a>|<br>|`[^`\n]*`").ReplaceAllString(out, "")
	if loc := regexp.MustCompile(`(^|[^\\])<`).FindStringIndex(withoutAnchors); loc != nil {
		t.Errorf("WriteMarkdown output has an unescaped < at %q", withoutAnchors[max(0, loc[0]-30):min(len(withoutAnchors), loc[1]+30)])
	}
	for _, want := range []string{`# \<img src=x onerror=alert(1)\>`, `\<b onmouseover=alert(1)\>Mallory\</b\>`,
		`Raise the connection pool \<img src=x onerror=alert(1)\>`} {
		if !strings.Contains(out, want) {
			t.Errorf("WriteMarkdown output lacks %q", want)
		}
	}
	// Every section is there, in order.
	last := -1
	for _, h := range []string{"## Summary", "## 1. ", "## 2. ", "## 3. ", "## 4. ", "## 5. ", "## 6. ", "## 7. ", "## 8. ", "## 9. "} {
		i := strings.Index(out, "\n"+h)
		if i <= last {
			t.Errorf("WriteMarkdown output has %q at %d, after %d; want every section in order", h, i, last)
		}
		last = i
	}
}

// TestWriteJSONKeys checks the keys the report command documents, and that lists are never
// null.
func TestWriteJSONKeys(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, sampleQuarterly(QuarterlyOptions{})); err != nil {
		t.Fatalf("WriteJSON: %v", err)
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("WriteJSON output is not JSON: %v", err)
	}
	want := map[string][]string{
		"":          {"title", "period", "span", "from", "to", "previous", "window", "names", "reviews", "undated", "glance", "classes", "themes", "finalise", "knowledge", "ownership", "actions", "quality", "appendix"},
		"glance":    {"sentence", "current", "previous", "reviews", "by_severity", "by_kind", "by_team", "durations"},
		"classes":   {"sentence", "quarters", "rows", "more"},
		"themes":    {"sentence", "statements", "themed", "quarters", "quarters_before", "largest", "growing"},
		"finalise":  {"sentence", "items"},
		"knowledge": {"sentence", "described", "islands", "quarters", "areas"},
		"ownership": {"sentence", "components", "problems", "rows"},
		"actions":   {"sentence", "as_of", "all", "by_team", "open_by_age", "no_owner", "no_due", "after_as_of"},
		"quality":   {"sentence", "reviews", "within_hours", "on_time", "late", "no_review_date", "no_resolution", "delay_hours", "depth", "blame_reviews", "blame"},
		"appendix":  {"sentence", "reviews", "cited"},
	}
	for section, keys := range want {
		obj := doc
		if section != "" {
			obj = doc[section].(map[string]any)
		}
		for _, k := range keys {
			if _, ok := obj[k]; !ok {
				t.Errorf("WriteJSON: %q has no key %q", section, k)
			}
		}
		if len(obj) != len(keys) {
			t.Errorf("WriteJSON: %q has %d keys; want the %d documented", section, len(obj), len(keys))
		}
	}
	item := doc["finalise"].(map[string]any)["items"].([]any)[0].(map[string]any)
	for _, k := range []string{"id", "kind", "label", "incidents", "incidents_in_range", "components", "teams", "reasons", "also", "evidence", "local_fixes"} {
		if _, ok := item[k]; !ok {
			t.Errorf("WriteJSON: finalise item has no key %q", k)
		}
	}
	// A null may stand only for an unknown value, never for an empty list.
	for _, m := range regexp.MustCompile(`"([a-z_0-9]+)": null`).FindAllStringSubmatch(buf.String(), -1) {
		switch m[1] {
		case "started", "recovery_minutes", "completion_rate", "owner_share", "local_fixes", "share":
		default:
			t.Errorf("WriteJSON: key %q is null", m[1])
		}
	}
}
