package ingest

import (
	"regexp"
	"strings"

	"github.com/metamortem/metamortem"
)

// Status feeds publish their post-incident reports inside the feed: a Google Cloud update whose
// text is a whole Markdown "# Incident Report", an Azure Post Incident Review written as
// question headings ("What went wrong and why?"), a Statuspage postmortem body. readReport
// reads such text with the Markdown importer's outline, factor, action and section readers,
// after normalising the habits of these feeds into headings those readers know.

// report is what an embedded incident report adds to a review.
type report struct {
	factors  []metamortem.Factor
	actions  []metamortem.Action
	sections map[string]string
}

var (
	// reReportTitle matches the first line of a Google Cloud report, escaped or not:
	// "# Incident Report", "## \# Mini Incident Report", "**INCIDENT REPORT**".
	reReportTitle = regexp.MustCompile(`(?i)^[\s#*\\]*(?:(mini|preliminary)\s+)?incident\s+report[\s*]*$`)
	reEscHeading  = regexp.MustCompile(`^(#{1,6})\s*(?:\\#)+\s*`)
	reBoldHeading = regexp.MustCompile(`^\s*\*{2,3}([^*]{2,80}?)\*{2,3}\s*:?\s*$`)
	reActionIntro = regexp.MustCompile(`(?i)\bfollowing\b[^.]{0,80}?\b(?:actions?|steps?|improvements?|measures?)\b|\bwill be completing\b`)
	reForward     = regexp.MustCompile(`(?i)\b(?:we will|will (?:also )?(?:be |continue |further )?\w+ing\b|will (?:also )?(?:build|add|improve|implement|review|complete|introduce|enhance|update|extend|expand)|we intend|we are (?:also )?(?:working|taking|improving|implementing|adding|building|reviewing|evaluating|calibrating|investigating|increasing|continuing)|we have been working|going forward)\b`)
	reBoilerplate = regexp.MustCompile(`(?i)^google is committed|apologi[sz]e|thank you for|we thank you`)
	reRootCause   = regexp.MustCompile(`(?i)\broot cause of (?:the|this) (?:issue|incident|outage|disruption) (?:was|is)\b`)
	reReportPart  = regexp.MustCompile(`(?i)\b(?:impact|description|details?|information|background|cause|prevention|remediation|summary|timeline|workaround)\b`)
	reSentenceEnd = regexp.MustCompile(`([.!?])\s+([A-Z(])`)
)

// reportKind returns "full", "mini" or "preliminary" when text starts like an incident report,
// else "".
func reportKind(text string) string {
	first, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
	m := reReportTitle.FindStringSubmatch(strings.TrimSpace(first))
	switch {
	case m == nil:
		return ""
	case m[1] == "":
		return "full"
	}
	return strings.ToLower(m[1])
}

// readReport reads an embedded incident report.
func readReport(text string) report {
	root := buildOutline(splitLines(normaliseReport(text), 1))
	roots := []*section{root}
	r := report{
		factors:  extractFactors(roots),
		actions:  extractActions(roots),
		sections: map[string]string{},
	}
	collectSections(roots, r.sections)
	for k, v := range r.sections {
		r.sections[k] = plainText(v)
	}
	if len(r.factors) == 0 {
		// Short reports state the cause in a sentence of their description.
		for _, k := range []string{kindSummary, "description", kindImpact} {
			if f := rootCauseSentence(r.sections[k]); f != "" {
				r.factors = append(r.factors, metamortem.Factor{Text: f})
				break
			}
		}
	}
	for i, a := range r.actions {
		if a.Status == metamortem.ActionUnknown && reOngoing.MatchString(a.Text) {
			r.actions[i].Status = metamortem.ActionOpen
		}
		if statusWord(a.Owner) != "" {
			// "We re-enabled the job (Completed)": a status, not an owner.
			r.actions[i].Owner = ""
		}
	}
	return r
}

var reOngoing = regexp.MustCompile(`(?i)\bestimated completion\b|\bin progress\b|\bongoing\b`)

// rootCauseSentence returns the sentence of text that says what the root cause was, or "".
func rootCauseSentence(text string) string {
	for _, s := range sentences(text) {
		if reRootCause.MatchString(s) {
			return s
		}
	}
	return ""
}

// sentences splits text into its sentences.
func sentences(text string) []string {
	text = reSentenceEnd.ReplaceAllString(strings.ReplaceAll(text, "\n", " "), "$1\n$2")
	var out []string
	for _, s := range strings.Split(text, "\n") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// normaliseReport rewrites a feed's report into Markdown the outline reads as intended: every
// line is its own paragraph, escaped headings ("## \# Summary") and bold lines ("**Root
// Cause:**") become headings, Azure's question headings become the sections they stand for, and
// a "Remediation and Prevention" section is split into what was done (resolution) and what will
// be done (action items).
func normaliseReport(text string) string {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	text = pirHeadings(text)
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimRight(l, " \t")
		l = strings.TrimSpace(strings.TrimSuffix(l, "\\"))
		if l == "" || strings.Trim(l, "#\\ ") == "" {
			continue
		}
		l = reEscHeading.ReplaceAllString(l, "$1 ")
		if m := reBoldHeading.FindStringSubmatch(l); m != nil {
			inner := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(m[1]), ":"))
			level := "### "
			if classifyHeading(inner) != "" || reReportPart.MatchString(inner) || strings.HasSuffix(strings.TrimSpace(m[1]), ":") || strings.HasSuffix(l, ":") {
				level = "## "
			}
			l = level + inner
		}
		lines = append(lines, l)
	}
	lines = splitRemediation(lines)
	return strings.Join(lines, "\n\n") + "\n"
}

// splitRemediation splits each "Remediation and Prevention" section into a resolution section
// (what was done) and an action items section (what will be done): at the line announcing "the
// following actions", else by whether each paragraph looks forward.
func splitRemediation(lines []string) []string {
	var out []string
	for i := 0; i < len(lines); i++ {
		level, title := atxHeading(lines[i])
		if level == 0 || !strings.HasPrefix(normHeading(title), "remediation") {
			out = append(out, lines[i])
			continue
		}
		end := i + 1
		for end < len(lines) {
			if l, _ := atxHeading(lines[end]); l > 0 && l <= level {
				break
			}
			end++
		}
		body := lines[i+1 : end]
		hashes := strings.Repeat("#", level) + " "
		var done, todo []string
		intro := -1
		for j, l := range body {
			if reActionIntro.MatchString(l) {
				intro = j
				break
			}
		}
		if intro >= 0 {
			done = body[:intro]
			if _, items, ok := strings.Cut(body[intro], ": - "); ok {
				// "… the following actions: - one - two" written on one line.
				for _, it := range strings.Split(items, " - ") {
					todo = append(todo, "- "+strings.TrimSpace(it))
				}
			}
			todo = append(todo, body[intro+1:]...)
		} else {
			for _, l := range body {
				switch {
				case reListStart.MatchString(l) || reForward.MatchString(l) && !reBoilerplate.MatchString(l):
					todo = append(todo, l)
				default:
					done = append(done, l)
				}
			}
		}
		if len(done) > 0 {
			out = append(out, hashes+"Resolution")
			out = append(out, done...)
		}
		if len(todo) > 0 {
			out = append(out, hashes+"Action items")
			out = append(out, todo...)
		}
		i = end - 1
	}
	return out
}

// pirQuestions map the question headings of Azure Post Incident Reviews to the sections they
// stand for.
var pirQuestions = []struct {
	re      *regexp.Regexp
	heading string
}{
	{regexp.MustCompile(`(?i)\bWhat happened\s*\?`), "Summary"},
	{regexp.MustCompile(`(?i)\bWhat went wrong,? and why\s*\?`), "Contributing factors"},
	{regexp.MustCompile(`(?i)\bHow did we respond\s*\?`), "Resolution"},
	{regexp.MustCompile(`(?i)\bHow are we making incidents like this less likely,? (?:or|and) less impactful\s*\?`), "Action items"},
	{regexp.MustCompile(`(?i)\bHow can (?:customers|we) make incidents like this less impactful\s*\?`), "Customer guidance"},
	{regexp.MustCompile(`(?i)\bHow can we make our incident communications more useful\s*\?`), "Communications"},
}

// pirHeadings turns the questions of an Azure Post Incident Review into Markdown headings, and
// the prose under "How are we making incidents like this less likely…" into one list item per
// sentence. Text without the questions is returned unchanged.
func pirHeadings(text string) string {
	if !pirQuestions[1].re.MatchString(text) && !pirQuestions[3].re.MatchString(text) {
		return text
	}
	for _, q := range pirQuestions {
		text = q.re.ReplaceAllString(text, "\n\n## "+q.heading+"\n\n")
	}
	parts := strings.Split(text, "\n## Action items\n")
	if len(parts) != 2 {
		return text
	}
	body, rest, _ := strings.Cut(parts[1], "\n## ")
	if !reListItem.MatchString(strings.TrimSpace(body)) {
		var items []string
		for _, s := range sentences(body) {
			items = append(items, "- "+s)
		}
		body = "\n" + strings.Join(items, "\n") + "\n"
	}
	if rest != "" {
		rest = "\n## " + rest
	}
	return parts[0] + "\n## Action items\n" + body + rest
}

// latestReport returns the text of the most complete report among a feed's update texts, newest
// first: the newest full report, else the newest mini or preliminary one.
func latestReport(texts []string) string {
	best, bestRank := "", 0
	for _, t := range texts {
		rank := map[string]int{"full": 3, "preliminary": 2, "mini": 1}[reportKind(t)]
		if rank > bestRank {
			best, bestRank = t, rank
		}
	}
	return best
}

// apply adds the report's factors, actions and sections to a review; sections the review has
// keep their text.
func (rep report) apply(r *metamortem.Review) {
	r.Factors = append(r.Factors, rep.factors...)
	r.Actions = append(r.Actions, rep.actions...)
	if r.Sections == nil {
		r.Sections = map[string]string{}
	}
	for k, v := range rep.sections {
		if _, ok := r.Sections[k]; !ok && v != "" {
			r.Sections[k] = v
		}
	}
}
