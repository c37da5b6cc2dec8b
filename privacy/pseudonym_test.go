package privacy

import (
	"strings"
	"testing"
)

// Expected digests were computed outside Go, with
// `echo -n NAME | openssl dgst -sha256 -hmac KEY` and Python's hmac module.
func TestName(t *testing.T) {
	tests := []struct {
		key, name, want string
	}{
		{"", "Priya Raman", "person-cd8038"},
		{DefaultKey, "Priya Raman", "person-cd8038"},
		{"", "  Priya Raman ", "person-cd8038"},
		{"", "Kenji Watanabe", "person-f8f259"},
		{"k", "Priya Raman", "person-b75e11"},
		{"k", "Kenji Watanabe", "person-4b9038"},
		{"", "", ""},
	}
	for _, tt := range tests {
		p := New(tt.key, []string{"Priya Raman", "Kenji Watanabe"})
		if got := p.Name(tt.name); got != tt.want {
			t.Errorf("New(%q, …).Name(%q) = %q; want %q", tt.key, tt.name, got, tt.want)
		}
	}
}

// p1265 and p3894 share the first six hex digits of their HMAC under DefaultKey (5274c0e… and
// 5274c00…), so within one set both get a seventh digit; alone, each keeps six.
func TestNameCollision(t *testing.T) {
	both := New("", []string{"p1265", "p3894", "Priya Raman", "p1265"})
	for name, want := range map[string]string{
		"p1265": "person-5274c0e", "p3894": "person-5274c00", "Priya Raman": "person-cd8038",
	} {
		if got := both.Name(name); got != want {
			t.Errorf("Name(%q) in a set with its collision = %q; want %q", name, got, want)
		}
	}
	if got, want := New("", []string{"p1265"}).Name("p1265"), "person-5274c0"; got != want {
		t.Errorf("Name(%q) alone = %q; want %q", "p1265", got, want)
	}
}

// A name outside the set still gets a pseudonym, never the name itself.
func TestNameOutsideSet(t *testing.T) {
	p := New("", nil)
	if got := p.Name("Priya Raman"); got != "person-cd8038" || strings.Contains(got, "Priya") {
		t.Errorf("New(\"\", nil).Name(%q) = %q; want %q", "Priya Raman", got, "person-cd8038")
	}
}
