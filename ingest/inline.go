package ingest

import (
	"html"
	"regexp"
	"strconv"
	"strings"
)

// Inline Markdown is flattened to plain text before it is stored: reviews are compared across
// documents, and emphasis, links and HTML would only add noise.

var (
	reImage      = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	reLink       = regexp.MustCompile(`\[([^\[\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)`)
	reRefLink    = regexp.MustCompile(`\[([^\[\]]+)\]\[[^\[\]]*\]`)
	reAutolink   = regexp.MustCompile(`<((?:https?|mailto|ftp)://?[^>\s]+)>`)
	reHTMLTag    = regexp.MustCompile(`</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>`)
	reHTMLCmt    = regexp.MustCompile(`<!--.*?-->`)
	reStrong     = regexp.MustCompile(`\*\*([^*]+?)\*\*|__([^_]+?)__`)
	reEmphStar   = regexp.MustCompile(`(^|[^\w*])\*([^*\s](?:[^*]*[^*\s])?)\*`)
	reEmphUnder  = regexp.MustCompile(`(^|[^\w_])_([^_\s](?:[^_]*[^_\s])?)_([^\w]|$)`)
	reStrike     = regexp.MustCompile(`~~([^~]+)~~`)
	reCodeSpan   = regexp.MustCompile("`+([^`]*)`+")
	reEscape     = regexp.MustCompile(`\\([\\` + "`" + `*_{}\[\]()#+\-.!|~<>])`)
	reStatusMark = regexp.MustCompile(`[✅✔☑❌✖✗✘⚠️]\x{FE0F}?`)
)

// cleanInline flattens one piece of inline Markdown to plain text: images are dropped, links
// keep their text, emphasis, code spans and HTML tags lose their markup, entities are decoded
// and runs of white space become one space.
func cleanInline(s string) string {
	if s == "" {
		return ""
	}
	// Each rewrite runs only when its marker is present: most text has no markup at all, and
	// the regular expressions dominate parse time otherwise.
	if !strings.ContainsAny(s, "<[*_~`\\!&") && isASCII(s) {
		return strings.Join(strings.Fields(s), " ")
	}
	if strings.Contains(s, "<!--") {
		s = reHTMLCmt.ReplaceAllString(s, " ")
	}
	if strings.Contains(s, "![") {
		s = reImage.ReplaceAllString(s, " ")
	}
	// Code spans first, so that markup inside them is kept literally.
	var codes []string
	if strings.Contains(s, "`") {
		s = reCodeSpan.ReplaceAllStringFunc(s, func(m string) string {
			inner := strings.Trim(m, "`")
			codes = append(codes, strings.TrimSpace(inner))
			return "\x00" + strconv.Itoa(len(codes)-1) + "\x01"
		})
	}
	if strings.Contains(s, "[") {
		s = reLink.ReplaceAllStringFunc(s, func(m string) string {
			sub := reLink.FindStringSubmatch(m)
			if strings.TrimSpace(sub[1]) == "" {
				return sub[2]
			}
			return sub[1]
		})
		s = reRefLink.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "<") {
		s = reAutolink.ReplaceAllString(s, "$1")
		s = reHTMLTag.ReplaceAllString(s, " ")
	}
	if strings.ContainsAny(s, "*_") {
		for i := 0; i < 3; i++ {
			s = reStrong.ReplaceAllString(s, "$1$2")
		}
	}
	if strings.Contains(s, "~~") {
		s = reStrike.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "*") {
		s = reEmphStar.ReplaceAllString(s, "$1$2")
	}
	if strings.Contains(s, "_") {
		s = reEmphUnder.ReplaceAllString(s, "$1$2$3")
	}
	if strings.Contains(s, "\\") {
		s = reEscape.ReplaceAllString(s, "$1")
	}
	if !isASCII(s) {
		s = reStatusMark.ReplaceAllString(s, " ")
	}
	for i, c := range codes {
		s = strings.Replace(s, "\x00"+strconv.Itoa(i)+"\x01", c, 1)
	}
	if len(codes) > 0 {
		s = strings.NewReplacer("\x00", "", "\x01", "").Replace(s)
	}
	if strings.Contains(s, "&") {
		s = html.UnescapeString(s)
	}
	s = strings.ReplaceAll(s, "\u00a0", " ")
	return strings.Join(strings.Fields(s), " ")
}

// isASCII reports whether s has only ASCII bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// stripWrapping removes emphasis markers that wrap a whole string, e.g. "**Owner:**".
func stripWrapping(s string) string {
	s = strings.TrimSpace(s)
	for {
		trimmed := false
		for _, w := range []string{"**", "__", "*", "_", "~~", "`"} {
			if len(s) > 2*len(w) && strings.HasPrefix(s, w) && strings.HasSuffix(s, w) {
				s = strings.TrimSpace(s[len(w) : len(s)-len(w)])
				trimmed = true
			}
		}
		if !trimmed {
			return s
		}
	}
}

var reNonSlug = regexp.MustCompile(`[^a-z0-9]+`)

// slug turns a heading into a section name: lower case, words joined by underscores.
func slug(s string) string {
	s = strings.ToLower(cleanInline(s))
	s = strings.NewReplacer("'", "", "’", "").Replace(s)
	return strings.Trim(reNonSlug.ReplaceAllString(s, "_"), "_")
}

// clip shortens s to at most n runes, cutting at a word boundary when it can.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimSpace(cut) + "…"
}
