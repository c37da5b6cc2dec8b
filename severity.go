package metamortem

import (
	"regexp"
	"strconv"
	"strings"
)

var severityLevel = regexp.MustCompile(`(?i)^\s*(?:sev(?:erity)?|p|priority|level|s)[\s\-_:]*([0-9])\b`)

var severityWords = map[string]int{
	"critical": 1, "blocker": 1, "emergency": 1,
	"major": 2, "high": 2, "severe": 2,
	"medium": 3, "moderate": 3, "significant": 3,
	"minor": 4, "low": 4,
	"trivial": 5, "informational": 5, "info": 5,
}

// SeverityRank maps a severity as written to a rank where 1 is the worst, or nil when the text
// has no recognisable level. Numbered scales (SEV1, P2, "Severity 3") keep their number, except
// that level 0 ranks with level 1, since a scale that starts at 0 uses it for its worst incidents;
// words rank critical 1, major/high 2, medium 3, minor/low 4.
func SeverityRank(severity string) *int {
	s := strings.TrimSpace(severity)
	if s == "" {
		return nil
	}
	if m := severityLevel.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[1])
		return rank(max(n, 1))
	}
	if n, err := strconv.Atoi(s); err == nil && n >= 0 && n < 10 {
		return rank(max(n, 1))
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !('a' <= r && r <= 'z')
	}) {
		if n, ok := severityWords[w]; ok {
			return rank(n)
		}
	}
	return nil
}

func rank(n int) *int { return &n }
