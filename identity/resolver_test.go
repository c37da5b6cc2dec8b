package identity

import (
	"testing"

	"github.com/metamortem/metamortem"
)

// quill is the catalog of Quillfeather, an invented stationery shop.
func quill() metamortem.Catalog {
	return metamortem.Catalog{
		People: []metamortem.CatalogPerson{
			{Name: "Ines Moreau", Email: "ines.moreau@quill.example", Aliases: []string{"@imoreau", "IM"}},
			// Two entries for one person: a directory user and an alias-file entry that
			// lists the user's name.
			{Name: "olind", Title: "Oskar Lind", Email: "olind@quill.example"},
			{Name: "Oskar Lind", Aliases: []string{"Oskar", "@olind"}},
			// Two people whose e-mail addresses share a local part.
			{Name: "Sam Berg", Email: "sam@quill.example"},
			{Name: "Sam Ohlsson", Email: "sam@ops.quill.example"},
			// A person's own name beats another's derived e-mail local part.
			{Name: "Ada Kron", Email: "akron@quill.example"},
			{Name: "akron", Title: "Arvid Kronberg"},
		},
		Teams: []metamortem.Team{
			{Name: "payments", Title: "Payments Team", Aliases: []string{"team-pay"}},
		},
		Components: []metamortem.CatalogComponent{
			{Name: "payments-api", Title: "Payments API", Aliases: []string{"pay-api"}},
			{Name: "payments-web"},
			{Name: "internal-dns", Aliases: []string{"DNS", "coredns"}},
			{Name: "search-indexer", Title: "Search Indexer"},
			{Name: "search"},
			{Name: "gift-cards", Aliases: []string{"vouchers"}},
			{Name: "loyalty", Aliases: []string{"vouchers"}},
			{Name: "basket", System: "Shopping"},
			{Name: "shopping", Title: "Shopping system"}, // a system, stored as a component
		},
		Ownership: []metamortem.Ownership{
			{Component: "otel-collector", Pattern: "/otel-collector/", Owners: []string{"@quill/platform"}, Source: "codeowners"},
			{Component: "payments-api", Pattern: "/services/payments-api/", Source: "codeowners"},
			{Pattern: "*.js", Source: "codeowners"},
		},
	}
}

func TestPerson(t *testing.T) {
	res := New(quill(), nil)
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"Ines Moreau", "Ines Moreau", true},
		{"ines moreau", "Ines Moreau", true},
		{"  @IMoreau, ", "Ines Moreau", true},
		{"imoreau", "Ines Moreau", true},
		{"IM", "Ines Moreau", true},
		{"ines.moreau@quill.example", "Ines Moreau", true},
		{"ines.moreau", "Ines Moreau", true},           // local part of a listed address
		{"ines.moreau@corp", "Ines Moreau", true},      // an address resolves by its local part
		{"imoreau@other.example", "Ines Moreau", true}, // local part equals a listed handle
		{"Ines", "", false},                            // a first name is not derived
		{"I. Moreau", "", false},                       // nor an initial and last name
		{"i.moreau", "", false},                        // nor a first.last handle
		{"Oskar Lind", "olind", true},                  // one identity, named by the first entry
		{"Oskar", "olind", true},
		{"@olind", "olind", true},
		{"olind@quill.example", "olind", true},
		{"sam@quill.example", "Sam Berg", true},
		{"sam@ops.quill.example", "Sam Ohlsson", true},
		{"sam", "", false},              // two people's local part
		{"sam@corp.example", "", false}, // likewise
		{"akron", "akron", true},        // own name beats the other's local part
		{"Arvid Kronberg", "akron", true},
		{"akron@quill.example", "Ada Kron", true},
		{"payments", "", false}, // a team, not a person
		{"", "", false},
		{"@", "", false},
	}
	for _, tt := range tests {
		got, ok := res.Person(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Person(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestComponent(t *testing.T) {
	res := New(quill(), nil)
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"payments-api", "payments-api", true},
		{"Payments API", "payments-api", true},
		{"payments_api", "payments-api", true},
		{"PAYMENTS-API", "payments-api", true},
		{"pay-api", "payments-api", true},
		{"payapi", "payments-api", true}, // folds like the alias pay-api
		{"payments", "", false},          // no alias says so
		{"payments web", "payments-web", true},
		{"payments-web2", "", false},
		{"otel collector", "otel-collector", true}, // named only by ownership
		{"vouchers", "", false},                    // two components list it
		{"coredns", "internal-dns", true},
		{"Search", "search", true},
		{"search indexer", "search-indexer", true},
		{"Shopping", "shopping", true},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := res.Component(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Component(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestTeam(t *testing.T) {
	res := New(quill(), nil)
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"payments", "payments", true},
		{"Payments Team", "payments", true},
		{"payments_team", "payments", true},
		{"Team Pay", "payments", true},
		{"pay", "", false},
		{"Ines Moreau", "", false},
	}
	for _, tt := range tests {
		got, ok := res.Team(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Team(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestPersonSameNameTwice(t *testing.T) {
	cat := metamortem.Catalog{People: []metamortem.CatalogPerson{
		{Name: "Vera Nyström", Aliases: []string{"@vnystrom"}},
		{Name: "vera nyström", Email: "vera@quill.example"},
	}}
	res := New(cat, nil)
	for _, in := range []string{"@vnystrom", "vera@quill.example", "VERA NYSTRÖM"} {
		if got, ok := res.Person(in); got != "Vera Nyström" || !ok {
			t.Errorf("Person(%q) = %q, %v; want %q, true", in, got, ok, "Vera Nyström")
		}
	}
}
