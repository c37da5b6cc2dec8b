package ingest

import (
	"bytes"
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// Inline markup: bold runs, links and code spans.

var (
	reBoldStyle = regexp.MustCompile(`(?i)font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b`)
	reNotBold   = regexp.MustCompile(`(?i)font-weight\s*:\s*(?:normal|[1-4]00)\b`)
)

// isBold reports a span styled bold by its classes or its own style.
func (r *htmlRenderer) isBold(n *html.Node) bool {
	if reBoldStyle.MatchString(attr(n, "style")) {
		return true
	}
	for _, c := range strings.Fields(attr(n, "class")) {
		if r.bold[c] {
			return true
		}
	}
	return false
}

// boldElement wraps an element's text in "**", white space outside the markers, and merges it
// with a bold run just before it, as Google Docs splits one bold phrase over several spans.
func (r *htmlRenderer) boldElement(n *html.Node) {
	if r.plain || r.heading || r.strong > 0 {
		r.children(n)
		return
	}
	opened := false
	if r.boldEnd >= 2 && r.boldEnd <= len(r.para) && len(bytes.TrimSpace(r.para[r.boldEnd:])) == 0 {
		// Reopen the bold run that ended just before: drop its closing "**".
		r.para = append(r.para[:r.boldEnd-2], r.para[r.boldEnd:]...)
		opened = true
	}
	start := len(r.para)
	if opened {
		start = r.boldEnd - 2
	}
	gen := r.gen
	r.strong++
	r.children(n)
	r.strong--
	if r.gen != gen {
		// A block inside the bold element ended the paragraph it started in.
		return
	}
	inner := string(r.para[start:])
	lead, t, trail := spaceAround(inner, " \n")
	switch {
	case t == "" && !opened:
		return
	case t == "":
		r.replaceFrom(start, "**"+inner)
		r.boldEnd = start + 2
		return
	case opened:
		r.replaceFrom(start, lead+t+"**")
	default:
		r.replaceFrom(start, lead+"**"+t+"**")
	}
	r.boldEnd = len(r.para)
	r.para = append(r.para, trail...)
}

// linkElement renders a link as its text, or in Markdown as "[text](url)" for web links whose
// text is not a ticket key, so that a ticket's URL stays with an action. A user mention is the
// user's name; the first in a Confluence task is its assignee, "(owner: name)".
func (r *htmlRenderer) linkElement(n *html.Node) {
	start, inner, ok := r.markupChildren(n)
	if !ok {
		return
	}
	lead, t, trail := spaceAround(inner, " ")
	if hasClass(n, "user-mention") || hasClass(n, "confluence-userlink") {
		if r.task && t != "" && !reOwnerBefore.Match(r.para[max(0, start-40):start]) {
			r.task = false
			r.replaceFrom(start, lead+"(owner: "+t+")"+trail)
		}
		return
	}
	href := unwrapRedirect(attr(n, "href"))
	if t == "" || t == href || findTicket(t) == t || !(strings.HasPrefix(href, "http://") || strings.HasPrefix(href, "https://")) ||
		strings.ContainsAny(t, "[]\n") || strings.ContainsAny(href, " ()<>") {
		return
	}
	r.replaceFrom(start, lead+"["+t+"]("+href+")"+trail)
}

var reOwnerBefore = regexp.MustCompile(`(?i)\b(?:owners?|assignee|assigned to)\s*:?\s*$`)

// replaceFrom replaces the open paragraph's text from offset start.
func (r *htmlRenderer) replaceFrom(start int, s string) {
	r.para = append(r.para[:start], s...)
	r.boldEnd = -1
}

// unwrapRedirect returns the target of a Google Docs redirect link
// ("https://www.google.com/url?q=TARGET&sa=D"), else href.
func unwrapRedirect(href string) string {
	rest, ok := strings.CutPrefix(href, "https://www.google.com/url?q=")
	if !ok {
		return href
	}
	target, _, _ := strings.Cut(rest, "&")
	if t, err := url.QueryUnescape(target); err == nil {
		return t
	}
	return href
}

// codeElement renders a code element as a Markdown code span.
func (r *htmlRenderer) codeElement(n *html.Node) {
	start, inner, ok := r.markupChildren(n)
	if !ok {
		return
	}
	lead, t, trail := spaceAround(inner, " ")
	if t == "" || strings.ContainsAny(t, "`\n") {
		return
	}
	r.replaceFrom(start, lead+"`"+t+"`"+trail)
}

// markupChildren renders an inline element's children and returns where their text starts in
// the open paragraph and the text itself. ok is false when the text is not to be marked up: in
// plain text or a heading, or when a block inside ended the paragraph it started in.
func (r *htmlRenderer) markupChildren(n *html.Node) (start int, inner string, ok bool) {
	start, gen := len(r.para), r.gen
	r.children(n)
	if r.plain || r.heading || r.gen != gen {
		return start, "", false
	}
	return start, string(r.para[start:]), true
}

// spaceAround splits s into the run of cutset characters it starts with, its text trimmed of
// white space, and the run of cutset characters it ends with, so that markup goes around the
// text and the spaces stay outside it.
func spaceAround(s, cutset string) (lead, text, trail string) {
	lead = s[:len(s)-len(strings.TrimLeft(s, cutset))]
	trail = s[len(strings.TrimRight(s, cutset)):]
	return lead, strings.TrimSpace(s), trail
}
