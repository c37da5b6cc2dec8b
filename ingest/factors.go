package ingest

import (
	"regexp"
	"strings"

	"github.com/metamortem/metamortem"
)

// Contributing factors are the statements of factor sections (Contributing Factors, Root
// Cause(s), Trigger, "What caused the incident?", "Why did it happen?"): one per list item, else
// one per paragraph, plus labelled lines such as "**Root cause:** text" anywhere in the review.

var reLabelLine = regexp.MustCompile(`^(?:\*\*|__)([^*_]{2,60}?):?(?:\*\*|__)\s*:?\s*(\S.*)$`)

// extractFactors returns the contributing factors of the sections below roots.
func extractFactors(roots []*section) []metamortem.Factor {
	var out []metamortem.Factor
	seen := map[string]bool{}
	add := func(text string) {
		text = cleanInline(text)
		key := strings.ToLower(text)
		if text == "" || seen[key] || strings.Trim(text, ".…-– ") == "" {
			return
		}
		seen[key] = true
		out = append(out, metamortem.Factor{Text: text})
	}
	for _, r := range roots {
		r.walk(func(s *section) {
			blocks := s.blocks()
			if s.effectiveKind() == kindFactors {
				for _, b := range statements(blocks) {
					add(b.text)
				}
				return
			}
			for _, b := range blocks {
				if b.kind != blockPara {
					continue
				}
				for _, ln := range strings.Split(b.text, "\n") {
					if m := reLabelLine.FindStringSubmatch(strings.TrimSpace(ln)); m != nil {
						if k, exact := classifyTitle(m[1]); exact && k == kindFactors {
							add(m[2])
						}
					}
				}
			}
		})
	}
	return out
}
