package analysis

import (
	"strings"
	"testing"
)

func TestDefaultTaxonomyMatch(t *testing.T) {
	tax := DefaultTaxonomy()
	tests := []struct{ in, want string }{
		{"Connection pools were exhausted on checkout", "cause:capacity:connection-pool"},
		{"checkout ran out of connections", "cause:capacity:connection-pool"},
		{"The disk filled up on db-3", "cause:capacity:disk"},
		{"writes failed with ENOSPC", "cause:capacity:disk"},
		{"pod was OOMKilled twice", "cause:capacity:memory"},
		{"The TLS certificate expired at 02:00 UTC", "cause:security:certificate"},
		{"DNS lookups failed across the network", "cause:network:dns"}, // "dns lookup" beats "network"
		{"Retries without exponential backoff", "cause:overload:retry-storm"},
		{"No alerts existed for the queue", "cause:detection:missing-alert"},
		{"Too much noise in our alert channel", "cause:detection:noisy-alert"},
		{"the frobnicator jammed", ""},
		{"", ""},
	}
	for _, tt := range tests {
		e, ok := tax.Match(tt.in)
		if got := e.Tag; got != tt.want || ok != (tt.want != "") {
			t.Errorf("Match(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestTaxonomySpecificity(t *testing.T) {
	tax, err := LoadTaxonomy(strings.NewReader(`
themes:
  - {tag: "a:b", label: B, phrases: ["widget jam"]}
  - {tag: "a:b:c", label: C, phrases: ["widget jam"]}
  - {tag: "a:z", label: Z, phrases: ["gizmo"]}
  - {tag: "a:y", label: Y, phrases: ["gizmo"]}
  - {tag: "a:long", label: Long, phrases: ["gizmo widget jam"]}
`))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want string }{
		{"the widget jammed", "a:b:c"},             // same phrase length: deeper tag
		{"a gizmo", "a:y"},                         // same length and depth: first tag in order
		{"gizmo and widget were jammed", "a:long"}, // longest phrase, with gaps allowed
		{"gizmo: the widget was jammed", "a:b:c"},  // a phrase does not span a clause break
		{"widget alpha beta gamma jammed", ""},     // more than two stems between
		{"gizmos", "a:y"},                          // stemmed
	}
	for _, tt := range tests {
		e, _ := tax.Match(tt.in)
		if e.Tag != tt.want {
			t.Errorf("Match(%q) = %q; want %q", tt.in, e.Tag, tt.want)
		}
	}
}

func TestLoadTaxonomyErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "taxonomy is empty"},
		{"themes: []", "taxonomy has no themes"},
		{"themes: 3", "cannot unmarshal"},
		{"themes:\n  - tag: [", "taxonomy: yaml"},
		{"themes: [{tag: Cause, label: x, phrases: [a b]}]", `theme 1 (Cause): tag is not lower-case words joined by colons`},
		{"themes: [{tag: cause, label: x, phrases: [ab]}]", `theme 1 (cause): tag is not`},
		{"themes: [{label: x, phrases: [ab]}]", `theme 1 (label "x"): no tag`},
		{"themes: [{tag: 'a:b', phrases: [ab]}]", `theme 1 (a:b): no label`},
		{"themes: [{tag: 'a:b', label: x}]", `theme 1 (a:b): no phrases`},
		{"themes: [{tag: 'a:b', label: x, phrases: ['  ']}]", `theme 1 (a:b): phrase 1 ("  ") has no words`},
		{"themes: [{tag: 'a:b', label: x, phrases: [ok, 'the was 42']}]", `theme 1 (a:b): phrase 2 ("the was 42") has no words`},
		{"themes: [{tag: 'a:b', label: x, phrases: [ok], aliases: ['--']}]", `theme 1 (a:b): alias 1 ("--") has no words`},
		{"themes: [{tag: 'a:b', label: x, phrases: [ok]}, {tag: 'a:b', label: y, phrases: [fine]}]", "theme 2 (a:b): tag already used by theme 1"},
		{"themes: [{tag: 'a:b', label: x, phrase: [ok]}]", "field phrase not found"},
		{"extends: custom\nthemes: [{tag: 'a:b', label: x, phrases: [ok]}]", `extends "custom"`},
	}
	for _, tt := range tests {
		_, err := LoadTaxonomy(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("LoadTaxonomy(%q) = %v; want an error containing %q", tt.in, err, tt.want)
		}
	}
}

func TestLoadTaxonomyExtends(t *testing.T) {
	def := DefaultTaxonomy()
	tax, err := LoadTaxonomy(strings.NewReader(`
extends: default
themes:
  - tag: cause:network:dns
    label: Name lookups
    phrases: ["name lookup"]
  - tag: cause:product:frobnicator
    label: Frobnicator jam
    phrases: ["frobnicator jam"]
`))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(tax.Entries), len(def.Entries)+1; got != want {
		t.Errorf("len(Entries) = %d; want %d", got, want)
	}
	for _, tt := range []struct{ in, want string }{
		{"the frobnicator jammed", "cause:product:frobnicator"},
		{"name lookups failed", "cause:network:dns"},
		{"the disk filled", "cause:capacity:disk"},
	} {
		if e, _ := tax.Match(tt.in); e.Tag != tt.want {
			t.Errorf("Match(%q) = %q; want %q", tt.in, e.Tag, tt.want)
		}
	}
	if e, _ := tax.Match("coredns dropped queries"); e.Tag == "cause:network:dns" {
		t.Errorf("Match(%q) = %q; want the overridden entry's phrases only", "coredns dropped queries", e.Tag)
	}
}
