package ingest

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/metamortem/metamortem"
	"golang.org/x/net/html"
)

// HTML reviews are Confluence page exports and Google Docs "Web page" exports. Rather than read
// their markup a second way, the page body is rendered to Markdown (html_render.go) without the
// exporter's chrome (html_page.go) and read by the Markdown importer, so that every section
// synonym, timeline table, action table and key-value form works the same in both.

// htmlFormat reads Confluence and Google Docs HTML exports.
var htmlFormat = Format{
	Name:       "html",
	Extensions: []string{".html", ".htm", ".xhtml"},
	Sniff:      sniffHTML,
	Parse:      reviewsOnly(parseHTML),
}

// htmlSniffHead is how much of a document the HTML sniff looks at for its first tags.
const htmlSniffHead = 1024

var (
	reHTMLLead      = regexp.MustCompile(`^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*`)
	reHTMLDocStart  = regexp.MustCompile(`^(?:<!doctype\s+html|<html[\s>])`)
	reHTMLFragStart = regexp.MustCompile(`^<(?:head|body|meta|title|style|h[1-6]|div|p|table|section|article|main|ul|ol|span)[\s>/]`)
	reHTMLBodyTag   = regexp.MustCompile(`<(?:body|h[1-6])[\s>]`)
	reHTMLMarkdown  = regexp.MustCompile(`(?m)^ {0,3}#{1,6}[ \t]+\S|\*\*\S|^\s*\|.*\|\s*$`)
)

// sniffHTML recognises an HTML page: after a byte order mark, white space, an XML declaration
// or comments it starts with a doctype or <html>, or it is a body fragment that opens with an
// element and has <body> or a heading in its first kilobyte and no Markdown headings, bold or
// pipe tables. XML, SVG and Markdown with the odd inline tag are not claimed.
func sniffHTML(data []byte) bool {
	data = bytes.TrimLeft(trimBOM(data), " \t\r\n\f")
	if len(data) == 0 || data[0] != '<' || looksBinary(data) {
		return false
	}
	head := strings.ToLower(string(data[:min(len(data), 4*htmlSniffHead)]))
	head = head[len(reHTMLLead.FindString(head)):]
	if reHTMLDocStart.MatchString(head) {
		return true
	}
	if !reHTMLFragStart.MatchString(head) || !reHTMLBodyTag.MatchString(head[:min(len(head), htmlSniffHead)]) {
		return false
	}
	return !reHTMLMarkdown.Match(data[:min(len(data), sniffLimit)])
}

// parseHTML reads an HTML page as one review.
func parseHTML(doc Document) (reviews []metamortem.Review, err error) {
	if len(doc.Data) > maxDocumentSize {
		return nil, fmt.Errorf("document is larger than %d bytes", maxDocumentSize)
	}
	defer func() {
		// A renderer bug must cost one document, not the whole ingest.
		if p := recover(); p != nil {
			reviews, err = nil, fmt.Errorf("html: internal error: %v", p)
		}
	}()
	root := parseHTMLTree(htmlUTF8(trimBOM(doc.Data)))
	text := pageMarkdown(root)
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("html: the page has no text")
	}
	md := doc
	md.Data = []byte(text)
	reviews, err = parseMarkdown(md)
	if err != nil {
		return nil, fmt.Errorf("html: %w", err)
	}
	for i := range reviews {
		reviews[i].Source.Format = "html"
	}
	return reviews, nil
}

// htmlToText flattens an HTML fragment, such as a status page update held in a JSON field, to
// plain text: one line per paragraph, list item or table row, without markup, entities decoded
// and white space collapsed. Scripts, styles and comments are dropped.
func htmlToText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.Join(strings.Fields(s), " ")
	}
	r := newHTMLRenderer(true, nil)
	r.children(parseHTMLTree([]byte(s)))
	return r.finish()
}

// htmlToMarkdown renders an HTML fragment or page body as Markdown: headings, pipe tables,
// nested lists with checkboxes, bold text and links, for the Markdown reader.
func htmlToMarkdown(s string) string {
	r := newHTMLRenderer(false, nil)
	r.children(parseHTMLTree([]byte(s)))
	return r.finish()
}

// maxHTMLDepth is how deeply elements may nest. The HTML parser refuses deeper documents; they
// are read again with the elements past this depth dropped and their text kept.
const maxHTMLDepth = 256

// parseHTMLTree parses data as HTML. It never fails: a document nested too deeply for the
// parser is flattened below maxHTMLDepth, and failing that read as text alone.
func parseHTMLTree(data []byte) *html.Node {
	for _, limit := range []int{-1, maxHTMLDepth, 32, 0} {
		src := data
		if limit >= 0 {
			src = capHTMLDepth(data, limit)
		}
		if root, err := html.Parse(bytes.NewReader(src)); err == nil {
			return root
		}
	}
	return &html.Node{Type: html.DocumentNode}
}

// capHTMLDepth drops the tags nested more than limit elements deep, keeping their text; the
// text of scripts and styles whose tags are dropped goes with them.
func capHTMLDepth(data []byte, limit int) []byte {
	var out bytes.Buffer
	z := html.NewTokenizer(bytes.NewReader(data))
	var open []string
	dropped := map[string]int{}
	skipText := false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out.Bytes()
		}
		raw := z.Raw()
		name, _ := z.TagName()
		switch tt {
		case html.StartTagToken:
			if htmlVoid[string(name)] {
				break
			}
			if len(open) >= limit {
				dropped[string(name)]++
				skipText = htmlRawText[string(name)]
				continue
			}
			open = append(open, string(name))
		case html.EndTagToken:
			if dropped[string(name)] > 0 {
				dropped[string(name)]--
				skipText = false
				continue
			}
			for i := len(open) - 1; i >= 0; i-- {
				if open[i] == string(name) {
					open = open[:i]
					break
				}
			}
		case html.TextToken:
			if skipText {
				continue
			}
		}
		out.Write(raw)
	}
}

// htmlVoid are the elements that have no end tag.
var htmlVoid = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

// htmlRawText are the elements whose content is not text of the page.
var htmlRawText = map[string]bool{"script": true, "style": true, "template": true, "noscript": true, "textarea": true}

// htmlUTF8 returns data as UTF-8: pages that are not valid UTF-8 are read as Windows-1252, the
// encoding of older Word and Confluence exports.
func htmlUTF8(data []byte) []byte {
	if utf8.Valid(data) {
		return data
	}
	return windows1252(data)
}

// cp1252 maps the bytes 0x80–0x9F of Windows-1252 to runes; 0 marks unused bytes.
var cp1252 = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}
