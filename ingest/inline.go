package ingest

import (
	"html"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
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
		return collapseSpace(s)
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
	// Up to three rounds unwrap nested strong emphasis; a round that changes nothing ends it.
	for i := 0; i < 3 && (strings.Contains(s, "**") || strings.Contains(s, "__")); i++ {
		next := reStrong.ReplaceAllString(s, "$1$2")
		if next == s {
			break
		}
		s = next
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
		s = codeMarks.Replace(s)
	}
	if strings.Contains(s, "&") {
		s = html.UnescapeString(s)
	}
	s = strings.ReplaceAll(s, "\u00a0", " ")
	return collapseSpace(s)
}

// collapseSpace trims s and turns each run of white space in it into one space, as
// strings.Join(strings.Fields(s), " ") does, without allocating for the common text that
// already has single spaces only.
func collapseSpace(s string) string {
	if isASCII(s) && !needsCollapse(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// needsCollapse reports whether ASCII text s has white space other than single spaces between
// words.
func needsCollapse(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\t', '\n', '\v', '\f', '\r':
			return true
		case ' ':
			if i == 0 || i == len(s)-1 || s[i-1] == ' ' {
				return true
			}
		}
	}
	return false
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

var (
	reNonSlug = regexp.MustCompile(`[^a-z0-9]+`)
	// slugQuotes drops apostrophes, so that "What didn't go well" is what_didnt_go_well.
	slugQuotes = strings.NewReplacer("'", "", "’", "")
	// codeMarks removes what is left of the placeholders cleanInline puts code spans in.
	codeMarks = strings.NewReplacer("\x00", "", "\x01", "")
)

// slug turns a heading into a section name: lower case, words joined by underscores.
func slug(s string) string {
	s = strings.ToLower(cleanInline(s))
	s = slugQuotes.Replace(s)
	return strings.Trim(reNonSlug.ReplaceAllString(s, "_"), "_")
}

// clip shortens s to at most n runes, cutting at a word boundary when it can.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimSpace(cut) + "…"
}
