package ingest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Front matter is a YAML mapping between "---" lines at the very top of a document. It is decoded
// into yaml.Node rather than Go values so that scalars keep the text they were written with:
// "id: 0123" is the ID "0123" and "id: NO" is "NO", not a number or a boolean.

// frontMatter holds the front matter's top-level keys, normalised by fmKey, and their values.
type frontMatter struct {
	fields map[string]*yaml.Node
}

// splitFrontMatter separates front matter from the body. It returns the YAML text, the line
// number of its first line, the body and the line number of the body's first line. Without a
// closed front matter block the whole text is the body.
func splitFrontMatter(data string) (yamlText string, yamlLine int, body string, bodyLine int, ok bool) {
	first, rest, found := strings.Cut(data, "\n")
	if !found || strings.TrimRight(first, " \t\r") != "---" {
		return "", 0, data, 1, false
	}
	n := 2
	for off := 0; off < len(rest); {
		end := strings.IndexByte(rest[off:], '\n')
		line := rest[off:]
		next := len(rest)
		if end >= 0 {
			line = rest[off : off+end]
			next = off + end + 1
		}
		if t := strings.TrimRight(line, " \t\r"); t == "---" || t == "..." {
			return rest[:off], 2, rest[next:], n + 1, true
		}
		off = next
		n++
	}
	return "", 0, data, 1, false
}

var reYAMLLine = regexp.MustCompile(`line (\d+):?\s*(.*)`)

// parseFrontMatter decodes front matter that starts at file line first. ok is false when the
// block holds no mapping (a document that merely starts with a thematic break). Invalid YAML is
// an error naming the file line.
func parseFrontMatter(text string, first int) (fm frontMatter, ok bool, err error) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		line := first
		if m := reYAMLLine.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			line = first + n - 1
			msg = m[2]
		}
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		return frontMatter{}, false, fmt.Errorf("front matter line %d: %s", line, strings.TrimSpace(msg))
	}
	fm.fields = map[string]*yaml.Node{}
	if len(doc.Content) == 0 {
		return fm, true, nil
	}
	root := resolveAlias(doc.Content[0])
	if root.Kind != yaml.MappingNode {
		return frontMatter{}, false, nil
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := fmKey(root.Content[i].Value)
		if _, dup := fm.fields[k]; !dup {
			fm.fields[k] = resolveAlias(root.Content[i+1])
		}
	}
	return fm, true, nil
}

func resolveAlias(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && n.Alias != nil && i < 10; i++ {
		n = n.Alias
	}
	return n
}

// fmKeySeparators are the separators fmKey turns into underscores.
var fmKeySeparators = strings.NewReplacer("-", "_", " ", "_")

// fmKey normalises a front matter key: "Start-Time" and "start time" become "start_time".
func fmKey(k string) string {
	return fmKeySeparators.Replace(strings.ToLower(strings.TrimSpace(k)))
}

// scalar returns the first of keys that holds a non-empty scalar, as written.
func (fm frontMatter) scalar(keys ...string) string {
	for _, k := range keys {
		if n := fm.fields[k]; n != nil && n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
			if v := strings.TrimSpace(n.Value); v != "" {
				return v
			}
		}
	}
	return ""
}

// list returns the values of keys as a list of strings: sequence items, or a scalar split at
// commas when split is set. Mapping items contribute their "name" value.
func (fm frontMatter) list(split bool, keys ...string) []string {
	var out []string
	for _, k := range keys {
		n := fm.fields[k]
		if n == nil {
			continue
		}
		out = append(out, nodeStrings(n, split)...)
	}
	return out
}

func nodeStrings(n *yaml.Node, split bool) []string {
	n = resolveAlias(n)
	var out []string
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return nil
		}
		if !split {
			return []string{strings.TrimSpace(n.Value)}
		}
		for _, p := range strings.FieldsFunc(n.Value, func(r rune) bool { return r == ',' || r == ';' }) {
			out = append(out, strings.TrimSpace(p))
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			out = append(out, nodeStrings(c, false)...)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if fmKey(n.Content[i].Value) == "name" {
				out = append(out, nodeStrings(n.Content[i+1], false)...)
			}
		}
	}
	return out
}

// people returns the persons listed under key: scalars, sequences of names, or sequences of
// mappings with "name" and optionally "role".
func (fm frontMatter) people(key string) (names []string, roles []string) {
	n := fm.fields[key]
	if n == nil {
		return nil, nil
	}
	add := func(c *yaml.Node) {
		c = resolveAlias(c)
		switch c.Kind {
		case yaml.ScalarNode:
			for _, p := range splitNames(c.Value) {
				names, roles = append(names, p), append(roles, "")
			}
		case yaml.MappingNode:
			var name, role string
			for i := 0; i+1 < len(c.Content); i += 2 {
				switch fmKey(c.Content[i].Value) {
				case "name":
					name = c.Content[i+1].Value
				case "role":
					role = c.Content[i+1].Value
				}
			}
			if name != "" {
				names, roles = append(names, name), append(roles, role)
			}
		}
	}
	if n.Kind == yaml.SequenceNode {
		for _, c := range n.Content {
			add(c)
		}
	} else {
		add(n)
	}
	return names, roles
}
