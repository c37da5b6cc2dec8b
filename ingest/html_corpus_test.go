package ingest

import (
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// htmlCorpusFloors are the shares of reviews (in percent) that must have each field. The
// corpus holds no HTML review pages; its HTML is the update log of each AWS status event in
// cloud-status-history-raw (the "description" field of app/public/data.json). Each event is
// read as the page a status feed importer would make of it: its summary as title, its date, and
// its description under a Timeline heading. Those events name no people, causes or actions.
var htmlCorpusFloors = struct {
	title, start, timed int
}{title: 100, start: 95, timed: 95}

var reLeftoverMarkup = regexp.MustCompile(`<[a-zA-Z/][^>]*>|&(?:[a-zA-Z]+|#\d+);`)

// TestHTMLCorpus checks the HTML importer against the shared corpus (METAMORTEM_CORPUS): no
// corpus document is sniffed as HTML (none is), and the HTML update logs of AWS status events
// flatten to text and read, through Detect, as reviews with timelines. It logs the coverage as
// a Markdown table and holds it to htmlCorpusFloors.
func TestHTMLCorpus(t *testing.T) {
	root := corpusRoot(t)

	files := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files++
		if sniffHTML(data) {
			t.Errorf("%s: sniffed as HTML; the corpus holds no HTML page", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	const src = "cloud-status-history-raw/app/public/data.json"
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(src)))
	if err != nil {
		t.Fatal(err)
	}
	var feed struct {
		Archive []struct {
			Summary     string `json:"summary"`
			Date        string `json:"date"`
			Description string `json:"description"`
		} `json:"archive"`
	}
	if err := json.Unmarshal(data, &feed); err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	var cov Coverage
	events, timed := 0, 0
	for i, ev := range feed.Archive {
		if text := htmlToText(ev.Description); text == "" || reLeftoverMarkup.MatchString(text) {
			t.Errorf("%s: event %d: htmlToText left %q", src, i, text)
		}
		page := eventPage(ev.Summary, ev.Date, ev.Description)
		name := fmt.Sprintf("aws-event-%d.html", i)
		f, ok := Detect(name, []byte(page))
		if !ok || f.Name != "html" {
			t.Errorf("%s: event %d: detected as %q; want html", src, i, f.Name)
			continue
		}
		reviews, err := parseNoPanic(t, f, NewDocument(name, name, []byte(page)))
		if err != nil || len(reviews) != 1 {
			t.Errorf("%s: event %d: %d reviews, %v; want 1", src, i, len(reviews), err)
			continue
		}
		r := reviews[0]
		cov.Add(r)
		for _, e := range r.Timeline {
			events++
			if e.At != nil {
				timed++
			}
			if reLeftoverMarkup.MatchString(e.Text) {
				t.Errorf("%s: event %d: timeline text %q holds markup", src, i, e.Text)
			}
		}
	}
	t.Logf("HTML coverage of the shared corpus (%d files sniffed, none HTML; share of reviews with each field):\n\n"+
		"| source | documents | reviews | title | start | components | people | factors | actions | timeline events | timed |\n"+
		"|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"+
		"| %s (AWS event descriptions) | %d | %d | %d%% | %d%% | %d%% | %d%% | %d%% | %d%% | %d | %d%% |\n",
		files, src, len(feed.Archive), cov.Reviews, pct(cov.Title, cov.Reviews), pct(cov.Started, cov.Reviews),
		pct(cov.Components, cov.Reviews), pct(cov.People, cov.Reviews), pct(cov.Factors, cov.Reviews),
		pct(cov.Actions, cov.Reviews), events, pct(timed, events))
	for _, c := range []struct {
		name       string
		got, floor int
	}{
		{"title", pct(cov.Title, cov.Reviews), htmlCorpusFloors.title},
		{"start", pct(cov.Started, cov.Reviews), htmlCorpusFloors.start},
		{"timed timeline events", pct(timed, events), htmlCorpusFloors.timed},
	} {
		if c.got < c.floor {
			t.Errorf("%s: %s coverage %d%%; want at least %d%%", src, c.name, c.got, c.floor)
		}
	}
}

// eventPage wraps a status event's HTML update log in a page: its summary as title, its date
// (epoch seconds, written as the Pacific date the updates' times are given in) and the log
// under a Timeline heading.
func eventPage(summary, epoch, description string) string {
	date := ""
	if sec, err := strconv.ParseInt(epoch, 10, 64); err == nil {
		date = time.Unix(sec, 0).In(time.FixedZone("PST", -8*3600)).Format("2006-01-02")
	}
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head><title>" + html.EscapeString(summary) + "</title></head><body>")
	if date != "" {
		b.WriteString("<p><b>Date:</b> " + date + "</p>")
	}
	b.WriteString("<h2>Timeline</h2>" + description + "</body></html>")
	return b.String()
}
