package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// catalogFormats are ownership and identity sources: Backstage catalogs, CODEOWNERS, owners
// maps and alias files. Each is detected by content; they come before the permissive formats
// (CSV trackers, Markdown) in the table, so their sniffs are strict.
var catalogFormats = []Format{
	backstageFormat,
	componentOwnersFormat,
	aliasesFormat,
	codeownersFormat,
	maintainersFormat,
	ownersCSVFormat,
}

// emailPattern matches an e-mail address.
const emailPattern = `[\w.+-]+@[\w-]+(?:\.[\w-]+)+`

// reEmail matches a whole e-mail address.
var reEmail = regexp.MustCompile(`^` + emailPattern + `$`)

// sniffHead is the start of a document a catalog sniff looks at: at most sniffLimit bytes, cut
// at the last complete line when the document is longer, without a byte order mark. It is empty
// for binary data.
func sniffHead(data []byte) string {
	data = trimBOM(data)
	if len(data) > sniffLimit {
		data = data[:sniffLimit]
		if i := bytes.LastIndexByte(data, '\n'); i >= 0 {
			data = data[:i]
		}
	}
	if looksBinary(data) || !utf8.Valid(data) {
		return ""
	}
	return strings.ReplaceAll(string(data), "\r\n", "\n")
}

// addUnique appends the trimmed, non-empty values that list does not hold yet, compared without
// regard to case, keeping the order of first appearance.
func addUnique(list []string, values ...string) []string {
	for _, v := range values {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		dup := false
		for _, have := range list {
			if strings.EqualFold(have, v) {
				dup = true
				break
			}
		}
		if !dup {
			list = append(list, v)
		}
	}
	return list
}

// yamlList is a YAML value read as a list of strings: a sequence of scalars, or one scalar split
// at commas and semicolons ("pg-ledger, ledger-postgres"). Null is the empty list.
type yamlList []string

// UnmarshalYAML implements yaml.Unmarshaler.
func (l *yamlList) UnmarshalYAML(n *yaml.Node) error {
	n = resolveAlias(n)
	if n.Kind == yaml.MappingNode {
		return fmt.Errorf("line %d: want a list or a comma-separated string, got a mapping", n.Line)
	}
	*l = addUnique(nil, nodeStrings(n, true)...)
	return nil
}

// yamlError turns an error of the YAML decoder into one that starts with "line N: " when the
// decoder names a line, so that the failure points at it: "line 4: invalid YAML: …" for syntax
// errors, "line 4: value of the wrong type: !!seq" where a value does not fit.
func yamlError(err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg, _, _ := strings.Cut(te.Errors[0], " into ")
		return errors.New(strings.Replace(strings.TrimSpace(msg), "cannot unmarshal ", "value of the wrong type: ", 1))
	}
	msg, syntax := strings.CutPrefix(err.Error(), "yaml: ")
	kind := ""
	if syntax {
		kind = "invalid YAML: "
	}
	if m := reYAMLLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		msg, _, _ = strings.Cut(m[2], "\n")
		return fmt.Errorf("line %d: %s%s", n, kind, strings.TrimSpace(msg))
	}
	return fmt.Errorf("%s%s", kind, strings.TrimSpace(msg))
}

// entityName returns the plain name of a reference to a catalog entry: Backstage's
// "[kind:][namespace/]name" without the kind and without the default namespace, so that
// "group:default/payments" becomes "payments" while "backstage/maintainers" keeps its namespace.
func entityName(ref string) string {
	ref = strings.TrimSpace(ref)
	if kind, rest, ok := strings.Cut(ref, ":"); ok && kind != "" && !strings.ContainsAny(kind, "/ @") {
		ref = rest
	}
	if rest, ok := strings.CutPrefix(ref, "default/"); ok {
		ref = rest
	}
	return strings.TrimSpace(ref)
}

// lastSegment returns the last non-empty segment of a slash-separated path.
func lastSegment(p string) string {
	p = strings.Trim(p, "/")
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[i+1:]
	}
	return p
}

// maxSniffYAML is the largest document a sniff decodes as YAML to look at its shape.
const maxSniffYAML = 1 << 20

// yamlMapping decodes data as one YAML document and returns its top-level mapping, or nil when
// the data is no valid YAML or holds no mapping.
func yamlMapping(data []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(trimBOM(data), &doc); err != nil {
		return nil, yamlError(err)
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	if root := resolveAlias(doc.Content[0]); root.Kind == yaml.MappingNode {
		return root, nil
	}
	return nil, nil
}

// mappingValue returns the value of key in a YAML mapping, or nil.
func mappingValue(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return resolveAlias(m.Content[i+1])
		}
	}
	return nil
}
