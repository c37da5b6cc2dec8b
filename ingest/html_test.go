package ingest

import (
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/metamortem/metamortem"
)

// The pages under testdata/html are written for these tests in the markup Confluence and
// Google Docs exports use; they quote no real review.

func TestParseHTMLExports(t *testing.T) {
	type action struct{ text, owner, status, ticket, due string }
	tests := []struct {
		file                        string
		id, title, severity         string
		started, detected, resolved string
		components                  []string
		people                      []string // "name/role"
		factors                     []string
		actions                     []action
		events                      int
		firstEvent, firstActor      string
		sections                    []string
	}{
		{
			file: "confluence-export.html", id: "html-confluence-export",
			title: "PIR-2024-031 Checkout API outage", severity: "SEV2",
			started: "2024-03-12T14:05:00Z", detected: "2024-03-12T14:12:00Z", resolved: "2024-03-12T15:20:00Z",
			components: []string{"checkout-api", "payments-gateway"},
			people: []string{"Maria Lopez/author", "Peter Jones/lead", "Maria Lopez/attendee", "Sam Chen/attendee",
				"Maria Lopez/owner", "Peter Jones/owner", "Sam Chen/owner", "Sam Chen/responder", "Peter Jones/responder"},
			factors: []string{
				"The pool size was lowered from 50 to 10 without a load test.",
				"The canary stage only receives internal traffic, so it did not show the saturation.",
			},
			actions: []action{
				{"Send canary a share of customer traffic", "Maria Lopez", "open", "CHK-103", ""},
				{"Roll back the pool size change", "Peter Jones", "done", "CHK-101", ""},
				{"Add a load test stage for connection pool settings", "Sam Chen", "open", "CHK-102", "2024-04-30T00:00:00Z"},
			},
			events:     4,
			firstEvent: "Deploy of checkout-api 4.18 with a smaller database connection pool", firstActor: "Sam Chen",
			sections: []string{"actions", "attendees", "factors", "impact", "pir_2024_031_checkout_api_outage", "summary", "timeline"},
		},
		{
			file: "gdocs-export.html", id: "html-gdocs-export",
			title: "Postmortem: Search index lag on 2023-11-08", severity: "SEV2",
			started: "2023-11-08T09:10:00Z", detected: "2023-11-08T10:45:00Z", resolved: "2023-11-08T12:00:00Z",
			components: []string{"search-indexer", "catalog-api"},
			people:     []string{"Ana Souza/lead", "Ravi Patel/author", "Ana Souza/author", "Ravi Patel/owner", "Ana Souza/owner"},
			factors: []string{
				"A client library upgrade changed the default session timeout",
				"The new default was shorter than a full index batch",
				"Consumer lag had no alert",
			},
			actions: []action{
				{"Alert when consumer lag exceeds 10 minutes", "Ravi Patel", "done", "SRCH-77", ""},
				{"Pin the session timeout in the indexer config", "Ana Souza", "open", "SRCH-78", ""},
			},
			events:     4,
			firstEvent: "Indexer consumer group rebalances and stalls",
			sections:   []string{"actions", "factors", "impact", "lessons", "postmortem_search_index_lag_on_2023_11_08", "summary", "timeline"},
		},
	}
	for _, tt := range tests {
		path := filepath.Join("testdata", "html", tt.file)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, ok := Detect(path, data)
		if !ok || f.Name != "html" {
			t.Errorf("Detect(%q) = %q, %v; want html", tt.file, f.Name, ok)
			continue
		}
		res, err := f.Parse(NewDocument(path, "html/"+tt.file, data))
		if err != nil || len(res.Reviews) != 1 {
			t.Errorf("Parse(%q) = %d reviews, %v; want 1 review", tt.file, len(res.Reviews), err)
			continue
		}
		r := res.Reviews[0]
		for _, c := range []struct{ field, got, want string }{
			{"ID", r.ID, tt.id}, {"Title", r.Title, tt.title}, {"Severity", r.Severity, tt.severity},
			{"Source.Format", r.Source.Format, "html"}, {"Source.Path", r.Source.Path, path},
		} {
			if c.got != c.want {
				t.Errorf("Parse(%q).%s = %q; want %q", tt.file, c.field, c.got, c.want)
			}
		}
		checkTimes(t, tt.file, r, tt.started, tt.detected, "", tt.resolved, "")
		if !reflect.DeepEqual(r.Components, tt.components) {
			t.Errorf("Parse(%q).Components = %q; want %q", tt.file, r.Components, tt.components)
		}
		var ppl []string
		for _, p := range r.People {
			ppl = append(ppl, p.Name+"/"+string(p.Role))
		}
		if !reflect.DeepEqual(ppl, tt.people) {
			t.Errorf("Parse(%q).People = %q; want %q", tt.file, ppl, tt.people)
		}
		var factors []string
		for _, f := range r.Factors {
			factors = append(factors, f.Text)
		}
		if !reflect.DeepEqual(factors, tt.factors) {
			t.Errorf("Parse(%q).Factors = %q; want %q", tt.file, factors, tt.factors)
		}
		var actions []action
		for _, a := range r.Actions {
			actions = append(actions, action{a.Text, a.Owner, string(a.Status), a.Ticket, fmtTime(a.Due)})
		}
		for i := range tt.actions {
			if tt.actions[i].due == "" {
				tt.actions[i].due = "nil"
			}
		}
		if !reflect.DeepEqual(actions, tt.actions) {
			t.Errorf("Parse(%q).Actions = %+v; want %+v", tt.file, actions, tt.actions)
		}
		if len(r.Timeline) != tt.events {
			t.Errorf("Parse(%q).Timeline has %d events; want %d", tt.file, len(r.Timeline), tt.events)
		} else if e := r.Timeline[0]; e.Text != tt.firstEvent || e.Actor != tt.firstActor {
			t.Errorf("Parse(%q).Timeline[0] = %q by %q; want %q by %q", tt.file, e.Text, e.Actor, tt.firstEvent, tt.firstActor)
		}
		if names := slices.Sorted(maps.Keys(r.Sections)); !reflect.DeepEqual(names, tt.sections) {
			t.Errorf("Parse(%q).Sections has %q; want %q", tt.file, names, tt.sections)
		}
		for _, k := range []string{"summary", "timeline", "actions"} {
			if s := r.Sections[k]; strings.Contains(s, "Document generated by") || strings.Contains(s, "Do not read this") ||
				strings.Contains(s, "Should we say which topic") || strings.Contains(s, "[a]") {
				t.Errorf("Parse(%q).Sections[%q] = %q; want no chrome, scripts or comments", tt.file, k, s)
			}
		}
	}
}

func TestSniffHTML(t *testing.T) {
	tests := []struct {
		name, data string
		want       bool
	}{
		{"doctype", "<!DOCTYPE html>\n<html><body><p>x</p></body></html>", true},
		{"lower doctype after BOM", "\xef\xbb\xbf  \n<!doctype html><title>x</title>", true},
		{"html element", "<html lang=\"en\"><head></head><body>x</body></html>", true},
		{"word export", "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\">\n<body>x</body></html>", true},
		{"xhtml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"x\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>", true},
		{"comment first", "<!-- saved from url=(0014)about:internet -->\n<html><body>x</body></html>", true},
		{"body fragment", "<body>\n<h1>Outage</h1>\n<p>The API was down.</p>\n</body>", true},
		{"heading fragment", "<h1>Outage</h1><p>The API was down.</p>", true},
		{"div then heading", "<div class=\"page\">\n<h2>Summary</h2>\n<p>x</p></div>", true},
		{"svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>x</text></svg>", false},
		{"svg doctype", "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x\">\n<svg></svg>", false},
		{"xml", "<?xml version=\"1.0\"?>\n<incidents><incident id=\"1\"/></incidents>", false},
		{"markdown with html banner", "<div align=\"center\"><h1>Outage</h1></div>\n\n## Summary\n\nThe API was down.\n", false},
		{"markdown with bold", "<p align=\"center\"><h1>Outage</h1></p>\n\n**Severity:** SEV1\n", false},
		{"markdown with table", "<h1>Outage</h1>\n\n| Time | Event |\n|---|---|\n| 10:00 | x |\n", false},
		{"markdown", "# Outage\n\n<b>The API</b> was down.\n", false},
		{"paragraph without heading", "<p>Just a paragraph of text.</p>", false},
		{"json", `{"description": "<div><h1>x</h1></div>"}`, false},
		{"jsonl", "{\"id\":\"a\",\"kind\":\"incident\",\"factors\":[],\"actions\":[],\"sections\":{},\"source\":{}}\n", false},
		{"csv", "component,team\napi,<b>core</b>\n", false},
		{"empty", "", false},
		{"binary", "<html>\x00\x00\x00", false},
	}
	for _, tt := range tests {
		if got := sniffHTML([]byte(tt.data)); got != tt.want {
			t.Errorf("sniffHTML(%s: %q) = %v; want %v", tt.name, tt.data, got, tt.want)
		}
	}
}

func TestDetectHTML(t *testing.T) {
	tests := []struct {
		path, data, want string
	}{
		{"review.html", "<!DOCTYPE html><html><body><h1>Outage</h1></body></html>", "html"},
		{"export-123456", "<!DOCTYPE html><html><body><h1>Outage</h1></body></html>", "html"},
		{"review.htm", "<h1>Outage</h1>\n<p>The database went down for an hour.</p>", "html"},
		{"review.md", "<div align=\"center\"><img src=\"logo.png\"></div>\n\n# Outage\n\nThe database went down.\n", "markdown"},
	}
	for _, tt := range tests {
		f, ok := Detect(tt.path, []byte(tt.data))
		if !ok || f.Name != tt.want {
			t.Errorf("Detect(%q) = %q, %v; want %q", tt.path, f.Name, ok, tt.want)
		}
	}
}

func TestHTMLToText(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{`<div><span class="yellowfg">10:05 AM PDT</span>&nbsp;We are investigating increased error rates.</div>` +
			`<div><span class="yellowfg"> 11:40 AM PDT</span>&nbsp;The issue has been resolved.</div>`,
			"10:05 AM PDT We are investigating increased error rates.\n11:40 AM PDT The issue has been resolved."},
		{"Fish &amp; chips &lt;b&gt; &eacute;t&eacute;", "Fish & chips <b> été"},
		{"plain   text\n with  spaces", "plain text with spaces"},
		{"", ""},
		{"<p>First line<br>second line</p><p>Next <b>bold</b> <a href=\"https://x.example/1\">link</a></p>",
			"First line\nsecond line\nNext bold link"},
		{"<script>alert('x')</script><style>p{color:red}</style><!-- note --><p>kept</p>", "kept"},
		{"<ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul>", "- one\n- two\n  - nested"},
		{"<table><tr><th>Time</th><th>Event</th></tr><tr><td>10:00</td><td>Paged</td></tr></table>", "Time | Event\n10:00 | Paged"},
		{"<div>unclosed <span>tags", "unclosed tags"},
		{"<h2>Update</h2><p>x</p>", "Update\nx"},
	}
	for _, tt := range tests {
		if got := htmlToText(tt.in); got != tt.want {
			t.Errorf("htmlToText(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestHTMLToMarkdown(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"headings and paragraphs", "<h1>Outage</h1><p>The <strong>API</strong> was down.</p><h3>Details</h3><div>More</div>",
			"# Outage\n\nThe **API** was down.\n\n### Details\n\nMore"},
		{"bold spans merge", `<p><b>Root</b> <b>cause:</b> disk full</p>`, "**Root cause:** disk full"},
		{"bold keeps spaces outside", `<p><span style="font-weight:700">Severity: </span>SEV1</p>`, "**Severity:** SEV1"},
		{"docs clipboard wrapper is not bold", `<b style="font-weight:normal" id="docs-internal-guid-1"><p>plain</p></b>`, "plain"},
		{"nested lists", "<ul><li>one<ul><li>one.a</li></ul></li><li>two</li></ul><ol start=\"3\"><li>three</li></ol>",
			"- one\n  - one.a\n- two\n3. three"},
		{"checkboxes", `<ul><li><input type="checkbox" checked> done</li><li><input type="checkbox"> open</li></ul>`,
			"- [x] done\n- [ ] open"},
		{"confluence task list", `<ul class="inline-task-list"><li data-inline-task-id="1" class="checked">a</li><li data-inline-task-id="2">b <a class="user-mention" href="/x">Kim Lee</a></li></ul>`,
			"- [x] a\n- [ ] b (owner: Kim Lee)"},
		{"ballot glyphs", "<ul><li>☒ shipped</li><li>☐ pending</li></ul>", "- [x] shipped\n- [ ] pending"},
		{"links", `<p><a href="https://status.example.com/x">status page</a>, <a href="https://jira.example.com/browse/OPS-1">OPS-1</a>, <a href="#top">top</a></p>`,
			"[status page](https://status.example.com/x), OPS-1, top"},
		{"google redirect", `<p><a href="https://www.google.com/url?q=https://wiki.example.com/runbook&amp;sa=D">runbook</a></p>`,
			"[runbook](https://wiki.example.com/runbook)"},
		{"table with header", "<table><tr><td>Time</td><td>Event</td></tr><tr><td>10:00</td><td>a | b</td></tr></table>",
			"| Time | Event |\n|---|---|\n| 10:00 | a \\| b |"},
		{"key-value table", "<table><tr><th>Severity</th><td>SEV1</td></tr><tr><th>Owner</th><td>Kim</td></tr></table>",
			"|  |  |\n|---|---|\n| Severity | SEV1 |\n| Owner | Kim |"},
		{"key-value table without th", "<table><tr><td>Severity</td><td>SEV1</td></tr><tr><td>Service</td><td>api</td></tr></table>",
			"|  |  |\n|---|---|\n| Severity | SEV1 |\n| Service | api |"},
		{"cell with list", "<table><tr><th>Action</th><th>Notes</th></tr><tr><td>Fix</td><td><ul><li>a</li><li>b</li></ul></td></tr></table>",
			"| Action | Notes |\n|---|---|\n| Fix | a; b |"},
		{"layout table", "<table><tr><td><h2>Summary</h2><p>Down.</p></td></tr></table>", "## Summary\n\nDown."},
		{"pre", "<p>Log:</p><pre>line 1\n  line 2</pre>", "Log:\n\n```\nline 1\n  line 2\n```"},
		{"time element", `<p>Date: <time datetime="2024-03-12">12 Mar 2024</time></p>`, "Date: 2024-03-12"},
		{"definition list", "<dl><dt>Severity</dt><dd>SEV1</dd></dl>", "**Severity:** SEV1"},
		{"escapes", "<p># not a heading</p><p>a &lt;b&gt; tag &amp;amp;</p>", "\\# not a heading\n\na &lt;b> tag &amp;amp;"},
		{"hidden and chrome", `<nav>menu</nav><div style="display:none">secret</div><p>shown</p><footer>foot</footer>`, "shown"},
		{"code", "<p>Run <code>kubectl *get*</code> now</p>", "Run `kubectl *get*` now"},
	}
	for _, tt := range tests {
		if got := htmlToMarkdown(tt.in); got != tt.want {
			t.Errorf("htmlToMarkdown(%s: %q) = %q; want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestPageMarkdown(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"title tag when no h1", "<html><head><title>DB outage</title></head><body><h2>Summary</h2><p>x</p></body></html>",
			"# DB outage\n\n## Summary\n\nx"},
		{"h1 wins over title tag", "<html><head><title>File name</title></head><body><h1>DB outage</h1><p>x</p></body></html>",
			"# DB outage\n\nx"},
		{"section h1 is no title", "<html><head><title>DB outage</title></head><body><h1>Summary</h1><p>x</p></body></html>",
			"# DB outage\n\n# Summary\n\nx"},
		{"docs classes", `<html><head><style>.c1{font-weight:700}.c2{font-weight:400}</style></head><body><p class="c2 title"><span class="c1">DB outage</span></p>` +
			`<p><span class="c1">Severity:</span><span class="c2"> SEV1</span></p>` +
			`<ul class="lst-kix_x-0"><li>a</li></ul><ul class="lst-kix_x-1"><li>b</li></ul><p>after</p></body></html>`,
			"# DB outage\n\n**Severity:** SEV1\n\n- a\n  - b\n\nafter"},
		{"confluence chrome", `<html><head><title>Ops : DB outage</title></head><body><div id="main-header"><div id="breadcrumb-section">Ops</div>` +
			`<h1 id="title-heading"><span id="title-text">Ops : DB outage</span></h1></div><div class="page-metadata">Created by <span class="author">Kim Lee</span></div>` +
			`<div id="main-content" class="wiki-content"><p>x</p></div><div id="footer">Document generated by Confluence</div></body></html>`,
			"# DB outage\n\n**Author:** Kim Lee\n\nx"},
		{"docs comments dropped", `<html><body><p>text<sup><a href="#cmnt1" id="cmnt_ref1">[a]</a></sup></p><div><p><a href="#cmnt_ref1" id="cmnt1">[a]</a>a comment</p></div></body></html>`,
			"text"},
	}
	for _, tt := range tests {
		if got := pageMarkdown(parseHTMLTree([]byte(tt.in))); got != tt.want {
			t.Errorf("pageMarkdown(%s: %q) = %q; want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

// TestParseHTMLMalformed feeds broken and hostile pages: none may panic, and only pages
// without any text are refused.
func TestParseHTMLMalformed(t *testing.T) {
	deep := strings.Repeat("<div>", 100000) + "<script>secret()</script>deep text" + strings.Repeat("</div>", 100000)
	tests := []struct {
		name, in string
		wantErr  string // part of the error, "" for none
		wantText string // text the review must hold somewhere
	}{
		{"empty body", "<!DOCTYPE html><html><body></body></html>", "no text", ""},
		{"scripts only", "<html><body><script>var x = 'not text';</script></body></html>", "no text", ""},
		{"truncated", "<!DOCTYPE html><html><body><h1>Outage</h1><p>The API was do", "", "The API was do"},
		{"truncated tag", "<html><body><h1>Outage</h1><p class=\"x", "", ""},
		{"unclosed table", "<html><body><h1>Outage</h1><h2>Timeline</h2><table><tr><td>10:00<td>paged", "", "paged"},
		{"empty table", "<html><body><h1>Outage</h1><table></table><table><tr></tr></table><p>x</p></body></html>", "", "x"},
		{"misnested", "<html><body><h1>Outage</h1><p><b><i>one</b> two</i></p></body></html>", "", "one"},
		{"invalid dates", "<html><body><h1>Outage</h1><p>Date: <time datetime=\"2024-13-45\">soon</time></p><h2>Timeline</h2><ul><li>99:99 nothing</li></ul></body></html>", "", "nothing"},
		{"windows-1252", "<html><body><h1>Outage</h1><p>It\x92s down \x96 again</p></body></html>", "", "It’s down – again"},
		{"binary garbage", "<html>\xff\xfe\x00\x01<body>\x80\x81 text", "", "text"},
		{"deep nesting", "<html><body><h1>Outage</h1>" + deep + "</body></html>", "", "deep text"},
		{"deep lists", "<html><body><h1>Outage</h1>" + strings.Repeat("<ul><li>", 5000) + "item", "", "item"},
	}
	for _, tt := range tests {
		reviews, err := parseNoPanic(t, htmlFormat, NewDocument("/p/"+tt.name+".html", tt.name+".html", []byte(tt.in)))
		switch {
		case tt.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Parse(%s) error = %v; want one saying %q", tt.name, err, tt.wantErr)
			}
			continue
		case err != nil:
			t.Errorf("Parse(%s) error = %v; want none", tt.name, err)
			continue
		case len(reviews) != 1:
			t.Errorf("Parse(%s) = %d reviews; want 1", tt.name, len(reviews))
			continue
		}
		all := reviewText(reviews[0])
		if !strings.Contains(all, tt.wantText) {
			t.Errorf("Parse(%s) text = %q; want it to hold %q", tt.name, all, tt.wantText)
		}
		if strings.Contains(all, "secret()") || strings.Contains(all, "not text") {
			t.Errorf("Parse(%s) text = %q; want no script text", tt.name, all)
		}
		if r := reviews[0]; r.Source.Format != "html" || r.ID == "" {
			t.Errorf("Parse(%s) = ID %q, format %q; want an ID and format html", tt.name, r.ID, r.Source.Format)
		}
	}
}

// reviewText joins the title, sections and timeline of a review.
func reviewText(r metamortem.Review) string {
	parts := []string{r.Title}
	for _, s := range r.Sections {
		parts = append(parts, s)
	}
	for _, e := range r.Timeline {
		parts = append(parts, e.Text)
	}
	return strings.Join(parts, "\n")
}

// FuzzHTMLToMarkdown checks that no input makes the renderer panic; the seeds run as part of
// the ordinary tests.
func FuzzHTMLToMarkdown(f *testing.F) {
	for _, s := range []string{
		"<table><tr><td><table><tr><td>x</td></tr></table></td><td>y</td></tr></table>",
		"<ul><li><b><a href='https://x'>a</a></b><ol><li><input type=checkbox checked>",
		"<p><b> </b><b>x</b><span style='font-weight:bold'></span></p>",
		"<pre>```</pre><dt><dd><time datetime=''>",
		"<b><b><b>x</b></b></b>**",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		htmlToMarkdown(s)
		htmlToText(s)
		pageMarkdown(parseHTMLTree([]byte(s)))
	})
}
