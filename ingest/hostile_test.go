package ingest

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"
)

const hostileReview = `---
id: %s
title: Checkout errors after a config push
started_at: 2025-03-04T10:00:00Z
---

# Checkout errors after a config push

## Contributing Factors

- The config change skipped the canary stage.

## Action Items

- [ ] Require a canary for config pushes (@mlopez) CHK-12
`

func review(id string) string { return strings.Replace(hostileReview, "%s", id, 1) }

func utf16LE(s string) []byte {
	var buf bytes.Buffer
	buf.Write([]byte{0xFF, 0xFE})
	for _, u := range utf16.Encode([]rune(s)) {
		binary.Write(&buf, binary.LittleEndian, u)
	}
	return buf.Bytes()
}

// hostileFiles writes the hostile set beside good files: the name says what each one is.
func hostileFiles(t *testing.T, dir string) {
	t.Helper()
	files := map[string][]byte{
		"good.md":            []byte(review("H-GOOD")),
		"good-crlf.md":       []byte(strings.ReplaceAll(review("H-CRLF"), "\n", "\r\n")),
		"good-utf16.md":      utf16LE(review("H-UTF16")),
		"good-bom.csv":       []byte("\xef\xbb\xbfid,title,date,severity,root cause\nH-CSV,Search down,2025-01-02,SEV2,disk full\n"),
		"invalid-utf8.md":    []byte(strings.Replace(review("H-BADUTF8"), "Checkout errors", "Tomás saw \xff\xfe errors", 2)),
		"latin1.md":          []byte(strings.Replace(review("H-LATIN1"), "Checkout errors", "Caf\xe9 checkout errors", 2)),
		"binary.bin":         append([]byte("\x7fELF\x00\x00"), bytes.Repeat([]byte{0, 1, 2, 3}, 1000)...),
		"empty.md":           nil,
		"deep.html":          []byte("<html><body><h1>Deep</h1>" + strings.Repeat("<div>", 100000) + "x" + strings.Repeat("</div>", 100000) + "</body></html>"),
		"deep-list.md":       []byte(review("H-DEEPLIST") + "\n## Timeline\n\n" + deepList(3000)),
		"bad-yaml.md":        []byte("---\nid: H-YAML\ntitle: [unclosed\n---\n\n# Broken front matter\n"),
		"ragged.csv":         []byte("id,title,date,severity,root cause\nH-R1,One,2025-01-02,SEV2,disk full\nH-R2,Two,2025-01-03,SEV2,dns,x,y,z\n"),
		"wrong-types.json":   []byte(`{"page":{"id":"p"},"incidents":[{"id":5,"name":["not","a","string"],"created_at":true,"incident_updates":"none"}]}`),
		"duplicate-a.md":     []byte(review("H-DUP")),
		"duplicate-b.md":     []byte(review("H-DUP")),
		"impossible-date.md": []byte(strings.Replace(review("H-DATE"), "2025-03-04T10:00:00Z", "2025-02-30T10:00:00Z", 1)),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A 200 MB file, sparse on disk: refused by size before it is read.
	f, err := os.Create(filepath.Join(dir, "huge.md"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(200 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func deepList(depth int) string {
	var b strings.Builder
	for i := range depth {
		b.WriteString(strings.Repeat("  ", i))
		b.WriteString("- 10:00 UTC nested entry\n")
	}
	return b.String()
}

// TestHostileInput ingests the hostile set beside good files: every good file goes in, every
// bad one is listed with its reason, and what went in is readable and consistent.
func TestHostileInput(t *testing.T) {
	dir := t.TempDir()
	hostileFiles(t, dir)
	db := openStore(t)
	sum, err := Run(context.Background(), db, []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	outcome := map[string]string{}
	for _, f := range sum.Skipped {
		outcome[filepath.Base(f.Path)] = "skipped: " + f.Reason
	}
	for _, f := range sum.Failed {
		outcome[filepath.Base(f.Path)] = fmt.Sprintf("failed:%d: %s", f.Line, f.Reason)
	}
	for _, f := range sum.Warnings {
		outcome[filepath.Base(f.Path)] += fmt.Sprintf("warning:%d: %s", f.Line, f.Reason)
	}
	want := map[string]string{
		"binary.bin":         "skipped: binary file",
		"deep.html":          "skipped: no review content",
		"empty.md":           "skipped: empty file",
		"bad-yaml.md":        "failed:2: front matter: did not find",
		"duplicate-b.md":     `failed:0: review id "H-DUP" is already used by`,
		"huge.md":            "failed:0: file is 200 MiB, over the 64 MiB limit",
		"wrong-types.json":   "failed:0: incidents[0]: want text, got a list",
		"ragged.csv":         "warning:3: 8 cells, but the header has 5 columns",
		"impossible-date.md": `warning:4: front matter started_at "2025-02-30T10:00:00Z" is not a time that exists`,
		"invalid-utf8.md":    "warning:3: bytes that are not UTF-8 were replaced",
	}
	for name, prefix := range want {
		if got := outcome[name]; !strings.HasPrefix(got, prefix) {
			t.Errorf("%s: %q; want %q…", name, got, prefix)
		}
	}
	if len(outcome) != len(want) {
		t.Errorf("outcomes %v; want exactly the files %v", outcome, want)
	}

	reviews, err := db.Reviews(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]string{}
	for _, r := range reviews {
		titles[r.ID] = r.Title
	}
	wantTitles := map[string]string{
		"H-GOOD":     "Checkout errors after a config push",
		"H-CRLF":     "Checkout errors after a config push",
		"H-UTF16":    "Checkout errors after a config push",
		"H-DEEPLIST": "Checkout errors after a config push",
		"H-DUP":      "Checkout errors after a config push",
		"H-DATE":     "Checkout errors after a config push",
		"H-BADUTF8":  "Tomás saw \uFFFD errors after a config push",
		"H-LATIN1":   "Café checkout errors after a config push",
		"H-CSV":      "Search down",
		"H-R1":       "One",
	}
	if !reflect.DeepEqual(titles, wantTitles) {
		t.Errorf("stored reviews %v; want %v", titles, wantTitles)
	}
}
