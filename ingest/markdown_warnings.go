package ingest

import (
	"fmt"

	"gopkg.in/yaml.v3"
)

// frontMatterTimeKeys are the front matter keys that hold a time.
var frontMatterTimeKeys = []string{
	"start_time", "started", "started_at", "start", "date", "incident_date",
	"detected_at", "detected", "mitigated_at", "mitigated",
	"end_time", "ended", "ended_at", "end", "resolved", "resolved_at",
	"reviewed", "reviewed_at", "review_date",
}

// parseMarkdownResult reads a Markdown document and warns about front matter times that are
// written but cannot be read (2025-02-30, "sometime Tuesday"): the review goes in without
// them, and the warning says which line to fix.
func parseMarkdownResult(doc Document) (Result, error) {
	reviews, fm, fmLine, err := readMarkdown(doc)
	if err != nil {
		return Result{}, err
	}
	return Result{Reviews: reviews, Warnings: frontMatterTimeWarnings(fm, fmLine)}, nil
}

// frontMatterTimeWarnings lists the time keys of front matter starting at file line first whose
// values are not times that exist.
func frontMatterTimeWarnings(fm frontMatter, first int) []error {
	var warnings []error
	for _, k := range frontMatterTimeKeys {
		n := fm.fields[k]
		if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" || n.Value == "" {
			continue
		}
		if _, _, ok := parseWhen(n.Value, ymd{}, nil); !ok {
			warnings = append(warnings, fmt.Errorf("line %d: front matter %s %q is not a time that exists; left out", first+n.Line-1, k, n.Value))
		}
	}
	return warnings
}
