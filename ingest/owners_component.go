package ingest

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/metamortem/metamortem"
	"gopkg.in/yaml.v3"
)

// componentOwnersFormat reads component_owners.yml, the file the OpenTelemetry repositories use
// to assign GitHub users to packages:
//
//	components:
//	  packages/instrumentation-pg:
//	    - someuser
//	  packages/instrumentation-fs: [] # Unmaintained
//
// Each path becomes an Ownership whose component is the path's last segment and whose owners
// are the handles with an "@" (as CODEOWNERS writes them). An empty list is kept as an
// Ownership without owners: an unowned component is a finding.
var componentOwnersFormat = Format{
	Name:       "component-owners",
	Extensions: []string{".yml", ".yaml"},
	Sniff:      sniffComponentOwners,
	Parse:      parseComponentOwners,
	Catalog:    true,
}

var reComponentsKey = regexp.MustCompile(`(?m)^components:[ \t]*(?:#.*)?$`)

// sniffComponentOwners recognises YAML whose top-level "components" key maps paths to lists of
// handles (not the alias file's list of {name, aliases} items).
func sniffComponentOwners(data []byte) bool {
	if len(data) > maxSniffYAML || !reComponentsKey.MatchString(sniffHead(data)) {
		return false
	}
	root, err := yamlMapping(data)
	if err != nil {
		return false
	}
	comps := mappingValue(root, "components")
	if comps == nil || comps.Kind != yaml.MappingNode || len(comps.Content) == 0 {
		return false
	}
	for i := 1; i < len(comps.Content); i += 2 {
		v := resolveAlias(comps.Content[i])
		if v.Kind != yaml.SequenceNode && v.Tag != "!!null" {
			return false
		}
		for _, item := range v.Content {
			if resolveAlias(item).Kind != yaml.ScalarNode {
				return false
			}
		}
	}
	return true
}

func parseComponentOwners(doc Document) (Result, error) {
	root, err := yamlMapping(doc.Data)
	if err != nil {
		return Result{}, err
	}
	comps := mappingValue(root, "components")
	if comps == nil {
		return Result{}, fmt.Errorf("no top-level components mapping")
	}
	if comps.Kind != yaml.MappingNode {
		return Result{}, fmt.Errorf("line %d: components: want a mapping of paths to owner lists", comps.Line)
	}
	var cat metamortem.Catalog
	for i := 0; i+1 < len(comps.Content); i += 2 {
		key, v := comps.Content[i], resolveAlias(comps.Content[i+1])
		path := strings.TrimSpace(key.Value)
		if path == "" {
			continue
		}
		if v.Kind == yaml.MappingNode {
			return Result{}, fmt.Errorf("line %d: component %q: want a list of owners, got a mapping", v.Line, path)
		}
		own := metamortem.Ownership{Component: lastSegment(path), Pattern: path, Source: "component-owners"}
		for _, h := range nodeStrings(v, true) {
			if !reEmail.MatchString(h) {
				h = "@" + strings.TrimPrefix(h, "@")
			}
			own.Owners = addUnique(own.Owners, h)
		}
		cat.Ownership = append(cat.Ownership, own)
	}
	return Result{Catalog: cat}, nil
}
