package ingest

import (
	"fmt"
	"strings"
	"testing"
)

// TestDetectCatalog checks that ownership and identity sources are recognised by content, and
// that look-alikes of other families are left to them.
func TestDetectCatalog(t *testing.T) {
	tests := []struct {
		name, path, data, want string
	}{
		{"backstage without extension", "catalog", "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\nspec:\n  owner: b\n", "backstage"},
		{"backstage quoted", "c.yaml", "# catalog\napiVersion: \"backstage.io/v1alpha1\"\nkind: Group\nmetadata:\n  name: g\n", "backstage"},
		{"kubernetes manifest", "pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n", ""},
		{"scaffolder template", "template.yaml", "apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata:\n  name: t\n", ""},
		{"codeowners by content", "owners-file", "# owners\n* @org/all\n/api/ @org/api @alice\n", "codeowners"},
		{"codeowners with e-mail", "x", "docs/* docs@example.com\n", "codeowners"},
		{"codeowners unowned path", "x", "* @org/all\n/vendor/\n", "codeowners"},
		{"bare user names", "CODEOWNERS", "alice\nbob\ncarol\n", ""},
		{"handle bullets", "x.md", "- @alice\n- @bob\n", ""},
		{"key with handle", "x", "owner: @alice\n", ""},
		{"prose with handle", "x", "Thanks @alice for the fix\n", ""},
		{"component owners", "owners.yml", "components:\n  packages/a:\n    - alice\n  packages/b: []\n", "component-owners"},
		{"alias file", "people.yaml", "people:\n  - name: Ada\n    aliases: [AM]\n", "aliases"},
		{"alias file of components", "x.yml", "components:\n  - name: api\n    aliases: API\n", "aliases"},
		{"component list without aliases", "x.yml", "components:\n  - name: api\n", ""},
		{"people list of strings", "x.yml", "people:\n  - Ada\n  - Bo\n", ""},
		{"maintainers", "MAINTAINERS.md", "# Maintainers\n\n* Ada (ada@x.example / @ada)\n* Bo (@bo)\n", "maintainers"},
		{"maintainers without extension", "MAINTAINERS", "Maintainers of this project:\n\n- Ada <ada@x.example>\n- Bo <bo@x.example>\n", "maintainers"},
		{"review titled for owners", "review.md", "# Code owners outage\n\n## Responders\n\n- Ada (@ada)\n- Bo (@bo)\n", "markdown"},
		{"review with handles", "review.md", "# Outage of the API\n\nThe API was down for an hour.\n\n## Attendees\n\n- Ada (@ada)\n- Bo (@bo)\n", "markdown"},
		{"owners csv", "owners.csv", "component,team\napi,payments\n", "owners-csv"},
		{"owners tsv", "o", "service\towner\napi\tpayments\n", "owners-csv"},
		{"owners csv header only", "owners.csv", "component,team\n", ""},
		{"tracker csv", "t.csv", "id,title,component,owner,severity\n1,Outage,api,ada,SEV1\n", ""},
		{"owners map in JSON", "o.json", `{"components": {"a": ["b"]}}`, ""},
	}
	for _, tt := range tests {
		f, ok := Detect(tt.path, []byte(tt.data))
		got := ""
		if ok {
			got = f.Name
		}
		if tt.want == "" && ok && !f.Catalog {
			continue // claimed by another family, which is its business
		}
		if got != tt.want {
			t.Errorf("%s: Detect(%q) = %q; want %q", tt.name, tt.path, got, tt.want)
		}
	}
}

// TestCatalogMalformed feeds broken documents to every catalog format: none may panic, and a
// document that cannot be read is an error naming the line where it can.
func TestCatalogMalformed(t *testing.T) {
	tests := []struct {
		format Format
		data   string
		// err is a substring the error must contain, "" when the document must parse.
		err string
	}{
		{backstageFormat, "", ""},
		{backstageFormat, "---\n---\n", ""},
		{backstageFormat, "hello\n", ""},
		{backstageFormat, "- a\n- b\n", ""},
		{backstageFormat, "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: [x\n", "invalid YAML"},
		{backstageFormat, "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: [a, b]\n", "line 4: value of the wrong type: !!seq"},
		{backstageFormat, "apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: u\nspec:\n  memberOf: {a: b}\n", "line 6:"},
		{backstageFormat, "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\n---\nkind: [\n", "invalid YAML"},
		{backstageFormat, "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {}\nspec:\n  owner: x\n", ""},
		{backstageFormat, "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\n  annotations:\n    x/aliases: {a: b}\n", ""},
		{codeownersFormat, "", ""},
		{codeownersFormat, "!negated @a\n\\\n@\n#\n", ""},
		{componentOwnersFormat, "", "no top-level components"},
		{componentOwnersFormat, "components: [a, b]\n", "line 1:"},
		{componentOwnersFormat, "components:\n  a: {b: c}\n", "line 2:"},
		{componentOwnersFormat, "components:\n  a: [x\n", "invalid YAML"},
		{componentOwnersFormat, "components:\n  a:\n  \"\": [b]\n", ""},
		{maintainersFormat, "", ""},
		{maintainersFormat, "* (\n* `a`: (\n*  : @\n  * x (\n* `b`\n    * `c`: ((@d\n```\n* (e@f)\n", ""},
		{ownersCSVFormat, "", "line 1: not an owners header"},
		{ownersCSVFormat, "foo,bar\n1,2\n", "line 1: not an owners header"},
		{ownersCSVFormat, "service,owner\na,b,c\n", "line 2:"},
		{ownersCSVFormat, "service,owner\n\"a,b\n", "line 2:"},
		{ownersCSVFormat, "service,owner\n,nobody\n", ""},
		{aliasesFormat, "", ""},
		{aliasesFormat, "people: {a: b}\n", "line 1:"},
		{aliasesFormat, "people:\n  - aliases: [a]\n", "line 2: people entry has no name"},
		{aliasesFormat, "people:\n  - name: [a]\n", "line 2:"},
		{aliasesFormat, "people:\n  - name: a\n    aliases: {x: y}\n", "line 3:"},
		{aliasesFormat, "people:\n  - name: \"a\n", "invalid YAML"},
		{aliasesFormat, "people:\n  - 7\n", "line 2:"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%q", tt.format.Name, tt.data), func(t *testing.T) {
			var err error
			func() {
				defer func() {
					if p := recover(); p != nil {
						t.Fatalf("%s.Parse(%q) panicked: %v", tt.format.Name, tt.data, p)
					}
				}()
				tt.format.Sniff([]byte(tt.data))
				_, err = tt.format.Parse(NewDocument("doc", "doc", []byte(tt.data)))
			}()
			switch {
			case tt.err == "" && err != nil:
				t.Errorf("%s.Parse(%q) = %v; want no error", tt.format.Name, tt.data, err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Errorf("%s.Parse(%q) = %v; want an error containing %q", tt.format.Name, tt.data, err, tt.err)
			}
		})
	}
}
