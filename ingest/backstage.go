package ingest

import (
	"bytes"
	"errors"
	"io"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/metamortem/metamortem"
	"gopkg.in/yaml.v3"
)

// backstageFormat reads Backstage catalog descriptors (catalog-info.yaml): YAML documents
// separated by "---", one entity each. Components, Resources and Systems become catalog
// components, Groups teams, Users people; other kinds (API, Domain, Location, Template) are
// skipped.
var backstageFormat = Format{
	Name:       "backstage",
	Extensions: []string{".yaml", ".yml"},
	Sniff:      sniffBackstage,
	Parse:      parseBackstage,
	Catalog:    true,
}

var (
	reBackstageAPI  = regexp.MustCompile(`(?m)^apiVersion:[ \t]*["']?backstage\.io/`)
	reBackstageKind = regexp.MustCompile(`(?m)^kind:[ \t]*["']?[A-Za-z]`)
)

// sniffBackstage recognises a YAML document with a top-level "apiVersion: backstage.io/…" and a
// "kind:". Scaffolder templates (apiVersion scaffolder.backstage.io) are not catalog entities.
func sniffBackstage(data []byte) bool {
	head := sniffHead(data)
	return reBackstageAPI.MatchString(head) && reBackstageKind.MatchString(head)
}

// backstageEntity is the part of a Backstage entity that ownership analyses use.
type backstageEntity struct {
	APIVersion string `yaml:"apiVersion"`
	Kind       string `yaml:"kind"`
	Metadata   struct {
		Name        string               `yaml:"name"`
		Namespace   string               `yaml:"namespace"`
		Title       string               `yaml:"title"`
		Annotations map[string]yaml.Node `yaml:"annotations"`
	} `yaml:"metadata"`
	Spec struct {
		Owner    string   `yaml:"owner"`
		System   string   `yaml:"system"`
		Domain   string   `yaml:"domain"`
		Parent   string   `yaml:"parent"`
		Children yamlList `yaml:"children"`
		Members  yamlList `yaml:"members"`
		MemberOf yamlList `yaml:"memberOf"`
		Profile  struct {
			DisplayName string `yaml:"displayName"`
			Email       string `yaml:"email"`
		} `yaml:"profile"`
	} `yaml:"spec"`
}

// aliases returns the other names an entity goes by: annotations whose key ends in "/aliases"
// or "/alias" (a list or a comma-separated string), "/initials", the GitHub team slug or user
// login as a handle, and "namespace/name" when the entity is outside the default namespace.
func (e *backstageEntity) aliases() []string {
	var out []string
	if ns := strings.TrimSpace(e.Metadata.Namespace); ns != "" && ns != "default" {
		out = addUnique(out, ns+"/"+strings.TrimSpace(e.Metadata.Name))
	}
	for _, key := range slices.Sorted(maps.Keys(e.Metadata.Annotations)) {
		n := e.Metadata.Annotations[key]
		switch k := strings.ToLower(key); {
		case strings.HasSuffix(k, "/aliases") || strings.HasSuffix(k, "/alias") || strings.HasSuffix(k, "/initials"):
			out = addUnique(out, nodeStrings(&n, true)...)
		case k == "github.com/team-slug" || k == "github.com/user-login":
			for _, h := range nodeStrings(&n, true) {
				out = addUnique(out, "@"+strings.TrimPrefix(h, "@"))
			}
		}
	}
	return out
}

// decodeBackstage reads the entities of a multi-document YAML stream. Documents that are not
// mappings (empty documents, stray scalars) are skipped.
func decodeBackstage(data []byte) ([]backstageEntity, error) {
	dec := yaml.NewDecoder(bytes.NewReader(trimBOM(data)))
	var out []backstageEntity
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, yamlError(err)
		}
		if len(doc.Content) == 0 || resolveAlias(doc.Content[0]).Kind != yaml.MappingNode {
			continue
		}
		var e backstageEntity
		if err := doc.Content[0].Decode(&e); err != nil {
			return nil, yamlError(err)
		}
		e.Metadata.Name = strings.TrimSpace(e.Metadata.Name)
		if e.Metadata.Name != "" && strings.Contains(e.APIVersion, "backstage.io/") {
			out = append(out, e)
		}
	}
}

func parseBackstage(doc Document) (Result, error) {
	entities, err := decodeBackstage(doc.Data)
	if err != nil {
		return Result{}, err
	}
	var cat metamortem.Catalog
	team := map[string]int{} // group name or namespace/name → index in cat.Teams
	var users []backstageEntity
	for i := range entities {
		e := &entities[i]
		name, title := e.Metadata.Name, strings.TrimSpace(e.Metadata.Title)
		switch strings.ToLower(e.Kind) {
		case "component", "resource":
			cat.Components = append(cat.Components, metamortem.CatalogComponent{
				Name: name, Title: title, Owner: entityName(e.Spec.Owner), System: entityName(e.Spec.System), Aliases: e.aliases(),
			})
		case "system":
			cat.Components = append(cat.Components, metamortem.CatalogComponent{
				Name: name, Title: title, Owner: entityName(e.Spec.Owner), System: entityName(e.Spec.Domain), Aliases: e.aliases(),
			})
		case "group":
			if title == "" {
				title = strings.TrimSpace(e.Spec.Profile.DisplayName)
			}
			t := metamortem.Team{Name: name, Title: title, Parent: entityName(e.Spec.Parent), Aliases: e.aliases()}
			for _, m := range e.Spec.Members {
				t.Members = addUnique(t.Members, entityName(m))
			}
			team[name] = len(cat.Teams)
			for _, a := range t.Aliases {
				team[a] = len(cat.Teams)
			}
			cat.Teams = append(cat.Teams, t)
		case "user":
			users = append(users, *e)
		}
	}
	// Children name their parent, users the groups they belong to: both complete the teams.
	for _, e := range entities {
		if strings.ToLower(e.Kind) != "group" {
			continue
		}
		for _, c := range e.Spec.Children {
			if i, ok := team[entityName(c)]; ok && cat.Teams[i].Parent == "" {
				cat.Teams[i].Parent = e.Metadata.Name
			}
		}
	}
	for _, u := range users {
		p := metamortem.CatalogPerson{
			Name:  u.Metadata.Name,
			Title: strings.TrimSpace(u.Spec.Profile.DisplayName),
			Email: strings.TrimSpace(u.Spec.Profile.Email),
		}
		for _, g := range u.Spec.MemberOf {
			g = entityName(g)
			p.Teams = addUnique(p.Teams, g)
			if i, ok := team[g]; ok {
				cat.Teams[i].Members = addUnique(cat.Teams[i].Members, p.Name)
			}
		}
		p.Aliases = u.aliases()
		if local, _, ok := strings.Cut(p.Email, "@"); ok {
			p.Aliases = addUnique(p.Aliases, local)
		}
		cat.People = append(cat.People, p)
	}
	return Result{Catalog: cat}, nil
}
