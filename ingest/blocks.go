package ingest

import (
	"regexp"
	"strings"
)

// A section body is read as a sequence of blocks: paragraphs, list items (with their nesting
// depth and checkbox), block quotes and tables. Fenced code is skipped; lazy and indented
// continuation lines stay with their list item.

type blockKind int

const (
	blockPara blockKind = iota
	blockItem
	blockQuote
	blockTable
)

// block is one paragraph, list item, quote or table of a section body.
type block struct {
	kind    blockKind
	line    int    // line number of its first line
	text    string // raw inline Markdown, lines joined by "\n"
	depth   int    // nesting of a list item, 0 at the top
	ordered bool   // a numbered list item
	check   byte   // 'x' for "[x]", ' ' for "[ ]", 0 without a checkbox
	rows    [][]string
	head    bool // the table's first row is a header
}

var (
	reListItem   = regexp.MustCompile(`^(\s*)([-*+•]|\d{1,3}[.)])(?:[ \t]+(.*))?$`)
	reCheckbox   = regexp.MustCompile(`^\[([ xX✓✔]?)\]\s*`)
	reTableDelim = regexp.MustCompile(`^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$`)
	reThematic   = regexp.MustCompile(`^\s{0,3}([-*_])(?:\s*[-*_]){2,}\s*$`)
	reLinkDef    = regexp.MustCompile(`^\s{0,3}\[[^\]]+\]:\s*\S+`)
	reQuote      = regexp.MustCompile(`^\s{0,3}>\s?`)
)

func indentOf(s string) int {
	n := 0
	for _, c := range s {
		switch c {
		case ' ':
			n++
		case '\t':
			n += 4
		default:
			return n
		}
	}
	return n
}

// parseBlocks reads a section body into blocks.
func parseBlocks(lines []srcLine) []block {
	var out []block
	var cur *block
	var stack []int // marker indents of the open list items
	blank := false
	flush := func() {
		if cur != nil {
			cur.text = strings.TrimSpace(cur.text)
			out = append(out, *cur)
			cur = nil
		}
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		t := l.text
		if l.code {
			if cur != nil && cur.kind != blockItem {
				flush()
			}
			continue
		}
		if strings.TrimSpace(t) == "" {
			blank = true
			if cur != nil && cur.kind != blockItem {
				flush()
			}
			continue
		}
		// Each pattern below runs only on lines whose first character can start its match.
		c := firstNonBlank(t)
		if (c == '-' || c == '*' || c == '_') && reThematic.MatchString(t) || c == '[' && reLinkDef.MatchString(t) {
			flush()
			stack, blank = nil, false
			continue
		}
		if isTableStart(lines, i) {
			flush()
			tb := block{kind: blockTable, line: l.n}
			for ; i < len(lines) && !lines[i].code && strings.Contains(lines[i].text, "|") && strings.TrimSpace(lines[i].text) != ""; i++ {
				if reTableDelim.MatchString(lines[i].text) {
					if len(tb.rows) == 1 {
						tb.head = true
					}
					continue
				}
				tb.rows = append(tb.rows, splitRow(lines[i].text))
			}
			i--
			out = append(out, tb)
			stack, blank = nil, false
			continue
		}
		if m := listItemAt(c, t); m != nil {
			flush()
			ind := indentOf(m[1])
			for len(stack) > 0 && ind < stack[len(stack)-1]+2 {
				stack = stack[:len(stack)-1]
			}
			it := block{kind: blockItem, line: l.n, depth: len(stack), ordered: m[2][0] >= '0' && m[2][0] <= '9'}
			stack = append(stack, ind)
			text := m[3]
			if cb := reCheckbox.FindStringSubmatch(text); cb != nil {
				it.check = ' '
				if cb[1] != "" && cb[1] != " " {
					it.check = 'x'
				}
				text = text[len(cb[0]):]
			}
			it.text = text
			cur = &it
			blank = false
			continue
		}
		if q := quoteAt(c, t); q != "" {
			if cur == nil || cur.kind != blockQuote || blank {
				flush()
				cur = &block{kind: blockQuote, line: l.n}
			}
			cur.text += "\n" + t[len(q):]
			blank = false
			continue
		}
		switch {
		case cur != nil && cur.kind == blockItem && (!blank || indentOf(t) >= 2):
			cur.text += "\n" + strings.TrimSpace(t)
		case cur != nil && cur.kind == blockPara && !blank:
			cur.text += "\n" + strings.TrimSpace(t)
		default:
			flush()
			stack = nil
			cur = &block{kind: blockPara, line: l.n, text: strings.TrimSpace(t)}
		}
		blank = false
	}
	flush()
	return out
}

// firstNonBlank returns the first byte of t that is not white space, or 0.
func firstNonBlank(t string) byte {
	if s := strings.TrimLeft(t, "\t\n\f\r "); s != "" {
		return s[0]
	}
	return 0
}

// listItemAt matches a list item line t, whose first non-blank byte is c, with reListItem, or
// returns nil.
func listItemAt(c byte, t string) []string {
	if c != '-' && c != '*' && c != '+' && !isDigit(c) && c != "•"[0] {
		return nil
	}
	return reListItem.FindStringSubmatch(t)
}

// quoteAt returns the block quote marker that starts line t, whose first non-blank byte is c,
// or "".
func quoteAt(c byte, t string) string {
	if c != '>' {
		return ""
	}
	return reQuote.FindString(t)
}

// isTableStart reports whether line i starts a pipe table: a row followed by a delimiter row,
// or a line that starts with a pipe.
func isTableStart(lines []srcLine, i int) bool {
	t := strings.TrimSpace(lines[i].text)
	if !strings.Contains(t, "|") {
		return false
	}
	if strings.HasPrefix(t, "|") && strings.Count(t, "|") >= 2 {
		return true
	}
	return i+1 < len(lines) && !lines[i+1].code && strings.Contains(lines[i+1].text, "|") && reTableDelim.MatchString(lines[i+1].text)
}

// splitRow splits a table row into trimmed cells, honouring "\|" and pipes inside code spans.
func splitRow(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, `\|`) {
		row = row[:len(row)-1]
	}
	var cells []string
	var b strings.Builder
	inCode := false
	for i := 0; i < len(row); i++ {
		c := row[i]
		switch {
		case c == '\\' && i+1 < len(row) && row[i+1] == '|':
			b.WriteByte('|')
			i++
		case c == '`':
			inCode = !inCode
			b.WriteByte(c)
		case c == '|' && !inCode:
			cells = append(cells, strings.TrimSpace(b.String()))
			b.Reset()
		default:
			b.WriteByte(c)
		}
	}
	return append(cells, strings.TrimSpace(b.String()))
}

// columnFor returns the index of the header cell named by the first of names that names one,
// comparing normalised text exactly, then as a prefix ("time" finds "Time (UTC)" exactly since
// notes in parentheses are ignored, "date" finds "Date and Time in CET"); -1 when none does.
func columnFor(header []string, names ...string) int {
	norm := make([]string, len(header))
	for i, h := range header {
		norm[i] = normHeading(h)
	}
	for _, exact := range []bool{true, false} {
		for _, name := range names {
			for i, n := range norm {
				if n == name || !exact && (strings.HasPrefix(n, name+" ") || strings.HasPrefix(n, name+"/")) {
					return i
				}
			}
		}
	}
	return -1
}

// cell returns row[i] or "" when the row is short or i is -1.
func cell(row []string, i int) string {
	if i < 0 || i >= len(row) {
		return ""
	}
	return row[i]
}

// statements turns blocks into one statement per list item, or per paragraph when there are no
// list items. Introductions ending in ":" and bold-only labels are dropped as statements of their
// own: an item that ends in ":" takes the items after it as its details ("Modified the ingestion
// so that: all writes go to the new table; reads fall back to the old one"). Each statement keeps
// its raw text, checkbox and line.
func statements(blocks []block) []block {
	hasItems := false
	for _, b := range blocks {
		if b.kind == blockItem {
			hasItems = true
		}
	}
	var out []block
	intro := -1 // index in out of an item that ends with ":"
	var introBlock block
	for _, b := range blocks {
		switch b.kind {
		case blockItem:
		case blockPara:
			if hasItems {
				intro = -1
				continue
			}
		default:
			continue
		}
		plain := cleanInline(b.text)
		if plain == "" || strings.HasSuffix(plain, ":") && b.kind == blockPara {
			continue
		}
		if boldLine(strings.TrimSpace(b.text)) != nil && strings.HasSuffix(plain, ":") {
			continue
		}
		if intro >= 0 && b.kind == blockItem && (b.depth > introBlock.depth || b.ordered != introBlock.ordered) {
			sep := "; "
			if strings.HasSuffix(strings.TrimSpace(out[intro].text), ":") {
				sep = " "
			}
			out[intro].text = strings.TrimSpace(out[intro].text) + sep + strings.TrimSpace(b.text)
			continue
		}
		intro = -1
		if b.kind == blockItem && strings.HasSuffix(plain, ":") {
			intro, introBlock = len(out), b
		}
		out = append(out, b)
	}
	return out
}
