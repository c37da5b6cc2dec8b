package lint

import (
	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/analysis"
)

// checkLanguage scans the document's lines for blame and counterfactual language
// (analysis.CheckLanguage). people are the names the document's reviews list; a name as the
// subject of a failure is person-blame.
func checkLanguage(lines []string, people []string) []Finding {
	var out []Finding
	for _, q := range analysis.CheckLanguage(lines, people) {
		out = append(out, Finding{Rule: q.Rule, Line: q.Line, Message: q.Message})
	}
	return out
}

// peopleOf lists the names of every person the reviews name.
func peopleOf(reviews []metamortem.Review) []string {
	return analysis.PeopleNamed(reviews)
}
