package ingest

import (
	"reflect"
	"testing"

	"github.com/metamortem/metamortem"
)

func TestParseMaintainers(t *testing.T) {
	cat := catalogOf(t, "MAINTAINERS.md", "maintainers")
	own := func(comp, pattern string, owners ...string) metamortem.Ownership {
		return metamortem.Ownership{Component: comp, Pattern: pattern, Owners: owners, Source: "maintainers"}
	}
	sameList(t, "ownership", cat.Ownership, []metamortem.Ownership{
		own("invoice-api", "services/invoice-api", "@amensah"),
		own("press-queue", "services/press-queue", "@ceze", "@droy"),
		own("render", "services/press-queue/render", "@droy"),
		own("docs", "docs", "@blindgren"),
	})
	sameList(t, "teams", cat.Teams, []metamortem.Team{
		{Name: "general-maintainers", Title: "General maintainers", Members: []string{"Ada Mensah", "Bo Lindgren"}},
	})
	sameList(t, "people", cat.People, []metamortem.CatalogPerson{
		{Name: "Ada Mensah", Email: "ada@maintainers.example", Teams: []string{"general-maintainers"}, Aliases: []string{"@amensah", "ada@maintainers.example"}},
		{Name: "Bo Lindgren", Email: "bo@maintainers.example", Teams: []string{"general-maintainers"}, Aliases: []string{"@blindgren", "bo@maintainers.example"}},
		{Name: "Chidi Eze", Email: "chidi@maintainers.example", Aliases: []string{"@ceze", "chidi@maintainers.example"}},
		{Name: "Dana Roy", Email: "dana@maintainers.example", Aliases: []string{"@droy", "dana@maintainers.example"}},
	})
}

func TestParseContacts(t *testing.T) {
	tests := []struct {
		in   string
		want []contact
	}{
		{"Ada Mensah (ada@x.example / @amensah)", []contact{{"Ada Mensah", "ada@x.example", "@amensah"}}},
		{"Ada Mensah (<ada@x.example> / @amensah), Bo Lindgren (@blindgren)",
			[]contact{{"Ada Mensah", "ada@x.example", "@amensah"}, {"Bo Lindgren", "", "@blindgren"}}},
		// The closing parenthesis of the first contact is missing.
		{"Ada Mensah (<ada@x.example> / @amensah, Bo Lindgren (<bo@x.example> / @blindgren)",
			[]contact{{"Ada Mensah", "ada@x.example", "@amensah"}, {"Bo Lindgren", "bo@x.example", "@blindgren"}}},
		{"@amensah, @blindgren", []contact{{"", "", "@amensah"}, {"", "", "@blindgren"}}},
		{"Ada Mensah <ada@x.example> and Bo Lindgren", []contact{{"Ada Mensah", "ada@x.example", ""}, {"Bo Lindgren", "", ""}}},
		{"Ada Mensah (emeritus)", []contact{{"Ada Mensah", "", ""}}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := parseContacts(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseContacts(%q) = %+v; want %+v", tt.in, got, tt.want)
		}
	}
}

func TestParseComponentOwners(t *testing.T) {
	cat := catalogOf(t, "component_owners.yml", "component-owners")
	own := func(comp, pattern string, owners ...string) metamortem.Ownership {
		return metamortem.Ownership{Component: comp, Pattern: pattern, Owners: owners, Source: "component-owners"}
	}
	sameList(t, "ownership", cat.Ownership, []metamortem.Ownership{
		own("invoice-client", "packages/invoice-client", "@amensah", "@bo-lindgren"),
		own("press-queue-client", "packages/press-queue-client"),
		own("pdf-render", "packages/pdf-render", "@amensah"),
	})
}

func TestParseOwnersCSV(t *testing.T) {
	cat := catalogOf(t, "owners.csv", "owners-csv")
	sameList(t, "components", cat.Components, []metamortem.CatalogComponent{
		{Name: "invoice-api", Owner: "billing", System: "invoicing"},
		{Name: "press-queue", Owner: "ink", System: "printing"},
		{Name: "legacy-fax"},
	})
	sameList(t, "ownership", cat.Ownership, []metamortem.Ownership{
		{Component: "invoice-api", Owners: []string{"billing"}, Source: "owners-csv"},
		{Component: "press-queue", Owners: []string{"ink", "print-ops"}, Source: "owners-csv"},
		{Component: "legacy-fax", Source: "owners-csv"},
	})
}

func TestOwnersHeader(t *testing.T) {
	tests := []struct {
		header string
		want   bool
	}{
		{"component,team", true},
		{"service,owner", true},
		{"Component;Owner;Aliases", true},
		{"service\towners\tsystem\tpath", true},
		{"\"component\",\"owning_team\"", true},
		{"component,team,owner", true},
		{"component,owner,title,system,aliases", false},
		{"component", false},
		{"component,system", false},
		{"team,owner", false},
		{"component,service,owner", false},
		{"id,title,component,owner", false},
		{"title,severity,owner", false},
	}
	for _, tt := range tests {
		if _, _, got := ownersHeader(tt.header); got != tt.want {
			t.Errorf("ownersHeader(%q) = %v; want %v", tt.header, got, tt.want)
		}
	}
}

func TestSplitOwners(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"payments", []string{"payments"}},
		{"payments; platform", []string{"payments", "platform"}},
		{"@alice @bob", []string{"@alice", "@bob"}},
		{"Team Payments | SRE", []string{"Team Payments", "SRE"}},
	}
	for _, tt := range tests {
		if got := splitOwners(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitOwners(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
