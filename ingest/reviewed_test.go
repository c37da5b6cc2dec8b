package ingest

import (
	"testing"
	"time"
)

func TestReviewedInProse(t *testing.T) {
	ref := ymd{2024, 12, 18}
	tests := []struct {
		text string
		want string // "" means nil
	}{
		{"Resolved. Reviewed 2024-12-18 14:00 UTC.", "2024-12-18T14:00:00Z"},
		{"Reviewed 2025-07-02 by Aisha Bello.", "2025-07-02T00:00:00Z"},
		{"Review held on 12 December; the team was covering", "2024-12-12T00:00:00Z"},
		{"The review meeting on 16 December covered both incidents.", "2024-12-16T00:00:00Z"},
		{"Postmortem held 2024-03-20.", "2024-03-20T00:00:00Z"},
		{"We reviewed the logs and found nothing.", ""},
		{"An App Store review mentioned it on 21 November.", ""},
		{"Nothing about it here.", ""},
	}
	for _, tt := range tests {
		got := reviewedInProse(tt.text, ref)
		switch {
		case tt.want == "" && got != nil:
			t.Errorf("reviewedInProse(%q) = %v; want nil", tt.text, got)
		case tt.want != "" && (got == nil || got.UTC().Format(time.RFC3339) != tt.want):
			t.Errorf("reviewedInProse(%q) = %v; want %s", tt.text, got, tt.want)
		}
	}
}
