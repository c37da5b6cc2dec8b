// Package reports is the last stage of the metamortem pipeline: it turns the results of
// analysis/ into documents a person reads.
//
// NewQuarterly runs the analyses over the stored reviews and catalog and writes the content of
// the quarterly report: the quarter at a glance against the one before, repeated incident
// classes, contributing-factor themes, the classes to finalise with their evidence, knowledge
// concentration, ownership gaps, action follow-through, review quality and an appendix of the
// reviews. Each section carries the table behind its chart and one sentence written from the
// numbers that says what they show and how many reviews they rest on. People are shown as
// stable pseudonyms (package privacy) unless names are asked for.
//
// WriteHTML writes that content as one self-contained HTML file, WriteMarkdown as Markdown to
// paste into a document and WriteJSON as data. The HTML file makes no network request: the
// Apache ECharts library, the styles and the scripts are all inlined, and a
// Content-Security-Policy forbids loading anything else. Chart options are built with
// go-echarts and handed to the page as JSON data, never as code, and all review text goes
// through html/template, so a title or component name can only ever show as text; Markdown
// escapes it. The same reviews and options always give byte-identical output: chart element
// IDs and anchors are fixed and nothing depends on the clock or on map order.
package reports
