package ingest

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"unicode/utf8"
)

// sniffLimit is how much of a document the Markdown sniff looks at.
const sniffLimit = 64 << 10

var (
	reSniffATX      = regexp.MustCompile(`^ {0,3}#{1,6}[ \t]+\S`)
	reSniffProse    = regexp.MustCompile(`[A-Za-z]{2,}[,.;:]?\s+[A-Za-z]{2,}[,.;:]?\s+[A-Za-z]{2,}`)
	reSniffMark     = regexp.MustCompile(`^\s*(?:[-*+]\s+\S|\d{1,3}[.)]\s+\S|>\s|\|.*\|)|\]\(|\*\*\S|__\S`)
	reFMKey         = regexp.MustCompile(`^[A-Za-z_][\w -]*:(?:\s|$)`)
	reIncidentWords = regexp.MustCompile(`(?i)\b(?:post-?mortems?|incidents?|outages?|root causes?|downtime|went down)\b`)
)

// sniffMarkdown recognises Markdown by content, for files whose extension says nothing: text (no
// NUL bytes, valid UTF-8 or nearly) with YAML front matter, or with headings (ATX or setext) over
// prose or other Markdown, or paragraphs of prose about an incident. JSON, CSV and HTML documents, scripts and comment-only files such as
// CODEOWNERS are not claimed.
func sniffMarkdown(data []byte) bool { return sniffMarkdownText(data, false) }

// sniffMarkdownProse is the check for files whose extension already says Markdown: a write-up
// of paragraphs without headings is accepted too when it reads like a review. Without the
// extension that rule would take any prose (licence texts, notes) for a review.
func sniffMarkdownProse(data []byte) bool { return sniffMarkdownText(data, true) }

func sniffMarkdownText(data []byte, proseOK bool) bool {
	data = trimBOM(data)
	if len(data) > sniffLimit {
		data = data[:sniffLimit]
		for len(data) > 0 && !utf8.Valid(data[len(data)-1:]) && data[len(data)-1]&0xC0 == 0x80 {
			data = data[:len(data)-1]
		}
	}
	if looksBinary(data) || !mostlyUTF8(data) {
		return false
	}
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 || bytes.HasPrefix(trimmed, []byte("#!")) || looksJSON(trimmed) || looksHTML(trimmed) || looksCSV(trimmed) {
		return false
	}
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	if hasFrontMatter(lines) {
		return true
	}
	headings, levels, prose, marks, other := 0, map[int]bool{}, 0, 0, 0
	fence := false
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = !fence
			marks++
			continue
		}
		if fence || t == "" {
			continue
		}
		if reSniffATX.MatchString(l) {
			// A run of "#" lines is a comment block in a script or config file, not headings.
			prevHash := i > 0 && strings.HasPrefix(strings.TrimSpace(lines[i-1]), "#")
			nextHash := i+1 < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i+1]), "#")
			if !prevHash && !nextHash || strings.HasPrefix(t, "##") {
				headings++
				levels[len(t)-len(strings.TrimLeft(t, "#"))] = true
			}
			continue
		}
		if strings.HasPrefix(t, "#") {
			other++
			continue
		}
		if i > 0 && reSetext.MatchString(l) && paragraphLine(lines[i-1]) && strings.TrimSpace(lines[i-1]) != "" {
			headings++
			levels[1] = true
			continue
		}
		switch {
		case reSniffMark.MatchString(l):
			marks++
		case reSniffProse.MatchString(t):
			prose++
		default:
			other++
		}
	}
	if headings == 0 {
		// A write-up of paragraphs without headings is still Markdown when it reads like a review.
		return proseOK && prose >= 3 && prose >= 2*(other+1) && reIncidentWords.Match(data)
	}
	if prose+marks == 0 {
		// Headings alone: an outline or an empty template.
		return headings >= 2 && other == 0
	}
	return prose+marks >= other || len(levels) >= 2 && prose+marks*2 >= other
}

// mostlyUTF8 reports whether at most 1% of the bytes are invalid UTF-8 or control characters.
func mostlyUTF8(data []byte) bool {
	total, bad := len(data), 0
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 || r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			bad++
		}
		data = data[max(size, 1):]
	}
	return bad*100 <= total
}

func looksJSON(t []byte) bool {
	if t[0] != '{' && t[0] != '[' {
		return false
	}
	line, _, _ := bytes.Cut(t, []byte("\n"))
	return json.Valid(t) || json.Valid(bytes.TrimSpace(line))
}

func looksHTML(t []byte) bool {
	head := strings.ToLower(string(t[:min(len(t), 512)]))
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") ||
		strings.HasPrefix(head, "<?xml") || strings.HasPrefix(head, "<head") || strings.HasPrefix(head, "<body")
}

// looksCSV reports a table of delimited values: the first lines (at least two) all have the
// same non-zero number of commas, semicolons or tabs, and the first is no heading.
func looksCSV(t []byte) bool {
	lines := strings.Split(string(t[:min(len(t), 4096)]), "\n")
	if len(lines) > 1 && len(t) > 4096 {
		lines = lines[:len(lines)-1]
	}
	if len(lines) < 2 || strings.HasPrefix(lines[0], "#") || strings.HasPrefix(lines[0], "|") {
		return false
	}
	lines = lines[:min(len(lines), 6)]
	for _, sep := range []string{",", ";", "\t"} {
		n := strings.Count(lines[0], sep)
		if n == 0 {
			continue
		}
		same := true
		for _, l := range lines[1:] {
			if strings.TrimSpace(l) != "" && strings.Count(l, sep) != n {
				same = false
				break
			}
		}
		if same {
			return true
		}
	}
	return false
}

// hasFrontMatter reports a "---" line, key: value lines and a closing "---" at the top.
func hasFrontMatter(lines []string) bool {
	if len(lines) < 3 || strings.TrimSpace(lines[0]) != "---" {
		return false
	}
	keys := 0
	for _, l := range lines[1:min(len(lines), 200)] {
		t := strings.TrimRight(l, " \t\r")
		if t == "---" || t == "..." {
			return keys > 0
		}
		if reFMKey.MatchString(t) {
			keys++
		}
	}
	return false
}
