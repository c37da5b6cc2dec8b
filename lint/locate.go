package lint

import (
	"strings"
	"unicode"

	"github.com/metamortem/metamortem/analysis"
)

// locator finds the line a piece of review text stands on. Importers strip markup, so lines
// and text are compared in a folded form: lower-case letters and digits, single spaces.
type locator struct {
	folded []string
	raw    []string
}

func newLocator(lines []string) *locator {
	l := &locator{raw: lines, folded: make([]string, len(lines))}
	for i, line := range lines {
		l.folded[i] = fold(line)
	}
	return l
}

// anchor returns the line of the part of the review a finding is about: the title's heading for
// the review as a whole, the section's heading, or the line a piece of text starts on.
func (l *locator) anchor(a analysis.Anchor) int {
	switch a.Kind {
	case analysis.AnchorHeading:
		return l.heading(a.Text)
	case analysis.AnchorText:
		return l.find(a.Text)
	default:
		return l.title(a.Text)
	}
}

// find returns the 1-based line of the first line holding the start of text (its first
// words), or 1 when it cannot be found.
func (l *locator) find(text string) int {
	words := strings.Fields(fold(text))
	if len(words) == 0 {
		return 1
	}
	for n := min(len(words), 6); n > 0; n-- {
		needle := strings.Join(words[:n], " ")
		if len(needle) < 4 && n < len(words) {
			continue
		}
		for i, f := range l.folded {
			if strings.Contains(f, needle) {
				return i + 1
			}
		}
		if n <= 2 {
			break
		}
	}
	return 1
}

// title returns the line of the heading that holds the review's title, else the first line
// holding the title, else 1: findings about a review as a whole point there.
func (l *locator) title(title string) int {
	t := fold(title)
	for i, raw := range l.raw {
		if strings.HasPrefix(strings.TrimSpace(raw), "#") && t != "" && strings.Contains(l.folded[i], t) {
			return i + 1
		}
	}
	return l.find(title)
}

// heading returns the line of the first heading whose folded text starts with name, or 1.
func (l *locator) heading(name string) int {
	for i, raw := range l.raw {
		t := strings.TrimSpace(raw)
		if strings.HasPrefix(t, "#") || strings.HasPrefix(t, "**") {
			if strings.HasPrefix(l.folded[i], name) {
				return i + 1
			}
		}
	}
	return 1
}

// fold lower-cases s, keeps letters and digits, and makes every other run one space.
func fold(s string) string {
	var b strings.Builder
	space := true
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(b.String())
}
