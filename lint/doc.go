// Package lint checks single review documents before they are merged, the way a careful
// reviewer would: was the review written in time, does it have the depth a review needs
// (contributing factors, a timeline, customer and employee impact, difficulties during handling,
// owned and tracked actions), and is its language blameless.
//
// It sits beside the pipeline rather than in it: it reads documents through the importers of
// package ingest, so a review lints exactly as it will ingest, and it never touches the
// database. Every finding names its file, a line and the rule, with a principle for rewording.
package lint
