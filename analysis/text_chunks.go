package analysis

import (
	"regexp"
	"strings"
)

// Chunks of text between white space that are wholly one incidental thing, tried in order.
var (
	reTicket  = regexp.MustCompile(`^(?:[A-Z][A-Z0-9]{1,9}-\d{1,7}|[\w.-]*#\d{1,7})$`)
	reIPv4    = regexp.MustCompile(`^\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5}|/\d{1,2})?$`)
	reIPv6    = regexp.MustCompile(`^(?i)[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?:/\d{1,3})?$`)
	reDate    = regexp.MustCompile(`^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[T ]\S*)?|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})$`)
	reTime    = regexp.MustCompile(`^(?i)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:am|pm|z|utc)?$`)
	reVersion = regexp.MustCompile(`^(?i)(?:v\d+(?:\.\d+)*|\d+(?:\.\d+){2,})(?:[-+][0-9a-z.-]+)?$`)
	reEmail   = regexp.MustCompile(`^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$`)
	reHandle  = regexp.MustCompile(`^@[A-Za-z][\w.-]*$`)
	reNumber  = regexp.MustCompile(`^\d+(?:[.,]\d+)*$`)
	reHost    = regexp.MustCompile(`^(?i)[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?)+(?::\d{1,5})?$`)
)

// fileExtensions are name endings that make a dotted word a file rather than a host.
var fileExtensions = map[string]bool{
	"json": true, "yaml": true, "yml": true, "toml": true, "ini": true, "conf": true, "cfg": true,
	"xml": true, "env": true, "properties": true, "ts": true, "js": true, "jsx": true, "tsx": true,
	"go": true, "py": true, "rb": true, "java": true, "cs": true, "kt": true, "rs": true, "php": true,
	"sh": true, "ps1": true, "md": true, "txt": true, "log": true, "sql": true, "html": true,
	"css": true, "tf": true, "tfvars": true, "lock": true, "whl": true, "jar": true, "tar": true,
	"gz": true, "tgz": true, "zip": true, "rar": true, "exe": true, "dll": true, "so": true,
	"pem": true, "crt": true, "key": true, "csv": true,
}

// classifyChunk returns the kind of incidental text chunk is in its entirety, or "" when it is
// ordinary words. chunk has no white space and no punctuation at its ends.
func classifyChunk(chunk string) Mask {
	if mask, ok := classifyPlain(chunk); ok {
		return mask
	}
	return classifyPattern(chunk)
}

// classifyPlain classifies, without regular expressions, the commonest chunks: those made only
// of ASCII letters, digits, apostrophes and hyphens that do not hold both a hyphen and a digit.
// Every test of classifyPattern needs something such a chunk lacks ("@", "#", ".", "/", ":", a
// backslash, a comma, or a hyphen together with digits), except reNumber, which matches it when
// it is all digits. ok is false for any other chunk, which classifyPattern must then classify.
func classifyPlain(chunk string) (mask Mask, ok bool) {
	digits, hyphen := 0, false
	for i := 0; i < len(chunk); i++ {
		switch c := chunk[i]; {
		case '0' <= c && c <= '9':
			digits++
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', c == '\'':
		case c == '-':
			hyphen = true
		default:
			return "", false
		}
	}
	switch {
	case digits > 0 && hyphen:
		return "", false
	case digits > 0 && digits == len(chunk):
		return MaskNumber, true
	}
	return "", true
}

// classifyPattern is classifyChunk by its regular expressions, for any chunk.
func classifyPattern(chunk string) Mask {
	switch {
	case strings.Contains(chunk, "://") || strings.HasPrefix(strings.ToLower(chunk), "www."):
		return MaskURL
	case strings.ContainsRune(chunk, '@'):
		switch {
		case reHandle.MatchString(chunk):
			return MaskPerson
		case reEmail.MatchString(chunk):
			return MaskEmail
		}
		return ""
	case maybeTicket(chunk) && reTicket.MatchString(chunk):
		return MaskTicket
	}
	if startsWithDigit(chunk) {
		switch {
		case reDate.MatchString(chunk):
			return MaskDate
		case reVersion.MatchString(chunk):
			return MaskVersion
		case reNumber.MatchString(chunk):
			return MaskNumber
		}
	}
	if !strings.ContainsAny(chunk, "./\\:") {
		return ""
	}
	digit := startsWithDigit(chunk)
	switch {
	case digit && reIPv4.MatchString(chunk):
		return MaskIP
	case digit && reTime.MatchString(chunk):
		return MaskTime
	case (digit || chunk[0] == 'v' || chunk[0] == 'V') && reVersion.MatchString(chunk):
		return MaskVersion
	case strings.Count(chunk, ":") >= 2 && reIPv6.MatchString(chunk):
		return MaskIP
	case isPath(chunk):
		return MaskPath
	case reHost.MatchString(chunk) && isHostname(chunk):
		return MaskHost
	}
	return ""
}

// maybeTicket reports whether chunk has what reTicket needs: a "#", or a capital first letter
// and a hyphen.
func maybeTicket(chunk string) bool {
	return strings.IndexByte(chunk, '#') >= 0 || chunk != "" && 'A' <= chunk[0] && chunk[0] <= 'Z' && strings.IndexByte(chunk, '-') >= 0
}

// isPath reports whether chunk is a file path: rooted ("/var/log", "./x", "~/x", "C:\x"), made
// of three or more segments, or a file name with a known extension ("values.yaml").
func isPath(chunk string) bool {
	if strings.ContainsRune(chunk, '\\') {
		return true
	}
	if strings.HasPrefix(chunk, "./") || strings.HasPrefix(chunk, "../") || strings.HasPrefix(chunk, "~/") ||
		strings.HasPrefix(chunk, "/") && len(chunk) > 1 || strings.Count(chunk, "/") >= 2 {
		return true
	}
	last := chunk[strings.LastIndexByte(chunk, '/')+1:]
	dot := strings.LastIndexByte(last, '.')
	return dot > 0 && fileExtensions[strings.ToLower(last[dot+1:])]
}

// isHostname reports whether a dotted word that looks like a host name really is one: its last
// label is letters only, of two or more ("db1.prod.example.com", "api.internal"), so that
// abbreviations such as "e.g" stay words.
func isHostname(chunk string) bool {
	host, _, _ := strings.Cut(chunk, ":")
	last := host[strings.LastIndexByte(host, '.')+1:]
	if len(last) < 2 {
		return false
	}
	for _, r := range last {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') {
			return false
		}
	}
	return true
}

// nameTrie finds names, as sequences of lower-case words, in a statement's words.
type nameTrie map[string]*nameNode

type nameNode struct {
	mask  Mask // set where a name ends
	upper bool // the name, one word, must be capitalised in the text
	next  nameTrie
}

// add records a name; the first kind given for a name wins. With upper, the name (one word)
// matches only capitalised words.
func (t nameTrie) add(words []string, mask Mask, upper bool) {
	if len(words) == 0 {
		return
	}
	node := t[words[0]]
	if node == nil {
		node = &nameNode{}
		t[words[0]] = node
	}
	for _, w := range words[1:] {
		if node.next == nil {
			node.next = nameTrie{}
		}
		child := node.next[w]
		if child == nil {
			child = &nameNode{}
			node.next[w] = child
		}
		node = child
	}
	if node.mask == "" {
		node.mask, node.upper = mask, upper
	} else if !upper {
		node.upper = false
	}
}

// replace replaces every name in ws with a placeholder, taking the longest name that starts at
// each word.
func (t nameTrie) replace(ws []word) []word { return t.appendReplaced(make([]word, 0, len(ws)), ws) }

// appendReplaced appends ws, with names replaced as replace does, to out.
func (t nameTrie) appendReplaced(out []word, ws []word) []word {
	for i := 0; i < len(ws); i++ {
		end, mask := i, Mask("")
		level := t
		for j := i; j < len(ws) && level != nil; j++ {
			if ws[j].mask != "" || ws[j].isBreak() {
				break
			}
			node := level[ws[j].text]
			if node == nil {
				break
			}
			if node.mask != "" && (!node.upper || ws[j].upper) {
				end, mask = j+1, node.mask
			}
			level = node.next
		}
		if mask == "" {
			out = append(out, ws[i])
			continue
		}
		out = append(out, word{mask: mask})
		i = end - 1
	}
	return out
}
