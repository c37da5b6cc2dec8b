package identity_test

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/identity"
	"github.com/metamortem/metamortem/ingest"
)

// readFixtures reads the Fernhill fixtures (../fixtures, described in its README.md) the way
// ingest does.
func readFixtures(t *testing.T) (metamortem.Catalog, []metamortem.Review) {
	t.Helper()
	reviews, cat, failures := ingest.ReadAll("../fixtures/catalog", "../fixtures/reviews")
	if len(failures) > 0 {
		t.Fatalf("reading the fixtures: %v", failures)
	}
	return cat, reviews
}

// The fixtures' ground truth: everyone is in the catalog under one name however reviews write
// it, and the one component reviews name that the catalog lacks is notification-gateway.
func TestFixturesUnknown(t *testing.T) {
	cat, reviews := readFixtures(t)
	res := identity.New(cat, reviews)
	var unknown []string
	for _, n := range res.Unknown() {
		unknown = append(unknown, string(n.Kind)+" "+n.Name)
	}
	if want := []string{"component notification-gateway"}; !slices.Equal(unknown, want) {
		t.Errorf("Unknown() = %q; want %q", unknown, want)
	}
	if got := res.NearDuplicates(); len(got) != 0 {
		t.Errorf("NearDuplicates() = %v; want none", got)
	}
}

// The fixtures' knowledge island: Priya Raman, written "Priya Raman", "PR", "@praman" or
// "Priya", takes part in 7 of the 8 ledger-db incidents.
func TestFixturesKnowledgeIsland(t *testing.T) {
	cat, reviews := readFixtures(t)
	res := identity.New(cat, reviews)
	priya, ok := res.Person("@praman")
	if !ok {
		t.Fatalf("Person(%q) not found", "@praman")
	}
	ledger, with := 0, 0
	for _, r := range res.Apply(reviews) {
		if !slices.ContainsFunc(r.Components, func(c identity.ResolvedComponent) bool { return c.Name == "ledger-db" }) {
			continue
		}
		ledger++
		for _, canonical := range r.People {
			if canonical == priya {
				with++
				break
			}
		}
	}
	if ledger != 8 || with != 7 {
		t.Errorf("ledger-db reviews = %d, with %s = %d; want 8, 7", ledger, priya, with)
	}
}

// The fixtures' reviews that name no component mention these catalog components (fixtures
// README, per-review table), by file.
func TestFixturesInferred(t *testing.T) {
	cat, reviews := readFixtures(t)
	res := identity.New(cat, reviews)
	want := map[string][]string{
		"2023-11-24-black-friday-payment-timeouts.md":      {"payments-api", "checkout-service"},
		"2024-03-19-staff-sso-saml-certificate-expired.md": {"auth-service"},
		"2024-05-02-cluster-dns-resolution-failures.md":    {"internal-dns", "k8s-platform"},
		"2024-10-10-mobile-429-rate-limit-config.md":       {"api-gateway"},
		"2024-12-18-christmas-slot-release-retry-storm.md": {"delivery-slots", "checkout-service"},
		"2025-03-14-checkout-too-many-clients.md":          {"checkout-service", "payments-api"},
		"2025-04-09-search-indexer-disk-watermark.md":      {"search-indexer"},
		"2025-10-02-order-events-consumer-lag":             {"order-events-bus"},
		"2025-12-15-peak-week-incidents.md":                {"storefront-web", "edge-proxy"}, // INC-2025-053
	}
	got := map[string][]string{}
	for _, r := range reviews {
		if c := res.InferComponents(r); len(c) > 0 {
			file := filepath.Base(r.Source.Path)
			got[file] = append(got[file], c...)
		}
	}
	for file, w := range want {
		if !slices.Equal(got[file], w) {
			t.Errorf("InferComponents(%s) = %q; want %q", file, got[file], w)
		}
	}
	for file, g := range got {
		if want[file] == nil {
			t.Errorf("InferComponents(%s) = %q; want none", file, g)
		}
	}
}
