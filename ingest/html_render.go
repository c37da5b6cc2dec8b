package ingest

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The renderer writes an HTML tree as Markdown, or as plain text: headings become "#" lines,
// tables pipe tables with a header row, lists "- " and "1. " items indented by nesting, task
// lists and checkboxes "[x]" and "[ ]", bold text "**", links "[text](url)", line breaks new
// lines and other blocks paragraphs. Text is decoded and its white space collapsed.

// htmlList is one open list.
type htmlList struct {
	ordered bool
	n       int // number of the last item
	depth   int // nesting level of its items, from 0
}

// htmlRenderer accumulates the rendering of one tree.
type htmlRenderer struct {
	plain   bool            // plain text: no Markdown markup
	bold    map[string]bool // class names that style text bold (Google Docs)
	out     strings.Builder // finished blocks
	para    []byte          // inline text of the open block
	lists   []htmlList
	item    string // marker of the list item whose first line is still to be written
	indent  string // indentation of the open list item's lines
	inItem  bool
	task    bool // inside a Confluence task list item: a user mention is its assignee
	listGap bool // a list has ended; a blank line is due before what follows
	heading bool // inside a heading: no inline markup
	strong  int  // open bold elements
	boldEnd int  // length of para right after the last closing "**", or -1
	gen     int  // count of paragraphs ended: inline markup is only added to text still open
}

func newHTMLRenderer(plain bool, bold map[string]bool) *htmlRenderer {
	return &htmlRenderer{plain: plain, bold: bold, boldEnd: -1}
}

var (
	reBlankRuns = regexp.MustCompile(`\n{3,}`)
	reTagLike   = regexp.MustCompile(`<([A-Za-z/!?])`)
	reEntityish = regexp.MustCompile(`&(#?[A-Za-z0-9]+;)`)
	reMDLineEsc = regexp.MustCompile(`^(?:#|=+\s*$|-{2,}\s*$|>)`)
	reDocsList  = regexp.MustCompile(`\blst-kix_[\w-]*?-(\d+)\b`)
)

// finish closes the open block and returns the rendering.
func (r *htmlRenderer) finish() string {
	r.block()
	return strings.TrimSpace(reBlankRuns.ReplaceAllString(r.out.String(), "\n\n"))
}

func (r *htmlRenderer) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.node(c)
	}
}

func (r *htmlRenderer) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.text(n.Data)
	case html.DocumentNode:
		r.children(n)
	case html.ElementNode:
		if !skipElement(n) {
			r.element(n)
		}
	}
}

func (r *htmlRenderer) element(n *html.Node) {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		r.headingElement(int(n.Data[1]-'0'), n)
	case atom.P:
		if hasClass(n, "title") {
			r.headingElement(1, n)
			return
		}
		r.blockElement(n)
	case atom.Ul, atom.Ol:
		r.listElement(n)
	case atom.Li:
		r.itemElement(n)
	case atom.Table:
		r.tableElement(n)
	case atom.Br:
		r.para = append(r.para, '\n')
	case atom.Hr:
		r.block()
	case atom.Pre:
		r.preElement(n)
	case atom.B, atom.Strong:
		if reNotBold.MatchString(attr(n, "style")) {
			r.children(n)
			return
		}
		r.boldElement(n)
	case atom.Span, atom.Font:
		if r.isBold(n) {
			r.boldElement(n)
			return
		}
		r.children(n)
	case atom.A:
		r.linkElement(n)
	case atom.Code, atom.Kbd, atom.Samp, atom.Tt:
		r.codeElement(n)
	case atom.Input:
		r.checkbox(n)
	case atom.Time:
		if d := attr(n, "datetime"); reISODate.MatchString(d) {
			r.text(" " + d + " ")
			return
		}
		r.children(n)
	case atom.Dt:
		r.termElement(n)
	case atom.Dd:
		r.text(" ")
		r.children(n)
		r.block()
	case atom.Div, atom.Section, atom.Article, atom.Main, atom.Header, atom.Aside, atom.Blockquote,
		atom.Figure, atom.Figcaption, atom.Address, atom.Center, atom.Form, atom.Fieldset, atom.Details,
		atom.Summary, atom.Dl, atom.Caption, atom.Body, atom.Html, atom.Tr, atom.Td, atom.Th:
		r.blockElement(n)
	default:
		r.children(n)
	}
}

// termElement starts a line with a definition term as a bold label, "**Term:**", for the
// definition that follows.
func (r *htmlRenderer) termElement(n *html.Node) {
	r.block()
	gen := r.gen
	r.children(n)
	t := strings.TrimSuffix(strings.TrimSpace(string(r.para)), ":")
	if t == "" || r.gen != gen {
		return
	}
	if r.plain || r.heading {
		r.replaceFrom(0, t+":")
		return
	}
	r.replaceFrom(0, "**"+t+":**")
	r.boldEnd = len(r.para)
}

// blockElement renders an element as a paragraph of its own.
func (r *htmlRenderer) blockElement(n *html.Node) {
	r.block()
	r.children(n)
	r.block()
}

// text adds a text node: white space collapsed, and in Markdown what would read as a tag or
// an entity escaped.
func (r *htmlRenderer) text(s string) {
	words := strings.Fields(s)
	if len(words) == 0 {
		if s != "" {
			r.space()
		}
		return
	}
	if s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r' || s[0] == '\f' || strings.HasPrefix(s, "\u00a0") {
		r.space()
	}
	t := strings.Join(words, " ")
	if !r.plain {
		t = reEntityish.ReplaceAllString(t, "&amp;$1")
		t = reTagLike.ReplaceAllString(t, "&lt;$1")
	}
	r.para = append(r.para, t...)
	if last := s[len(s)-1]; last == ' ' || last == '\t' || last == '\n' || last == '\r' || strings.HasSuffix(s, "\u00a0") {
		r.space()
	}
}

// space adds one space unless the paragraph is empty or already ends in white space.
func (r *htmlRenderer) space() {
	if n := len(r.para); n > 0 && r.para[n-1] != ' ' && r.para[n-1] != '\n' {
		r.para = append(r.para, ' ')
	}
}

// block ends the open paragraph, writing it as lines of the open list item, if any.
func (r *htmlRenderer) block() {
	text := string(r.para)
	r.para = r.para[:0]
	r.boldEnd = -1
	r.gen++
	var lines []string
	for _, ln := range strings.Split(text, "\n") {
		if ln = strings.TrimSpace(ln); ln != "" {
			if !r.plain && reMDLineEsc.MatchString(ln) {
				ln = `\` + ln
			}
			lines = append(lines, ln)
		}
	}
	if len(lines) == 0 {
		return
	}
	for i, ln := range lines {
		switch {
		case i == 0 && r.item != "":
			ln = r.indent + r.item + taskGlyph(ln)
			r.item = ""
		case r.inItem:
			ln = r.indent + "  " + ln
		}
		r.write(ln + "\n")
	}
	if len(r.lists) == 0 && !r.plain {
		r.write("\n")
	}
}

// write adds finished text, after the blank line that ends a list.
func (r *htmlRenderer) write(s string) {
	if r.listGap && len(r.lists) == 0 {
		r.out.WriteByte('\n')
	}
	r.listGap = false
	r.out.WriteString(s)
}

// taskGlyph turns a ballot box at the start of a list item into a Markdown checkbox.
func taskGlyph(ln string) string {
	for _, g := range []struct{ glyph, box string }{{"☐", "[ ] "}, {"☑", "[x] "}, {"☒", "[x] "}} {
		if rest, ok := strings.CutPrefix(ln, g.glyph); ok {
			return g.box + strings.TrimSpace(rest)
		}
	}
	return ln
}

func (r *htmlRenderer) headingElement(level int, n *html.Node) {
	r.block()
	saved := r.heading
	r.heading = true
	r.children(n)
	r.heading = saved
	text := strings.Join(strings.Fields(string(r.para)), " ")
	r.para = r.para[:0]
	r.boldEnd = -1
	r.gen++
	if text == "" {
		return
	}
	if r.plain {
		r.write(text + "\n")
		return
	}
	r.write(strings.Repeat("#", level) + " " + text + "\n\n")
}

func (r *htmlRenderer) listElement(n *html.Node) {
	r.block()
	r.listGap = false
	l := htmlList{ordered: n.DataAtom == atom.Ol, depth: len(r.lists)}
	if len(r.lists) > 0 && r.inItem {
		l.depth = r.lists[len(r.lists)-1].depth + 1
	}
	if m := reDocsList.FindStringSubmatch(attr(n, "class")); m != nil {
		// Google Docs writes nested lists flat, the level in a class name: "lst-kix_ab12-1".
		lvl, _ := strconv.Atoi(m[1])
		l.depth += min(lvl, 8)
	}
	if start, err := strconv.Atoi(attr(n, "start")); err == nil && start > 0 {
		l.n = start - 1
	}
	r.lists = append(r.lists, l)
	r.children(n)
	r.block()
	r.lists = r.lists[:len(r.lists)-1]
	// A blank line ends the list, unless another list follows at once: Google Docs writes each
	// level of a nested list as a list of its own.
	r.listGap = len(r.lists) == 0 && !r.plain
}

func (r *htmlRenderer) itemElement(n *html.Node) {
	r.block()
	l := &htmlList{}
	if len(r.lists) > 0 {
		l = &r.lists[len(r.lists)-1]
	}
	l.n++
	marker := "- "
	if l.ordered {
		marker = strconv.Itoa(l.n) + ". "
	}
	// Confluence task lists: <li data-inline-task-id="1" class="checked">.
	_, task := attrOK(n, "data-inline-task-id")
	task = task || hasClass(n.Parent, "inline-task-list")
	if task {
		if hasClass(n, "checked") {
			marker += "[x] "
		} else {
			marker += "[ ] "
		}
	}
	savedItem, savedIndent, savedIn, savedTask := r.item, r.indent, r.inItem, r.task
	r.item, r.indent, r.inItem, r.task = marker, strings.Repeat("  ", l.depth), true, task
	r.children(n)
	r.block()
	r.item, r.indent, r.inItem, r.task = savedItem, savedIndent, savedIn, savedTask
}

// checkbox marks the open list item done or open for an <input type="checkbox"> before its text.
func (r *htmlRenderer) checkbox(n *html.Node) {
	if !strings.EqualFold(attr(n, "type"), "checkbox") || r.item == "" || strings.HasSuffix(r.item, "] ") || len(bytes.TrimSpace(r.para)) > 0 {
		return
	}
	if _, checked := attrOK(n, "checked"); checked {
		r.item += "[x] "
	} else {
		r.item += "[ ] "
	}
}

func (r *htmlRenderer) preElement(n *html.Node) {
	r.block()
	text := strings.Trim(strings.ReplaceAll(textContent(n), "\r\n", "\n"), "\n")
	if strings.TrimSpace(text) == "" {
		return
	}
	if r.plain {
		r.write(text + "\n")
		return
	}
	r.write("```\n" + strings.ReplaceAll(text, "```", "'''") + "\n```\n\n")
}
