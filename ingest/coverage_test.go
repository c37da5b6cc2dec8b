package ingest

import (
	"testing"

	"github.com/metamortem/metamortem"
)

func TestCoverage(t *testing.T) {
	var c Coverage
	c.Add(metamortem.Review{Title: "a", StartedAt: ts("2024-01-01T00:00:00Z"), Components: []string{"x"},
		People: []metamortem.Person{{Name: "p", Role: "lead"}}, Factors: []metamortem.Factor{{Text: "f"}}})
	c.Add(metamortem.Review{Title: "b", Actions: []metamortem.Action{{Text: "x"}}})
	want := "2 reviews: title 2, start 1, components 1, people 1, factors 1, actions 1"
	if got := c.String(); got != want {
		t.Errorf("Coverage.String() = %q; want %q", got, want)
	}
}
