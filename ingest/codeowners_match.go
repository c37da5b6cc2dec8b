package ingest

import (
	"regexp"
	"strings"

	"github.com/metamortem/metamortem"
)

// codeownersLookup returns the owners of a file path (relative to the repository root, with
// forward slashes) under CODEOWNERS rules: the owners of the last rule whose pattern matches,
// or nil when none does. A matching rule without owners leaves the path unowned.
//
// Patterns follow GitHub's rules: a leading "/" or a slash inside the pattern anchors it at the
// root, otherwise it matches at any depth; a trailing "/" matches only what is inside such a
// directory; a pattern that matches a directory matches everything below it; "*" and "?" never
// cross a "/", "**" does ("**/logs", "docs/**", "a/**/b"); and "docs/*" matches the files
// directly in docs only.
func codeownersLookup(rules []metamortem.Ownership, path string) []string {
	path = strings.TrimPrefix(path, "/")
	for i := len(rules) - 1; i >= 0; i-- {
		if re := codeownersRegexp(rules[i].Pattern); re != nil && re.MatchString(path) {
			return rules[i].Owners
		}
	}
	return nil
}

// codeownersRegexp compiles a CODEOWNERS pattern into a regular expression over paths, or
// returns nil for an empty pattern.
func codeownersRegexp(pattern string) *regexp.Regexp {
	dirOnly := strings.HasSuffix(pattern, "/")
	p := strings.Trim(pattern, "/")
	if p == "" {
		return nil
	}
	anchored := strings.HasPrefix(pattern, "/") || strings.Contains(p, "/")
	var b strings.Builder
	b.WriteString("^")
	if !anchored {
		b.WriteString("(?:.*/)?")
	}
	for i := 0; i < len(p); i++ {
		switch {
		case strings.HasPrefix(p[i:], "**/"):
			b.WriteString("(?:.*/)?")
			i += 2
		case strings.HasPrefix(p[i:], "**"):
			b.WriteString(".*")
			i++
		case p[i] == '*':
			b.WriteString("[^/]*")
		case p[i] == '?':
			b.WriteString("[^/]")
		default:
			b.WriteString(regexp.QuoteMeta(p[i : i+1]))
		}
	}
	last := p[strings.LastIndexByte(p, '/')+1:]
	switch {
	case dirOnly:
		b.WriteString("/.*")
	case last == "**" || !strings.Contains(last, "*"):
		// A name (not a wildcard) matches a directory too, and so everything inside it.
		b.WriteString("(?:/.*)?")
	}
	b.WriteString("$")
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil
	}
	return re
}
