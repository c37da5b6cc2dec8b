// Package reports is the last stage of the metamortem pipeline: it turns the results of
// analysis/ into documents a person reads.
//
// WriteHTML writes an overview as one self-contained HTML file. The file makes no network
// request: the Apache ECharts library, the styles and the scripts are all inlined, and a
// Content-Security-Policy forbids loading anything else. Chart options are built with go-echarts
// and handed to the page as JSON data, never as code, and all review text goes through
// html/template, so a title or component name can only ever show as text. The same overview
// always gives byte-identical output: chart element IDs are fixed and nothing depends on the
// clock or on map order.
package reports
