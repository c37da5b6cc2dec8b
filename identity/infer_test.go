package identity

import (
	"slices"
	"testing"

	"github.com/metamortem/metamortem"
)

func TestInferComponents(t *testing.T) {
	res := New(quill(), nil)
	tests := []struct {
		name string
		r    metamortem.Review
		want []string
	}{
		{"title, name and alias counted once",
			metamortem.Review{Title: "payments-api latency after the pay-api deploy"},
			[]string{"payments-api"}},
		{"title in other case and spacing",
			metamortem.Review{Title: "payments  API slow"},
			[]string{"payments-api"}},
		{"words split by punctuation are not a title",
			metamortem.Review{Title: "payments, API"},
			nil},
		{"short alias only in capitals",
			metamortem.Review{Sections: map[string]string{"summary": "dns was slow, then DNS failed"}},
			[]string{"internal-dns"}},
		{"short alias in lower case ignored",
			metamortem.Review{Sections: map[string]string{"summary": "dns was slow"}},
			nil},
		{"longest name first",
			metamortem.Review{Title: "Search Indexer lagged behind search"},
			[]string{"search-indexer", "search"}},
		{"name inside a longer hyphenated word is not a mention",
			metamortem.Review{Title: "payments-web-v2 rollout; payments_api_client bug"},
			nil},
		{"a folded form the catalog does not list is not a mention",
			metamortem.Review{Title: "payments web outage"},
			nil},
		{"name claimed by two components ignored",
			metamortem.Review{Title: "vouchers down"},
			nil},
		{"order of first mention across title, summary, factors and timeline",
			metamortem.Review{
				Title:    "Checkout errors",
				Sections: map[string]string{"summary": "coredns dropped queries", "impact": "payments-web down"},
				Factors:  []metamortem.Factor{{Text: "gift-cards filled the disk; otel-collector too"}},
				Timeline: []metamortem.TimelineEvent{{Text: "Payments API restarted"}, {Text: "coredns ok"}},
			},
			[]string{"internal-dns", "gift-cards", "payments-api"}},
		{"names known only from ownership entries are not looked for",
			metamortem.Review{Title: "otel-collector restarted"},
			nil},
		{"a system groups components and is not one",
			metamortem.Review{Title: "shopping basket empty; Shopping system slow"},
			[]string{"basket"}},
		{"a review that names components is taken as given",
			metamortem.Review{Title: "payments-api down", Components: []string{"ledger"}},
			nil},
		{"nothing to read",
			metamortem.Review{},
			nil},
	}
	for _, tt := range tests {
		if got := res.InferComponents(tt.r); !slices.Equal(got, tt.want) {
			t.Errorf("%s: InferComponents(%q) = %q; want %q", tt.name, tt.r.Title, got, tt.want)
		}
	}
}
