package ingest

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/metamortem/metamortem"
)

// catalogOf detects and parses a file of testdata/catalog, failing the test unless it is read
// as the format want.
func catalogOf(t *testing.T, name, want string) metamortem.Catalog {
	t.Helper()
	path := filepath.Join("testdata", "catalog", name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, ok := Detect(path, data)
	if !ok || f.Name != want {
		t.Fatalf("Detect(%q) = %q, %v; want %q", path, f.Name, ok, want)
	}
	if !f.Catalog {
		t.Errorf("format %q is not marked as a catalog format", f.Name)
	}
	res, err := f.Parse(NewDocument(path, name, data))
	if err != nil {
		t.Fatalf("Parse(%q): %v", path, err)
	}
	if len(res.Reviews) > 0 || len(res.Fragments) > 0 {
		t.Errorf("Parse(%q) yields %d reviews and %d fragments; want none", path, len(res.Reviews), len(res.Fragments))
	}
	return res.Catalog
}

// sameList fails the test unless got equals want, element by element.
func sameList[T any](t *testing.T, what string, got, want []T) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: got %d entries; want %d\ngot  %+v\nwant %+v", what, len(got), len(want), got, want)
		return
	}
	for i := range got {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("%s[%d] = %+v; want %+v", what, i, got[i], want[i])
		}
	}
}

func TestParseBackstage(t *testing.T) {
	cat := catalogOf(t, "catalog-info.yaml", "backstage")
	sameList(t, "components", cat.Components, []metamortem.CatalogComponent{
		{Name: "invoicing", Title: "Invoicing", Owner: "billing", System: "money"},
		{Name: "invoice-api", Title: "Invoice API", Owner: "billing", System: "invoicing", Aliases: []string{"invoices", "inv-api"}},
		{Name: "invoice-db", Owner: "ada-mensah", System: "invoicing", Aliases: []string{"invoices-postgres", "pg-invoices"}},
		{Name: "press-queue", Owner: "print/ink", Aliases: []string{"print/press-queue"}},
	})
	sameList(t, "teams", cat.Teams, []metamortem.Team{
		{Name: "org", Title: "Quillmark Engineering"},
		{Name: "billing", Title: "Billing Team", Parent: "org", Members: []string{"ada-mensah", "bo-lindgren"}, Aliases: []string{"@quillmark/billing"}},
		{Name: "ink", Parent: "org", Members: []string{"bo-lindgren"}, Aliases: []string{"print/ink"}},
	})
	sameList(t, "people", cat.People, []metamortem.CatalogPerson{
		{Name: "ada-mensah", Title: "Ada Mensah", Email: "ada.mensah@quillmark.example", Teams: []string{"billing"}, Aliases: []string{"@amensah", "AM", "ada.mensah"}},
		{Name: "bo-lindgren", Email: "bo@quillmark.example", Teams: []string{"billing", "print/ink"}, Aliases: []string{"bo"}},
	})
	if len(cat.Ownership) != 0 {
		t.Errorf("ownership = %+v; want none (Backstage owners are on the components)", cat.Ownership)
	}
}

// TestFixtureCatalog checks the Fernhill catalog against fixtures/README.md: 7 groups, 17
// users, 7 systems and 18 components, with the planted owner problems kept as written.
func TestFixtureCatalog(t *testing.T) {
	path := filepath.Join("..", "fixtures", "catalog", "catalog-info.yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("fixtures not found: %v", err)
	}
	f, ok := Detect(path, data)
	if !ok || f.Name != "backstage" {
		t.Fatalf("Detect(%q) = %q, %v; want backstage", path, f.Name, ok)
	}
	res, err := f.Parse(NewDocument(path, "catalog/catalog-info.yaml", data))
	if err != nil {
		t.Fatal(err)
	}
	cat := res.Catalog
	if got := len(cat.Components); got != 25 {
		t.Errorf("components = %d; want 25 (7 systems and 18 components)", got)
	}
	if got := len(cat.Teams); got != 7 {
		t.Errorf("teams = %d; want 7", got)
	}
	if got := len(cat.People); got != 17 {
		t.Errorf("people = %d; want 17", got)
	}
	comp := map[string]metamortem.CatalogComponent{}
	for _, c := range cat.Components {
		comp[c.Name] = c
	}
	for _, tt := range []struct{ name, owner, system string }{
		{"payments-api", "payments", "money-movement"},
		{"ledger-db", "payments", "money-movement"},
		{"search-indexer", "data", "shopping"},
		{"order-events-bus", "fulfilment", "order-flow"},
		{"feature-flags", "shared", "shopping"},
		{"internal-dns", "platform", "runtime"},
		{"money-movement", "payments", ""},
	} {
		c, ok := comp[tt.name]
		if !ok || c.Owner != tt.owner || c.System != tt.system {
			t.Errorf("component %q = %+v (found %v); want owner %q, system %q", tt.name, c, ok, tt.owner, tt.system)
		}
	}
	if _, ok := comp["notification-gateway"]; ok {
		t.Errorf("notification-gateway is in the catalog; the fixtures leave it out")
	}
	if got := comp["ledger-db"].Aliases; !reflect.DeepEqual(got, []string{"pg-ledger", "ledger-postgres"}) {
		t.Errorf("ledger-db aliases = %q; want [pg-ledger ledger-postgres]", got)
	}
	teams := map[string]metamortem.Team{}
	for _, tm := range cat.Teams {
		teams[tm.Name] = tm
	}
	for _, missing := range []string{"fulfilment", "shared"} {
		if _, ok := teams[missing]; ok {
			t.Errorf("team %q exists; the fixtures have no such group", missing)
		}
	}
	if got := teams["payments"]; got.Parent != "engineering" || !reflect.DeepEqual(got.Members, []string{"priya-raman", "tomas-okafor", "hannah-de-vries", "yusuf-demir"}) {
		t.Errorf("team payments = %+v; want parent engineering and its four members", got)
	}
	want := metamortem.CatalogPerson{Name: "priya-raman", Title: "Priya Raman", Email: "praman@fernhill.shop",
		Teams: []string{"payments"}, Aliases: []string{"PR", "@praman", "praman"}}
	if !reflect.DeepEqual(cat.People[0], want) {
		t.Errorf("first person = %+v; want %+v", cat.People[0], want)
	}
}

func TestEntityName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"group:default/payments", "payments"},
		{"payments", "payments"},
		{"user:guest", "guest"},
		{"default/payments", "payments"},
		{"backstage/maintainers", "backstage/maintainers"},
		{"Group:eng/tsg-eng4-ed-svc", "eng/tsg-eng4-ed-svc"},
		{"  team-a ", "team-a"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := entityName(tt.in); got != tt.want {
			t.Errorf("entityName(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
