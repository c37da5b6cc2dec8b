package ingest

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/metamortem/metamortem"
)

// codeownersFormat reads GitHub CODEOWNERS files: one rule per line, a path pattern followed by
// owners (@user, @org/team or an e-mail address); "#" starts a comment and "\ " escapes a space
// in a pattern. Each rule becomes one Ownership in file order; GitHub applies the last rule that
// matches a path (see codeownersLookup). As on GitHub, a line with invalid syntax (a negated
// "!pattern") is skipped, and a pattern with no owners leaves what it matches unowned.
var codeownersFormat = Format{
	Name:    "codeowners",
	Sniff:   sniffCodeowners,
	Parse:   parseCodeowners,
	Catalog: true,
}

// codeownersRule is one line of a CODEOWNERS file.
type codeownersRule struct {
	pattern string
	owners  []string
	other   []string // tokens after the pattern that are not owners
}

// splitCodeownersLine splits a line into its pattern and owners. ok is false for blank lines
// and comments.
func splitCodeownersLine(line string) (r codeownersRule, ok bool) {
	var tokens []string
	var tok strings.Builder
	inTok := false
	flush := func() {
		if inTok {
			tokens = append(tokens, tok.String())
			tok.Reset()
			inTok = false
		}
	}
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '\\' && i+1 < len(line):
			i++
			tok.WriteByte(line[i])
			inTok = true
		case c == ' ' || c == '\t' || c == '\r':
			flush()
		case c == '#' && !inTok:
			// A comment: the whole line, or the rest of it after the owners.
			i = len(line)
		default:
			tok.WriteByte(c)
			inTok = true
		}
	}
	flush()
	if len(tokens) == 0 {
		return r, false
	}
	r.pattern = tokens[0]
	for _, t := range tokens[1:] {
		if isOwnerToken(t) {
			r.owners = append(r.owners, t)
		} else {
			r.other = append(r.other, t)
		}
	}
	return r, true
}

// isOwnerToken reports whether t names an owner: @user, @org/team or an e-mail address.
func isOwnerToken(t string) bool {
	return reHandle.MatchString(t) || reEmail.MatchString(t)
}

// sniffCodeowners recognises a CODEOWNERS file by content: every line that is neither blank nor
// a comment is a path pattern followed only by owners, at least one line has owners, and a line
// without owners has a pattern that is plainly a path (with a "/" or a "*").
func sniffCodeowners(data []byte) bool {
	head := sniffHead(data)
	owned := 0
	for _, line := range strings.Split(head, "\n") {
		r, ok := splitCodeownersLine(line)
		if !ok {
			continue
		}
		if len(r.other) > 0 || !plausiblePattern(r.pattern) || len(r.owners) == 0 && !strings.ContainsAny(r.pattern, "/*") {
			return false
		}
		if len(r.owners) > 0 {
			owned++
		}
	}
	return owned > 0
}

// plausiblePattern rejects first tokens that are list bullets or keys rather than paths.
func plausiblePattern(p string) bool {
	switch p {
	case "-", "+", ">", "|", "*)", "-->":
		return false
	}
	return !strings.HasSuffix(p, ":") && !strings.HasSuffix(p, ",") && !strings.HasPrefix(p, "<") &&
		!strings.ContainsAny(p, "\"'()")
}

func parseCodeowners(doc Document) (Result, error) {
	data := string(trimBOM(doc.Data))
	var cat metamortem.Catalog
	for n, line := range strings.Split(data, "\n") {
		if !utf8.ValidString(line) {
			return Result{}, fmt.Errorf("line %d: not UTF-8 text", n+1)
		}
		r, ok := splitCodeownersLine(line)
		if !ok || strings.HasPrefix(r.pattern, "!") {
			continue
		}
		cat.Ownership = append(cat.Ownership, metamortem.Ownership{
			Component: patternComponent(r.pattern),
			Pattern:   r.pattern,
			Owners:    r.owners,
			Source:    "codeowners",
		})
	}
	return Result{Catalog: cat}, nil
}

var (
	reComponentName = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*[a-z0-9]$`)
	reFileName      = regexp.MustCompile(`\.[a-z0-9]{1,5}$`)
	reVersionDir    = regexp.MustCompile(`^v\d+$`)
)

// notComponents are directory names that hold code of every component, not one of them.
var notComponents = map[string]bool{
	"docs": true, "doc": true, "documentation": true, "test": true, "tests": true, "testdata": true,
	"examples": true, "example": true, "scripts": true, "vendor": true, "src": true, "lib": true,
	"pkg": true, "internal": true, "migrations": true, "cmd": true, "packages": true, "apps": true, "services": true,
	"build": true, "dist": true, "bin": true, "config": true, "configs": true,
}

// patternComponent derives a component name from an ownership pattern that names a directory:
// its last segment, when that reads as a component name ("/services/payments-api/" gives
// "payments-api", "/instrumentation/net/http/otelhttp/" gives "otelhttp"). A trailing version
// segment ("detectors/aws/ec2/v2") is skipped. Globs ("*", "*.js"), files ("/Makefile",
// "README.md"), hidden and generic directories ("docs/", ".github/") give "".
func patternComponent(pattern string) string {
	p := strings.TrimSuffix(strings.TrimSuffix(pattern, "/**"), "/*")
	dir := p != pattern || strings.HasSuffix(p, "/")
	segs := strings.Split(strings.Trim(p, "/"), "/")
	for len(segs) > 1 && reVersionDir.MatchString(segs[len(segs)-1]) {
		segs = segs[:len(segs)-1]
	}
	name := segs[len(segs)-1]
	if strings.ContainsAny(name, "*?[") || !reComponentName.MatchString(name) || notComponents[name] {
		return ""
	}
	if !dir && (reFileName.MatchString(name) || strings.Contains(name, ".")) {
		// Without a trailing slash a dotted name is more likely a file than a directory.
		return ""
	}
	return name
}
