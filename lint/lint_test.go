package lint

import (
	"bytes"
	"cmp"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestCleanReviewHasNoFindings(t *testing.T) {
	got, err := File("testdata/clean.md", DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 0 {
		t.Errorf("File(clean.md) = %v; want no findings", got)
	}
}

// TestPlantedProblemsAreFound lists, by hand, every problem planted in testdata/planted.md
// with the line it stands on.
func TestPlantedProblemsAreFound(t *testing.T) {
	got, err := File("testdata/planted.md", DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		rule string
		line int
	}
	want := []key{
		{"late-review", 10},             // reviewed 6 days after resolution
		{"missing-timeline", 10},        // no timeline
		{"missing-difficulties", 10},    // no difficulties or what went wrong
		{"blame-language", 17},          // "human error"
		{"counterfactual", 17},          // "should have"
		{"person-blame", 18},            // "Dana forgot to"
		{"counterfactual", 18},          // "the on-call engineer failed to"
		{"missing-customer-impact", 20}, // impact names no customers
		{"missing-employee-impact", 20}, // nor employees
		{"single-root-cause", 26},       // one factor only
		{"action-no-due", 30},           // guard: no due date
		{"action-no-owner", 30},         // guard: no owner
		{"action-no-ticket", 30},        // guard: no ticket
		{"action-no-due", 31},           // schedule: no due date
	}
	var have []key
	for _, f := range got {
		have = append(have, key{f.Rule, f.Line})
	}
	byLine := func(a, b key) int { return cmp.Or(cmp.Compare(a.line, b.line), strings.Compare(a.rule, b.rule)) }
	slices.SortFunc(want, byLine)
	slices.SortFunc(have, byLine)
	if !reflect.DeepEqual(have, want) {
		t.Errorf("File(planted.md) findings:\n%v\nwant\n%v\nall: %v", have, want, got)
	}
	if !HasErrors(got) {
		t.Error("HasErrors(planted findings) = false; want true")
	}
}

func TestConfigTunesRules(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile("testdata/planted.md")
	if err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "reviews", "2026")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(sub, "planted.md")
	os.WriteFile(path, src, 0o644)
	os.WriteFile(filepath.Join(dir, ConfigFile), []byte("lint:\n  review_within: 168h\n  disable: [action-no-ticket]\n  levels:\n    person-blame: warning\n"), 0o644)
	cfg, err := LoadConfig(sub)
	if err != nil {
		t.Fatal(err)
	}
	got, err := File(path, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range got {
		switch {
		case f.Rule == "late-review":
			t.Errorf("late-review reported with review_within 168h: %v", f)
		case f.Rule == "action-no-ticket":
			t.Errorf("disabled rule reported: %v", f)
		case f.Rule == "person-blame" && f.Level != LevelWarning:
			t.Errorf("person-blame level = %s; want warning", f.Level)
		}
	}
}

func TestConfigErrorsNameTheProblem(t *testing.T) {
	tests := []struct{ yaml, want string }{
		{"lint:\n  disable: [no-such-rule]\n", `unknown rule "no-such-rule"`},
		{"lint:\n  levels:\n    late-review: fatal\n", `level "fatal"`},
		{"lint:\n  review_within: soon\n", `review_within "soon"`},
		{"lint: [\n", "yaml"},
	}
	for _, tt := range tests {
		_, err := parseConfig("x/.metamortem.yaml", []byte(tt.yaml))
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "x/.metamortem.yaml") {
			t.Errorf("parseConfig(%q) = %v; want an error naming the file and %s", tt.yaml, err, tt.want)
		}
	}
}

func TestLanguageLeavesQuotedAndSystemFailuresAlone(t *testing.T) {
	lines := []string{
		`We avoid writing "human error" in reviews.`,
		`The deploy pipeline failed to roll back the change.`,
		"```",
		"log: operator should have been paged",
		"```",
		`Sam reviewed the change and approved it.`,
	}
	if got := checkLanguage(lines, []string{"Sam Ortiz"}); len(got) != 0 {
		t.Errorf("checkLanguage(system failures, quotes, code) = %v; want none", got)
	}
	// A review naming nobody, with blank lines, has nothing to blame anyone for.
	if got := checkLanguage([]string{"", "The disk filled up.", ""}, nil); len(got) != 0 {
		t.Errorf("checkLanguage(no people, blank lines) = %v; want none", got)
	}
}

func TestWriteSARIF(t *testing.T) {
	var buf bytes.Buffer
	findings := []Finding{{Path: "reviews/a.md", Line: 7, Rule: "blame-language", Level: LevelError, Message: `"human error" judges people`}}
	if err := WriteSARIF(&buf, findings, "test"); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Rules []struct{ ID string } `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }    `json:"artifactLocation"`
						Region           struct{ StartLine int } `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatalf("SARIF is not JSON: %v", err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || len(log.Runs[0].Results) != 1 {
		t.Fatalf("SARIF = %s", buf.String())
	}
	r := log.Runs[0].Results[0]
	loc := r.Locations[0].PhysicalLocation
	if r.RuleID != "blame-language" || r.Level != "error" || loc.ArtifactLocation.URI != "reviews/a.md" || loc.Region.StartLine != 7 {
		t.Errorf("SARIF result = %+v; want blame-language error at reviews/a.md:7", r)
	}
	if got := log.Runs[0].Tool.Driver.Rules[r.RuleIndex].ID; got != "blame-language" {
		t.Errorf("rules[ruleIndex] = %s; want blame-language", got)
	}
}
