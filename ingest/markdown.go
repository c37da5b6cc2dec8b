package ingest

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/metamortem/metamortem"
)

// markdownFormat reads post-incident reviews written in Markdown, with or without YAML front
// matter. A document holding several incidents yields one review per incident.
var markdownFormat = Format{
	Name:               "markdown",
	Extensions:         []string{".md", ".markdown"},
	Sniff:              sniffMarkdown,
	SniffWithExtension: sniffMarkdownProse,
	Parse:              parseMarkdownResult,
}

// parseMarkdown reads a Markdown document. It fails only when the document cannot be read at
// all: too large, or front matter that is not valid YAML.
func parseMarkdown(doc Document) ([]metamortem.Review, error) {
	reviews, _, _, err := readMarkdown(doc)
	return reviews, err
}

// readMarkdown is parseMarkdown that also returns the document's front matter (empty without
// one) and the file line it starts on, so that the front matter is decoded once.
func readMarkdown(doc Document) (reviews []metamortem.Review, fm frontMatter, fmLine int, err error) {
	if len(doc.Data) > maxDocumentSize {
		return nil, frontMatter{}, 0, fmt.Errorf("document is larger than %d bytes", maxDocumentSize)
	}
	defer func() {
		// A parser bug must cost one document, not the whole ingest.
		if p := recover(); p != nil {
			reviews, fm, fmLine, err = nil, frontMatter{}, 0, fmt.Errorf("markdown: internal error: %v", p)
		}
	}()
	text := string(trimBOM(doc.Data))
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	bodyLine := 1
	if yamlText, yamlLine, body, bl, ok := splitFrontMatter(text); ok {
		parsed, isFM, err := parseFrontMatter(yamlText, yamlLine)
		if err != nil {
			return nil, frontMatter{}, 0, err
		}
		if isFM {
			fm, fmLine, text, bodyLine = parsed, yamlLine, body, bl
		}
	}
	root := buildOutline(splitLines(text, bodyLine))
	incidents := splitIncidents(root)
	if len(incidents) < 2 {
		r := readScope(doc, fm, []*section{root}, "")
		if r.ID == "" {
			r.ID = doc.PathID(1)
		}
		return []metamortem.Review{r}, fm, fmLine, nil
	}
	shared := readScope(doc, fm, []*section{root}, "")
	for _, inc := range incidents {
		r := readScope(doc, frontMatter{}, []*section{inc}, inc.title)
		reviews = append(reviews, mergeShared(r, shared))
	}
	assignIDs(doc, reviews)
	return reviews, fm, fmLine, nil
}

// mergeShared completes an incident's review with what the document says about all of its
// incidents: front matter, people, tags, and the factors, actions and sections the incident has
// none of.
func mergeShared(r, shared metamortem.Review) metamortem.Review {
	if r.ID == "" && shared.ID != "" {
		r.ID = shared.ID
	}
	if r.Severity == "" {
		r.Severity, r.SeverityRank = shared.Severity, shared.SeverityRank
	}
	if r.Kind == metamortem.KindIncident {
		r.Kind = shared.Kind
	}
	r.Components = dedupeLower(append(r.Components, shared.Components...))
	r.Tags = dedupeLower(append(r.Tags, shared.Tags...))
	var ppl people
	for _, p := range append(r.People, shared.People...) {
		ppl.add(p.Name, p.Role)
	}
	r.People = ppl.list
	if len(r.Factors) == 0 {
		r.Factors = shared.Factors
	}
	if len(r.Actions) == 0 {
		r.Actions = shared.Actions
	}
	if r.ReviewedAt == nil {
		r.ReviewedAt = shared.ReviewedAt
	}
	for k, v := range shared.Sections {
		if _, ok := r.Sections[k]; !ok && k != kindTimeline {
			r.Sections[k] = v
		}
	}
	return r
}

// assignIDs makes the IDs of a document's reviews distinct: reviews without an ID of their own,
// or sharing one, are numbered by their place in the document.
func assignIDs(doc Document, reviews []metamortem.Review) {
	count := map[string]int{}
	for _, r := range reviews {
		count[r.ID]++
	}
	for i := range reviews {
		if reviews[i].ID == "" || count[reviews[i].ID] > 1 {
			reviews[i].ID = doc.PathID(i + 1)
		}
	}
}
