package ingest

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/metamortem/metamortem"
	"gopkg.in/yaml.v3"
)

// aliasesFormat reads metamortem's own alias files (people.yaml, components.yaml, or one file
// holding several of the keys): the other names people, components and teams go by in reviews,
// so that "PR", "@praman" and "Priya" all count as Priya Raman.
//
//	people:
//	  - name: Priya Raman                # canonical name (required)
//	    aliases: ["@praman", PR, Priya]  # list, or one comma-separated string
//	    email: priya@example.com         # optional
//	    title: Priya Raman (Payments)    # optional display name
//	    team: payments                   # or teams: [payments, platform]
//	components:
//	  - name: payments-api               # canonical name (required)
//	    aliases: [Payments API, payments]
//	    owner: payments                  # optional owning team
//	    system: money-movement           # optional
//	    title: Payments API              # optional
//	teams:
//	  - name: payments                   # canonical name (required)
//	    aliases: [Payments team, "@acme/payments"]
//	    members: [Priya Raman]           # optional
//	    parent: engineering              # optional
//	    title: Payments                  # optional
//
// Every entry needs a name; aliases may be empty.
var aliasesFormat = Format{
	Name:       "aliases",
	Extensions: []string{".yaml", ".yml"},
	Sniff:      sniffAliases,
	Parse:      parseAliases,
	Catalog:    true,
}

// aliasKeys are the top-level keys of an alias file.
var aliasKeys = []string{"people", "components", "teams"}

var reAliasKey = regexp.MustCompile(`(?m)^(?:people|components|teams):`)

// sniffAliases recognises an alias file: a top-level people, components or teams key holding a
// list of mappings that all have a name, at least one of them with aliases.
func sniffAliases(data []byte) bool {
	if len(data) > maxSniffYAML || !reAliasKey.MatchString(sniffHead(data)) {
		return false
	}
	root, err := yamlMapping(data)
	if err != nil || root == nil {
		return false
	}
	found := false
	for _, key := range aliasKeys {
		list := mappingValue(root, key)
		if list == nil {
			continue
		}
		if list.Kind != yaml.SequenceNode {
			return false
		}
		for _, item := range list.Content {
			item = resolveAlias(item)
			if mappingValue(item, "name") == nil {
				return false
			}
			found = found || mappingValue(item, "aliases") != nil
		}
	}
	return found
}

// aliasEntry is one item of an alias file, whatever its key.
type aliasEntry struct {
	Name    string   `yaml:"name"`
	Title   string   `yaml:"title"`
	Aliases yamlList `yaml:"aliases"`
	Email   string   `yaml:"email"`
	Team    yamlList `yaml:"team"`
	Teams   yamlList `yaml:"teams"`
	Owner   string   `yaml:"owner"`
	System  string   `yaml:"system"`
	Members yamlList `yaml:"members"`
	Parent  string   `yaml:"parent"`
}

func parseAliases(doc Document) (Result, error) {
	root, err := yamlMapping(doc.Data)
	if err != nil {
		return Result{}, err
	}
	var cat metamortem.Catalog
	for _, key := range aliasKeys {
		list := mappingValue(root, key)
		if list == nil {
			continue
		}
		if list.Kind != yaml.SequenceNode {
			return Result{}, fmt.Errorf("line %d: %s: want a list of entries with name and aliases", list.Line, key)
		}
		for _, item := range list.Content {
			var e aliasEntry
			if err := resolveAlias(item).Decode(&e); err != nil {
				return Result{}, yamlError(err)
			}
			if e.Name = strings.TrimSpace(e.Name); e.Name == "" {
				return Result{}, fmt.Errorf("line %d: %s entry has no name", item.Line, key)
			}
			title := strings.TrimSpace(e.Title)
			switch key {
			case "people":
				cat.People = append(cat.People, metamortem.CatalogPerson{
					Name: e.Name, Title: title, Email: strings.TrimSpace(e.Email),
					Teams: addUnique(addUnique(nil, e.Team...), e.Teams...), Aliases: e.Aliases,
				})
			case "components":
				owner := entityName(e.Owner)
				cat.Components = append(cat.Components, metamortem.CatalogComponent{
					Name: e.Name, Title: title, Owner: owner, System: strings.TrimSpace(e.System), Aliases: e.Aliases,
				})
			case "teams":
				cat.Teams = append(cat.Teams, metamortem.Team{
					Name: e.Name, Title: title, Parent: strings.TrimSpace(e.Parent), Members: e.Members, Aliases: e.Aliases,
				})
			}
		}
	}
	return Result{Catalog: cat}, nil
}
