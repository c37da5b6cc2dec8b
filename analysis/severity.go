package analysis

import (
	"cmp"
	"regexp"
	"slices"
	"strings"

	"github.com/metamortem/metamortem"
)

// UnknownSeverity is the label of reviews whose severity is not written.
const UnknownSeverity = "unknown"

var severityLevel = regexp.MustCompile(`(?i)^(sev(?:erity)?|p(?:riority)?)[\s\-_:]*([0-9])\b`)

// SeverityLabel normalises a severity as written so that spellings of the same level count
// together: "sev 2", "Sev-2" and "severity2" become "SEV2", "p1" and "Priority 1" become "P1",
// a level followed by words ("SEV3 (internal users only)") is that level,
// and any other text is trimmed, lower-cased and has its runs of spaces made single ("Major"
// becomes "major"). An empty severity is UnknownSeverity.
func SeverityLabel(severity string) string {
	s := strings.Join(strings.Fields(severity), " ")
	if s == "" {
		return UnknownSeverity
	}
	if m := severityLevel.FindStringSubmatch(s); m != nil {
		prefix := "P"
		if strings.HasPrefix(strings.ToLower(m[1]), "sev") {
			prefix = "SEV"
		}
		return prefix + m[2]
	}
	return strings.ToLower(s)
}

// sortSeverities orders severity labels worst first by their rank, labels with no rank after
// those with one, UnknownSeverity last, and ties by label.
func sortSeverities(labels []string) {
	key := func(label string) int {
		switch r := metamortem.SeverityRank(label); {
		case label == UnknownSeverity:
			return 1 << 30
		case r == nil:
			return 1 << 29
		default:
			return *r
		}
	}
	slices.SortFunc(labels, func(a, b string) int {
		return cmp.Or(cmp.Compare(key(a), key(b)), strings.Compare(a, b))
	})
}
