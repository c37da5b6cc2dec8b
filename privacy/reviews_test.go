package privacy

import (
	"strings"
	"testing"

	"github.com/metamortem/metamortem"
)

func TestAnonymizerReplacesEveryFormOfAPerson(t *testing.T) {
	cat := metamortem.Catalog{
		People: []metamortem.CatalogPerson{{Name: "priya-raman", Title: "Priya Raman", Email: "priya@fernhill.example", Aliases: []string{"@praman", "PR"}}},
		Teams:  []metamortem.Team{{Name: "payments"}},
	}
	r := metamortem.Review{
		ID:       "INC-1",
		Title:    "Ledger stalled while Priya Raman was paged",
		People:   []metamortem.Person{{Name: "Priya Raman", Role: metamortem.RoleLead}, {Name: "Tomás Okafor", Role: metamortem.RoleResponder}, {Name: "PR", Role: metamortem.RoleAttendee}},
		Factors:  []metamortem.Factor{{Text: "Replica lag alert went to @praman only,Tomás was not paged"}},
		Actions:  []metamortem.Action{{Text: "Add Tomás Okafor to the rota", Owner: "@praman"}, {Text: "Pool alert", Owner: "payments"}},
		Timeline: []metamortem.TimelineEvent{{Text: "Priya restarted the primary; Priyanka's dashboard stayed green", Actor: "priya@fernhill.example"}},
		Sections: map[string]string{"summary": "Tomás and Priya handled it."},
	}
	a := NewAnonymizer([]metamortem.Review{r}, cat, "test key")
	priya, tomas := a.Person("Priya Raman"), a.Person("Tomás Okafor")
	if !strings.HasPrefix(priya, Prefix) || !strings.HasPrefix(tomas, Prefix) || priya == tomas {
		t.Fatalf("Person() = %q, %q; want two distinct pseudonyms", priya, tomas)
	}
	for _, form := range []string{"@praman", "PR", "priya@fernhill.example", "priya-raman"} {
		if got := a.Person(form); got != priya {
			t.Errorf("Person(%q) = %q; want %q, the same person", form, got, priya)
		}
	}
	if got := a.Person("payments"); got != "payments" {
		t.Errorf("Person(team) = %q; want the team's name", got)
	}
	got := a.Review(r)
	want := metamortem.Review{
		ID:       "INC-1",
		Title:    "Ledger stalled while " + priya + " was paged",
		People:   []metamortem.Person{{Name: priya, Role: metamortem.RoleLead}, {Name: tomas, Role: metamortem.RoleResponder}, {Name: priya, Role: metamortem.RoleAttendee}},
		Factors:  []metamortem.Factor{{Text: "Replica lag alert went to " + priya + " only," + tomas + " was not paged"}},
		Actions:  []metamortem.Action{{Text: "Add " + tomas + " to the rota", Owner: priya}, {Text: "Pool alert", Owner: "payments"}},
		Timeline: []metamortem.TimelineEvent{{Text: priya + " restarted the primary; Priyanka's dashboard stayed green", Actor: priya}},
		Sections: map[string]string{"summary": tomas + " and " + priya + " handled it."},
	}
	if g, w := jsonOf(t, got), jsonOf(t, want); g != w {
		t.Errorf("Review() =\n%s\nwant\n%s", g, w)
	}
	if r.People[0].Name != "Priya Raman" {
		t.Error("Review() changed the review it was given")
	}
}

func jsonOf(t *testing.T, r metamortem.Review) string {
	t.Helper()
	data, err := r.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
