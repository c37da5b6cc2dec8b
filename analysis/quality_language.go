package analysis

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/metamortem/metamortem"
)

var (
	// blamePhrases judge people rather than describe what happened.
	blamePhrases = regexp.MustCompile(`(?i)\b(human errors?|operator errors?|pilot errors?|careless(?:ly|ness)?|negligen(?:t|ce)|sloppy|lazy|incompeten(?:t|ce)|obviously|should have known|more careful)\b`)
	// counterfactuals replay the incident with hindsight.
	counterfactuals = regexp.MustCompile(`(?i)\b(should(?:n't| not)? have|ought to have|could have (?:prevented|avoided|caught|noticed|spotted))\b`)
	// failureVerbs are failures that are blame when a person is their subject.
	failureVerbs = `(?:failed to|forgot(?: to)?|neglected(?: to)?|ignored|missed|overlooked|didn't bother|did not bother|broke|caused|deleted|misconfigured|made a mistake|messed up|screwed up|pushed a bad)`
	// humanSubject followed closely by a failure verb aims the failure at people.
	humanSubject = regexp.MustCompile(`(?i)\b(he|she|they|we|i|you|someone|somebody|nobody|no one|the (?:on-?call )?(?:engineer|developer|operator|on-?call|sre|admin|administrator|responder|reviewer|author)s?)\b(?:\s+\w+){0,2}?\s+` + failureVerbs + `\b`)
)

// CheckLanguage scans lines of review text for blame and counterfactual language, outside code
// fences and quotation marks. people are the names the reviews list (see PeopleNamed); a name
// as the subject of a failure is person-blame. Each finding's Line is the 1-based line it is
// on, and its message quotes the words matched.
func CheckLanguage(lines []string, people []string) []QualityFinding {
	return newLanguageChecker().check(lines, people)
}

// languageChecker runs CheckLanguage's rules. A rule's regexp runs only on lines that contain,
// in lower case, one of the words it cannot match without (its triggers; see triggerIndex),
// and the person-blame pattern only on lines that also hold one of the people's names as
// written (the pattern matches names only as written); the pattern of a set of names is
// compiled the first time a line needs it, once per set.
type languageChecker struct {
	// patterns holds the compiled person-blame patterns by their names' alternation.
	patterns map[string]*regexp.Regexp
}

func newLanguageChecker() *languageChecker {
	return &languageChecker{patterns: map[string]*regexp.Regexp{}}
}

// Triggers: lower-case words without which blamePhrases, counterfactuals and failureVerbs
// (so humanSubject and the person-blame pattern) cannot match.
var (
	blameTriggers          = []string{"human error", "operator error", "pilot error", "careless", "negligen", "sloppy", "lazy", "incompeten", "obviously", "should have known", "more careful"}
	counterfactualTriggers = []string{"should", "ought to have", "could have"}
	failureTriggers        = []string{"failed to", "forgot", "neglected", "ignored", "missed", "overlooked", "bother", "broke", "caused", "deleted", "misconfigured", "made a mistake", "messed up", "screwed up", "pushed a bad"}
)

// check is CheckLanguage.
func (c *languageChecker) check(lines []string, people []string) []QualityFinding {
	var personFailure *regexp.Regexp
	var names []string // personNames(people), once a line needs them
	namesDone := false
	var out []QualityFinding
	inFence := false
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			inFence = !inFence
			continue
		}
		if inFence {
			continue
		}
		n := i + 1
		found := languageTriggers.find(line)
		if found&triggerBlame != 0 {
			for _, m := range unquoted(line, blamePhrases) {
				out = append(out, QualityFinding{Rule: RuleBlameLanguage, Line: n, Message: fmt.Sprintf("%q judges people instead of describing what happened", m)})
			}
		}
		if found&triggerCounterfactual != 0 {
			for _, m := range unquoted(line, counterfactuals) {
				out = append(out, QualityFinding{Rule: RuleCounterfactual, Line: n, Message: fmt.Sprintf("%q replays the incident with hindsight", m)})
			}
		}
		if found&triggerFailure == 0 {
			continue
		}
		if !namesDone {
			names, namesDone = personNames(people), true
		}
		if slices.ContainsFunc(names, func(name string) bool { return strings.Contains(line, name) }) {
			if personFailure == nil {
				personFailure = c.personPattern(names)
			}
			for _, m := range unquoted(line, personFailure) {
				out = append(out, QualityFinding{Rule: RulePersonBlame, Line: n, Message: fmt.Sprintf("%q makes a person the subject of a failure", m)})
			}
		}
		for _, m := range unquoted(line, humanSubject) {
			out = append(out, QualityFinding{Rule: RuleCounterfactual, Line: n, Message: fmt.Sprintf("%q aims a failure at people", m)})
		}
	}
	return out
}

// PeopleNamed lists the names of every person the reviews name: their people and the owners of
// their actions.
func PeopleNamed(reviews []metamortem.Review) []string {
	var names []string
	for _, r := range reviews {
		for _, p := range r.People {
			names = append(names, p.Name)
		}
		for _, a := range r.Actions {
			if a.Owner != "" {
				names = append(names, a.Owner)
			}
		}
	}
	return names
}

// personPattern matches one of names (see personNames) followed closely by a failure verb.
// With no names it matches nothing. Each set of names is compiled once.
func (c *languageChecker) personPattern(names []string) *regexp.Regexp {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = regexp.QuoteMeta(n)
	}
	alts := strings.Join(quoted, "|")
	if re, ok := c.patterns[alts]; ok {
		return re
	}
	re := noMatch
	if alts != "" {
		re = regexp.MustCompile(`\b@?(?:` + alts + `)\b(?:\s+\w+){0,2}?\s+(?i:` + failureVerbs + `)\b`)
	}
	c.patterns[alts] = re
	return re
}

// noMatch matches nothing, not even an empty line.
var noMatch = regexp.MustCompile(`[^\x00-\x{10FFFF}]`)

// personNames returns the names the person-blame pattern looks for: people's names and
// capitalised first names, of three letters or more, without a handle's "@", the first of
// those alike but for case, longest first ("Priya Raman" before "Priya").
func personNames(people []string) []string {
	seen := map[string]bool{}
	var names []string
	addName := func(n string) {
		n = strings.TrimSpace(strings.TrimPrefix(n, "@"))
		if len([]rune(n)) < 3 || seen[strings.ToLower(n)] {
			return
		}
		seen[strings.ToLower(n)] = true
		names = append(names, n)
	}
	for _, p := range people {
		addName(p)
		if first, _, ok := strings.Cut(p, " "); ok && startsUpper(first) {
			addName(first)
		}
	}
	// Longest as the pattern writes them, so that the pattern's alternatives stay in the order
	// they always had.
	slices.SortStableFunc(names, func(a, b string) int { return len(regexp.QuoteMeta(b)) - len(regexp.QuoteMeta(a)) })
	return names
}

// unquoted returns the matches of re in line that do not stand inside quotation marks, where a
// review quotes a phrase to say it avoids it.
func unquoted(line string, re *regexp.Regexp) []string {
	var out []string
	for _, loc := range re.FindAllStringIndex(line, -1) {
		before := strings.TrimRightFunc(line[:loc[0]], unicode.IsSpace)
		if strings.HasSuffix(before, `"`) || strings.HasSuffix(before, "'") || strings.HasSuffix(before, "“") || strings.HasSuffix(before, "‘") {
			continue
		}
		out = append(out, line[loc[0]:loc[1]])
	}
	return out
}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}
