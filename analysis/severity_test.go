package analysis

import (
	"slices"
	"testing"
)

func TestSeverityLabel(t *testing.T) {
	tests := []struct{ in, want string }{
		{"SEV2", "SEV2"},
		{"SEV3 (internal users only)", "SEV3"},
		{"P1 - all customers", "P1"},
		{"sev2", "SEV2"},
		{"Sev 2", "SEV2"},
		{"SEV-2", "SEV2"},
		{"severity_2", "SEV2"},
		{" Severity: 1 ", "SEV1"},
		{"p1", "P1"},
		{"Priority 3", "P3"},
		{"Major", "major"},
		{"  very   high ", "very high"},
		{"", UnknownSeverity},
		{"   ", UnknownSeverity},
	}
	for _, tt := range tests {
		if got := SeverityLabel(tt.in); got != tt.want {
			t.Errorf("SeverityLabel(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestSortSeverities(t *testing.T) {
	in := []string{UnknownSeverity, "odd", "SEV3", "major", "SEV2", "P1", "SEV1"}
	// Ranks: SEV1 1, P1 1, SEV2 2, major 2, SEV3 3; "odd" has none; unknown goes last.
	want := []string{"P1", "SEV1", "SEV2", "major", "SEV3", "odd", UnknownSeverity}
	got := slices.Clone(in)
	sortSeverities(got)
	if !slices.Equal(got, want) {
		t.Errorf("sortSeverities(%q) = %q; want %q", in, got, want)
	}
}
