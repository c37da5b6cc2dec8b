package ingest

import (
	"reflect"
	"testing"

	"github.com/metamortem/metamortem"
)

func TestParseCodeowners(t *testing.T) {
	cat := catalogOf(t, "CODEOWNERS", "codeowners")
	own := func(comp, pattern string, owners ...string) metamortem.Ownership {
		return metamortem.Ownership{Component: comp, Pattern: pattern, Owners: owners, Source: "codeowners"}
	}
	sameList(t, "ownership", cat.Ownership, []metamortem.Ownership{
		own("", "*", "@quillmark/reviewers"),
		own("invoice-api", "/services/invoice-api/", "@quillmark/billing", "@amensah"),
		own("press-queue", "/services/press-queue/", "@quillmark/ink"),
		own("", "docs/*", "writers@quillmark.example"),
		own("", "*.sql", "@quillmark/dba"),
		own("", "**/migrations", "@quillmark/dba", "@amensah"),
		own("", "/tools/My Tool/", "@bo-lindgren"),
		own("", "/vendor/"),
	})
}

func TestCodeownersLookup(t *testing.T) {
	cat := catalogOf(t, "CODEOWNERS", "codeowners")
	tests := []struct {
		path string
		want []string
	}{
		{"README.md", []string{"@quillmark/reviewers"}},
		{"services/invoice-api/main.go", []string{"@quillmark/billing", "@amensah"}},
		{"/services/invoice-api/main.go", []string{"@quillmark/billing", "@amensah"}},
		{"services/invoice-api/db/schema.sql", []string{"@quillmark/dba"}},
		{"services/invoice-api/migrations/001.go", []string{"@quillmark/dba", "@amensah"}},
		{"docs/intro.md", []string{"writers@quillmark.example"}},
		{"docs/api/intro.md", []string{"@quillmark/reviewers"}},
		{"web/docs/intro.md", []string{"@quillmark/reviewers"}},
		{"tools/My Tool/run.sh", []string{"@bo-lindgren"}},
		{"vendor/lib/x.go", nil},
	}
	for _, tt := range tests {
		if got := codeownersLookup(cat.Ownership, tt.path); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("codeownersLookup(%q) = %q; want %q", tt.path, got, tt.want)
		}
	}
	if got := codeownersLookup(nil, "a.go"); got != nil {
		t.Errorf("codeownersLookup(nil, %q) = %q; want nil", "a.go", got)
	}
}

func TestCodeownersPatternMatch(t *testing.T) {
	tests := []struct {
		pattern, path string
		want          bool
	}{
		{"*", "a/b/c.go", true},
		{"*.js", "a/b/c.js", true},
		{"*.js", "c.jsx", false},
		{"?.go", "a.go", true},
		{"?.go", "ab.go", false},
		{"apps/", "apps/a.go", true},
		{"apps/", "x/apps/a.go", true},
		{"apps/", "apps", false},
		{"/apps/", "x/apps/a.go", false},
		{"apps", "x/apps", true},
		{"apps", "x/apps/y/z.go", true},
		{"/build/logs/", "build/logs/a.txt", true},
		{"/build/logs/", "src/build/logs/a.txt", false},
		{"**/logs", "deeply/nested/logs/x", true},
		{"**/logs", "logs/x", true},
		{"docs/**", "docs/a/b.md", true},
		{"docs/*", "docs/a.md", true},
		{"docs/*", "docs/a/b.md", false},
		{"docs/*", "x/docs/a.md", false},
		{"a/**/b", "a/b", true},
		{"a/**/b", "a/x/y/b/c.go", true},
		{"a/**/b", "a/x/c", false},
		{"/Makefile", "Makefile", true},
		{"/Makefile", "sub/Makefile", false},
		{"Makefile", "sub/Makefile", true},
		{"/cmd/promtool", "cmd/promtool/main.go", true},
		{"/cmd/promtool", "cmd/promtoolx/main.go", false},
		{"foo*/", "foobar/x.go", true},
		{"a+b(c)", "a+b(c)", true},
		{"/", "a.go", false},
	}
	for _, tt := range tests {
		rules := []metamortem.Ownership{{Pattern: tt.pattern, Owners: []string{"@o"}}}
		if got := codeownersLookup(rules, tt.path) != nil; got != tt.want {
			t.Errorf("pattern %q matches %q = %v; want %v", tt.pattern, tt.path, got, tt.want)
		}
	}
}

func TestPatternComponent(t *testing.T) {
	tests := []struct{ pattern, want string }{
		{"/services/payments-api/", "payments-api"},
		{"/instrumentation/net/http/otelhttp/", "otelhttp"},
		{"bridges/otelslog", "otelslog"},
		{"/cmd/promtool", "promtool"},
		{"detectors/aws/ec2/v2", "ec2"},
		{"apps/payments/**", "payments"},
		{"pkg/cmd/attestation/verification/embed/tuf-repo.github.com/", "tuf-repo.github.com"},
		{"*", ""},
		{"*.js", ""},
		{"/Makefile", ""},
		{"CODEOWNERS", ""},
		{"README.md", ""},
		{"/web/ui/index.html", ""},
		{".github/", ""},
		{"docs/", ""},
		{"/tools/My Tool/", ""},
		{"src/**/*.go", ""},
	}
	for _, tt := range tests {
		if got := patternComponent(tt.pattern); got != tt.want {
			t.Errorf("patternComponent(%q) = %q; want %q", tt.pattern, got, tt.want)
		}
	}
}
