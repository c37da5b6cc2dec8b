package ingest

import (
	"testing"

	"github.com/metamortem/metamortem"
)

func TestParseAliases(t *testing.T) {
	cat := catalogOf(t, "people.yaml", "aliases")
	sameList(t, "people", cat.People, []metamortem.CatalogPerson{
		{Name: "Ada Mensah", Teams: []string{"billing"}, Aliases: []string{"@amensah", "AM", "ada.mensah@quillmark.example", "Ada"}},
		{Name: "Bo Lindgren", Email: "bo@quillmark.example", Teams: []string{"billing", "ink"}, Aliases: []string{"Bo", "BL"}},
	})
	sameList(t, "components", cat.Components, []metamortem.CatalogComponent{
		{Name: "invoice-api", Owner: "billing", System: "invoicing", Aliases: []string{"Invoice API", "invoices"}},
		{Name: "press-queue"},
	})
	sameList(t, "teams", cat.Teams, []metamortem.Team{
		{Name: "billing", Title: "Billing", Parent: "org", Members: []string{"Ada Mensah", "Bo Lindgren"}, Aliases: []string{"Billing team", "@quillmark/billing"}},
	})
	if len(cat.Ownership) != 0 {
		t.Errorf("ownership = %+v; want none", cat.Ownership)
	}
}
