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

// TestTriggerIndexFind checks the one-pass search for trigger words against lines written out
// by hand: any ASCII case, anywhere in a word, at either end, and every group for text that is
// not ASCII.
func TestTriggerIndexFind(t *testing.T) {
	tests := []struct {
		line string
		want triggerGroup
	}{
		{"", 0},
		{"s", 0},
		{"The disk filled up", 0},
		{"HUMAN ERROR on deploy", triggerBlame},
		{"we were lazy", triggerBlame},
		{"Should we page?", triggerCounterfactual},
		{"it caused an outage", triggerFailure},
		{"refailed to start", triggerFailure},
		{"Obviously it Broke and we SHOULD have known", triggerAll},
		{"forgot", triggerFailure},
		{"café", triggerAll},
		{"restart was careleſs", triggerAll},
	}
	for _, tt := range tests {
		if got := languageTriggers.find(tt.line); got != tt.want {
			t.Errorf("find(%q) = %03b; want %03b", tt.line, got, tt.want)
		}
	}
}

// TestPersonNames checks the names the person-blame pattern looks for, in its order.
func TestPersonNames(t *testing.T) {
	tests := []struct {
		people []string
		want   string
	}{
		{nil, ""},
		{[]string{"@jo", "Al"}, ""},
		{[]string{"Priya Raman", "priya raman", "@kim.lee"}, "Priya Raman|kim.lee|Priya"},
		{[]string{"ana", "Tomás Okafor", "A.B.C"}, "Tomás Okafor|A.B.C|Tomás|ana"},
	}
	for _, tt := range tests {
		if got := strings.Join(personNames(tt.people), "|"); got != tt.want {
			t.Errorf("personNames(%q) = %q; want %q", tt.people, got, tt.want)
		}
	}
}
