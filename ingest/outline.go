package ingest

import (
	"regexp"
	"strings"
)

// A review's structure lives in its headings, which Markdown does not group into sections. The
// outline splits the body at headings (ATX "## x", setext "x\n---", and pseudo-headings such as a
// line that is only "**Root causes:**") into a tree of sections, leaving code blocks alone.

// srcLine is one line of the document with its 1-based line number in the file.
type srcLine struct {
	n       int
	text    string
	code    bool // inside a fenced code block or a multi-line HTML comment
	comment bool // inside a multi-line HTML comment
}

// section is a heading and the lines up to the next heading, with the sections nested in it.
type section struct {
	level    int    // 1-6 for headings, 0 for the document itself
	title    string // heading text without inline markup
	raw      string // heading text as written
	line     int
	kind     string // canonical kind from classifyHeading, or ""
	body     []srcLine
	children []*section
	parent   *section
	parsed   []block // body as blocks, filled by blocks on first use
	isParsed bool
}

// blocks returns the section's body read into blocks. The body is read once: several readers
// (metadata, factors, actions, people, timeline) go over the same sections, and a document
// with several incidents reads its shared sections once per incident. Callers must not modify
// the blocks.
func (s *section) blocks() []block {
	if !s.isParsed {
		s.parsed, s.isParsed = parseBlocks(s.body), true
	}
	return s.parsed
}

var (
	reATX       = regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$`)
	reATXClose  = regexp.MustCompile(`(?:^|[ \t]+)#+$`)
	reSetext    = regexp.MustCompile(`^ {0,3}(=+|-{2,})[ \t]*$`)
	reFence     = regexp.MustCompile("^\\s*(`{3,}|~{3,})(.*)$")
	reListStart = regexp.MustCompile(`^\s*(?:[-*+]|\d{1,3}[.)])(?:\s|$)`)
	reBoldLine  = regexp.MustCompile(`^(?:\*\*|__)(.+?)(?:\*\*|__)\s*:?\s*$`)
	rePlainHead = regexp.MustCompile(`^([A-Za-z][A-Za-z '’&/()?-]{2,60}?)\s*:?\s*$`)
)

// splitLines cuts data into lines numbered from first and marks fenced code and multi-line
// HTML comments. An unclosed fence runs to the end of the document, as in CommonMark.
func splitLines(data string, first int) []srcLine {
	data = strings.ReplaceAll(data, "\r\n", "\n")
	data = strings.ReplaceAll(data, "\r", "\n")
	raw := strings.Split(data, "\n")
	if len(raw) > 0 && raw[len(raw)-1] == "" {
		raw = raw[:len(raw)-1]
	}
	lines := make([]srcLine, len(raw))
	fence := ""
	comment := false
	for i, t := range raw {
		lines[i] = srcLine{n: first + i, text: t}
		switch {
		case fence != "":
			lines[i].code = true
			if m := fenceAt(t); m != nil && m[1][0] == fence[0] && len(m[1]) >= len(fence) && strings.TrimSpace(m[2]) == "" {
				fence = ""
			}
		case comment:
			lines[i].code, lines[i].comment = true, true
			if strings.Contains(t, "-->") {
				comment = false
			}
		default:
			if m := fenceAt(t); m != nil && !(m[1][0] == '`' && strings.Contains(m[2], "`")) {
				fence = m[1]
				lines[i].code = true
			} else if j := strings.LastIndex(t, "<!--"); j >= 0 && !strings.Contains(t[j:], "-->") {
				comment = true
				if strings.TrimSpace(t[:j]) == "" {
					lines[i].code, lines[i].comment = true, true
				}
			}
		}
	}
	return lines
}

// fenceAt matches a code fence line ("```go", "~~~") with reFence, or returns nil.
func fenceAt(t string) []string {
	if !strings.Contains(t, "```") && !strings.Contains(t, "~~~") {
		return nil
	}
	return reFence.FindStringSubmatch(t)
}

// atxHeading returns the level and text of an ATX heading line, or 0.
func atxHeading(t string) (int, string) {
	if s := strings.TrimLeft(t, " "); len(t)-len(s) > 3 || !strings.HasPrefix(s, "#") {
		return 0, ""
	}
	m := reATX.FindStringSubmatch(t)
	if m == nil {
		return 0, ""
	}
	text := m[2]
	if strings.HasSuffix(text, "#") {
		text = reATXClose.ReplaceAllString(text, "")
	}
	return len(m[1]), strings.TrimSpace(text)
}

// setextUnderline reports whether t is the underline of a setext heading ("===", "---").
func setextUnderline(t string) bool {
	s := strings.TrimLeft(t, " ")
	return s != "" && (s[0] == '=' || s[0] == '-') && reSetext.MatchString(t)
}

// listStart reports whether t starts a list item ("- x", "* x", "1. x", "2) x").
func listStart(t string) bool {
	s := strings.TrimLeft(t, "\t\n\f\r ")
	return s != "" && (s[0] == '-' || s[0] == '*' || s[0] == '+' || isDigit(s[0])) && reListStart.MatchString(t)
}

// paragraphLine reports whether t could be the text of a setext heading.
func paragraphLine(t string) bool {
	s := strings.TrimSpace(t)
	if s == "" || len(t)-len(strings.TrimLeft(t, " ")) > 3 {
		return false
	}
	switch s[0] {
	case '|', '>', '<', '#', '!', '[':
		return false
	}
	return !listStart(t) && !setextUnderline(t)
}

// buildOutline turns lines into a section tree rooted at a level-0 section holding the text
// before the first heading.
func buildOutline(lines []srcLine) *section {
	root := &section{}
	stack := []*section{root}
	cur := root
	open := func(level int, raw string, line int, dateOnly bool) {
		title := cleanInline(raw)
		for len(stack) > 1 && stack[len(stack)-1].level >= level {
			stack = stack[:len(stack)-1]
		}
		parent := stack[len(stack)-1]
		// A heading that is only a date ("## May 12") after a timeline continues the timeline.
		if dateOnly && len(parent.children) > 0 {
			if last := parent.children[len(parent.children)-1]; last.kind == kindTimeline && last.level == level {
				parent = last
				stack = append(stack, last)
				level = last.level + 1
			}
		}
		kind, exact := classifyTitle(title)
		if level == 1 && parent == root && len(root.children) == 0 && !exact {
			// The document's first top heading is its title unless it is exactly a section
			// name: "Recommendations degraded: …" is a title, not the actions.
			kind = ""
		}
		s := &section{level: level, title: title, raw: raw, line: line, kind: kind, parent: parent}
		parent.children = append(parent.children, s)
		stack = append(stack, s)
		cur = s
	}
	blankBefore := true
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l.code {
			cur.body = append(cur.body, l)
			blankBefore = false
			continue
		}
		if level, text := atxHeading(l.text); level > 0 {
			open(level, text, l.n, isDateOnly(cleanInline(text)))
			blankBefore = true
			continue
		}
		if i+1 < len(lines) && !lines[i+1].code && blankBefore && setextUnderline(lines[i+1].text) && paragraphLine(l.text) {
			level := 2
			if strings.Contains(lines[i+1].text, "=") {
				level = 1
			}
			open(level, strings.TrimSpace(l.text), l.n, isDateOnly(cleanInline(l.text)))
			i++
			blankBefore = true
			continue
		}
		if blankBefore && !listStart(l.text) {
			if kind, level := pseudoHeading(l.text, cur.level); kind != "" {
				open(level, strings.TrimSuffix(strings.TrimSpace(stripWrapping(l.text)), ":"), l.n, false)
				continue
			}
		}
		cur.body = append(cur.body, l)
		blankBefore = strings.TrimSpace(l.text) == ""
	}
	return root
}

// pseudoHeading recognises a line that stands for a heading: a line that is only bold text
// naming a known section ("**Root causes:**"), which nests under the current heading, or a plain
// line that is exactly a known section name ("Action Items"), which the author meant as a heading
// of the current level.
func pseudoHeading(t string, curLevel int) (string, int) {
	s := strings.TrimSpace(t)
	if s == "" {
		return "", 0
	}
	if m := boldLine(s); m != nil {
		inner := strings.TrimSuffix(strings.TrimSpace(m[1]), ":")
		if kind, exact := classifyTitle(inner); exact && kind != "" {
			return kind, min(curLevel+1, 6)
		}
		return "", 0
	}
	if c := s[0] | 0x20; c < 'a' || c > 'z' {
		return "", 0 // a plain heading starts with a letter
	}
	if m := rePlainHead.FindStringSubmatch(s); m != nil && len(strings.Fields(m[1])) <= 5 {
		if kind, exact := classifyTitle(m[1]); exact && contentKinds[kind] {
			return kind, max(curLevel, 1)
		}
	}
	return "", 0
}

// boldLine matches a line that is only bold text ("**Root causes:**") with reBoldLine, or
// returns nil.
func boldLine(s string) []string {
	if !strings.HasPrefix(s, "**") && !strings.HasPrefix(s, "__") {
		return nil
	}
	return reBoldLine.FindStringSubmatch(s)
}

// isDateOnly reports whether a heading is nothing but a date ("May 12", "15 May", "2019-02-22
// (Friday)"), as used to group a timeline by day.
func isDateOnly(title string) bool {
	st, rest, ok := scanStamp(title)
	return ok && st.hasDate && !st.hasClock && strings.TrimSpace(rest) == ""
}

// walk calls f for s and every section below it, in document order.
func (s *section) walk(f func(*section)) {
	f(s)
	for _, c := range s.children {
		c.walk(f)
	}
}

// bodyText returns lines as trimmed text, without HTML comments as trimmed text, without code or comments.
func bodyText(lines []srcLine) string {
	var b strings.Builder
	blank := false
	for _, l := range lines {
		t := strings.TrimRight(l.text, " \t")
		if strings.TrimSpace(t) == "" {
			blank = b.Len() > 0
			continue
		}
		if l.comment {
			continue
		}
		if blank {
			b.WriteString("\n\n")
		} else if b.Len() > 0 {
			b.WriteString("\n")
		}
		blank = false
		b.WriteString(t)
	}
	return strings.TrimSpace(b.String())
}
