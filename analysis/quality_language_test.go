package analysis

import (
	"fmt"
	"strings"
	"testing"
)

// TestLanguageCheckerKeepsEachSetOfPeople checks that one checker, reused across reviews as
// Quality reuses it, blames only the people of the review being checked, and that text outside
// ASCII still meets the case-insensitive rules.
func TestLanguageCheckerKeepsEachSetOfPeople(t *testing.T) {
	tests := []struct {
		line   string
		people []string
		want   string
	}{
		{"Priya Raman deleted the volume", []string{"Priya Raman"}, `person-blame:1: "Priya Raman deleted" makes a person the subject of a failure`},
		{"Priya Raman deleted the volume", []string{"Tomás Okafor"}, ``},
		{"Priya deleted the volume", []string{"Priya Raman"}, `person-blame:1: "Priya deleted" makes a person the subject of a failure`},
		{"Tomás quickly DELETED it", []string{"Tomás Okafor"}, `person-blame:1: "Tomás quickly DELETED" makes a person the subject of a failure`},
		{"The restart was careleſs", nil, `blame-language:1: "careleſs" judges people instead of describing what happened`},
		{"The disk filled up", []string{"Priya Raman"}, ``},
		{"We should have paged", nil, `counterfactual:1: "should have" replays the incident with hindsight`},
	}
	c := newLanguageChecker()
	for _, tt := range tests {
		var got []string
		for _, f := range c.check([]string{tt.line}, tt.people) {
			got = append(got, fmt.Sprintf("%s:%d: %s", f.Rule, f.Line, f.Message))
		}
		if g := strings.Join(got, "\n"); g != tt.want {
			t.Errorf("check(%q, %q) = %s; want %s", tt.line, tt.people, g, tt.want)
		}
	}
}
