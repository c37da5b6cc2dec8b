package metamortem

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestCanonicalEmptyReviewHasEveryKey(t *testing.T) {
	got, err := json.Marshal(Review{ID: "INC-1"})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":"INC-1","title":null,"kind":"incident","severity":null,"severity_rank":null,` +
		`"started_at":null,"detected_at":null,"mitigated_at":null,"resolved_at":null,"reviewed_at":null,` +
		`"components":[],"tags":[],"people":[],"factors":[],"actions":[],"timeline":[],"sections":{},` +
		`"source":{"path":null,"format":null,"sha256":null}}`
	if string(got) != want {
		t.Errorf("Marshal(empty) =\n%s\nwant\n%s", got, want)
	}
}

func TestCanonicalTimesAreUTC(t *testing.T) {
	pst := time.FixedZone("PST", -8*3600)
	start := time.Date(2025, 3, 14, 9, 40, 0, 0, pst)
	got, err := json.Marshal(Review{ID: "x", StartedAt: &start,
		Actions: []Action{{Text: "a", Status: ""}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"started_at":"2025-03-14T17:40:00Z"`, `"status":"unknown"`, `"owner":null`} {
		if !strings.Contains(string(got), want) {
			t.Errorf("Marshal = %s; want it to contain %s", got, want)
		}
	}
}

func TestCanonicalRoundTrip(t *testing.T) {
	start := time.Date(2025, 3, 14, 17, 40, 0, 0, time.UTC)
	due := time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC)
	rank := 2
	in := Review{
		ID: "INC-7", Title: "Pool exhausted", Kind: KindDrill, Severity: "SEV2", SeverityRank: &rank,
		StartedAt: &start, Components: []string{"payments-api"}, Tags: []string{"db"},
		People:   []Person{{Name: "Priya Raman", Role: RoleLead}},
		Factors:  []Factor{{Text: "pool too small"}},
		Actions:  []Action{{Text: "raise pool", Owner: "@praman", Status: ActionDone, Due: &due, Ticket: "FERN-1"}},
		Timeline: []TimelineEvent{{At: &start, Text: "alert", Actor: "pager"}, {Text: "undated"}},
		Sections: map[string]string{"summary": "s"},
		Source:   Source{Path: "a.md", Format: "markdown", SHA256: "ff"},
	}
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var out Review
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatalf("Unmarshal(%s) = %v", data, err)
	}
	if !reflect.DeepEqual(in, out) {
		t.Errorf("round trip:\n got %+v\nwant %+v", out, in)
	}
}

func TestCanonicalRejects(t *testing.T) {
	tests := []struct{ json, want string }{
		{`{"id":"a","kind":"outage"}`, `kind "outage"`},
		{`{"id":"a","started_at":"yesterday"}`, `started_at`},
		{`{"id":"a","people":[{"name":"x","role":"hero"}]}`, `role "hero"`},
		{`{"id":"a","actions":[{"text":"x","status":"maybe"}]}`, `status "maybe"`},
		{`{"id":"a","actions":[{"text":"x","status":"open","due":"2025-13-01"}]}`, `actions[0].due`},
		{`{"id":7}`, `cannot unmarshal number`},
	}
	for _, tt := range tests {
		var r Review
		err := json.Unmarshal([]byte(tt.json), &r)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Unmarshal(%s) = %v; want an error mentioning %s", tt.json, err, tt.want)
		}
	}
}

func TestSeverityRank(t *testing.T) {
	tests := []struct {
		in   string
		want int // 0: nil
	}{
		{"SEV1", 1}, {"sev-2", 2}, {"Sev 3", 3}, {"SEV0", 1}, {"P2", 2}, {"Priority 4", 4},
		{"Severity: 3", 3}, {"2", 2}, {"Critical", 1}, {"High", 2}, {"major outage", 2},
		{"Medium", 3}, {"low", 4}, {"", 0}, {"unknown", 0}, {"Plenty", 0},
	}
	for _, tt := range tests {
		got := SeverityRank(tt.in)
		switch {
		case tt.want == 0 && got != nil:
			t.Errorf("SeverityRank(%q) = %d; want nil", tt.in, *got)
		case tt.want != 0 && (got == nil || *got != tt.want):
			t.Errorf("SeverityRank(%q) = %v; want %d", tt.in, got, tt.want)
		}
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		r    Review
		want string // "" means valid
	}{
		{"valid", Review{ID: "a", Title: "t"}, ""},
		{"no id", Review{}, "no id"},
		{"bad kind", Review{ID: "a", Kind: "outage"}, "kind"},
		{"bad utf8 title", Review{ID: "a", Title: "x\xffy"}, "title is not valid UTF-8"},
		{"bad utf8 factor", Review{ID: "a", Factors: []Factor{{Text: "\xc3"}}}, "factors[0]"},
		{"bad role", Review{ID: "a", People: []Person{{Name: "x", Role: "hero"}}}, "role"},
		{"bad status", Review{ID: "a", Actions: []Action{{Text: "x", Status: "maybe"}}}, "status"},
	}
	for _, tt := range tests {
		err := tt.r.Validate()
		if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("%s: Validate() = %v; want %q", tt.name, err, tt.want)
		}
	}
}
