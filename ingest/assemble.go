package ingest

import (
	"path"
	"regexp"
	"strings"

	"github.com/metamortem/metamortem"
)

// readScope builds one review from the sections below roots: the whole document, or one
// incident of a document that holds several. title is the incident's heading in the latter case.
func readScope(doc Document, fm frontMatter, roots []*section, title string) metamortem.Review {
	r := metamortem.Review{Kind: metamortem.KindIncident, Sections: map[string]string{}}
	kvs := collectKeyValues(roots, map[string]bool{kindActions: true})
	first := func(field string) string {
		for _, kv := range kvs {
			if kv.field == field && strings.TrimSpace(cleanInline(kv.value)) != "" {
				return cleanInline(kv.value)
			}
		}
		return ""
	}

	r.Title = fm.scalar("title", "name")
	if r.Title == "" {
		r.Title = title
	}
	if r.Title == "" {
		r.Title = headingTitle(roots)
	}
	if r.Title == "" {
		r.Title = stemTitle(doc.Rel)
	}
	if r.Title == "" {
		// A file named by an opaque ID, without a title: the summary's first sentence names it.
		summary := fm.scalar("summary", "description")
		if summary == "" {
			summary = preamble(roots)
		}
		r.Title = firstSentence(cleanInline(summary), 120)
	}

	r.ID = fm.scalar("id", "uuid", "key")
	if r.ID == "" {
		if v := first("id"); v != "" && !strings.ContainsAny(v, " \t") && len(v) <= 64 {
			r.ID = v
		}
	}
	if r.ID == "" {
		r.ID = incidentKey(r.Title)
	}
	if r.ID == "" && title == "" {
		r.ID = incidentKey(path.Base(doc.Rel))
	}

	r.Severity = fm.scalar("severity", "sev", "priority", "incident_severity")
	if r.Severity == "" {
		r.Severity = first("severity")
	}
	r.SeverityRank = metamortem.SeverityRank(r.Severity)

	r.Components = fm.list(true, "components", "services", "affected_services", "systems", "affected_systems")
	r.Components = append(r.Components, fm.list(false, "component", "service", "system", "product", "products")...)
	r.Tags = fm.list(true, "categories", "category", "keywords", "tags", "labels")
	for _, kv := range kvs {
		switch kv.field {
		case "components":
			r.Components = append(r.Components, splitList(kv.value, kv.items)...)
		case "tags":
			r.Tags = append(r.Tags, splitList(kv.value, kv.items)...)
		}
	}
	r.Components = dedupeLower(r.Components)
	r.Tags = dedupeLower(r.Tags)

	r.Kind = kindOf(append([]string{fm.scalar("kind", "type", "incident_type"), first("kind"), r.Title}, r.Tags...))

	var ppl people
	for _, f := range fmPeople {
		names, roles := fm.people(f.key)
		for i, n := range names {
			ppl.add(n, roleOf(roles[i], f.role))
		}
	}
	for _, kv := range kvs {
		if role := peopleField[kv.field]; role != "" {
			ppl.addAll(append([]string{kv.value}, kv.items...), metamortem.Role(role))
		}
	}
	peopleFromSections(roots, &ppl)

	r.Factors = extractFactors(roots)
	r.Actions = extractActions(roots)
	for _, a := range r.Actions {
		if a.Owner != "" {
			ppl.addAll([]string{a.Owner}, metamortem.RoleOwner)
		}
	}

	// The review's date: for timeline entries and values written without a date or year.
	fallback := contextDates(doc, roots, title, r.Title)
	ref := ymd{}
	if len(fallback) > 0 {
		ref = fallback[0]
	}
	if v := fm.scalar("start_time", "started", "started_at", "start", "date", "incident_date"); v != "" {
		if t, _, ok := parseWhen(v, ref, nil); ok {
			ref = ymd{t.Year(), int(t.Month()), t.Day()}
		}
	} else {
		for _, kv := range kvs {
			if kv.field == "start" || kv.field == "date" {
				if st, _, ok := scanStamp(cleanInline(kv.value)); ok && st.hasDate {
					if d := st.date.withYear(ref); d.y != 0 {
						ref = d
						break
					}
				}
			}
		}
	}
	for _, tl := range timelineSections(roots) {
		r.Timeline = append(r.Timeline, parseTimeline(tl, ref, nil)...)
	}
	for _, e := range r.Timeline {
		if e.Actor != "" {
			ppl.addAll([]string{e.Actor}, metamortem.RoleResponder)
		}
	}
	r.People = ppl.list

	milestones(milestoneInput{fm: fm, kvs: kvs, timeline: r.Timeline, ref: ref, fallback: fallback}, &r)
	if r.ReviewedAt == nil {
		r.ReviewedAt = reviewedInProse(string(doc.Data), ref)
	}

	collectSections(roots, r.Sections)
	if r.Sections[kindSummary] == "" {
		if s := fm.scalar("summary", "description"); s != "" {
			r.Sections[kindSummary] = s
		} else if s := preamble(roots); s != "" {
			r.Sections[kindSummary] = s
		}
	}
	r.Source = metamortem.Source{Path: doc.Path, Format: "markdown", SHA256: doc.SHA256}
	return r
}

// fmPeople are front matter keys that list people, with the role they give.
var fmPeople = []struct {
	key  string
	role metamortem.Role
}{
	{"incident_commander", metamortem.RoleLead}, {"incident_lead", metamortem.RoleLead},
	{"incident_leader", metamortem.RoleLead}, {"lead", metamortem.RoleLead}, {"ic", metamortem.RoleLead},
	{"responders", metamortem.RoleResponder}, {"involved", metamortem.RoleResponder},
	{"authors", metamortem.RoleAuthor}, {"author", metamortem.RoleAuthor},
	{"attendees", metamortem.RoleAttendee}, {"owner", metamortem.RoleOwner}, {"owners", metamortem.RoleOwner},
	{"people", metamortem.RoleResponder}, {"participants", metamortem.RoleAttendee},
}

// timelineSections returns the outermost timeline sections below roots.
func timelineSections(roots []*section) []*section {
	var out []*section
	var visit func(s *section)
	visit = func(s *section) {
		if s.kind == kindTimeline {
			out = append(out, s)
			return
		}
		for _, c := range s.children {
			visit(c)
		}
	}
	for _, r := range roots {
		visit(r)
	}
	return out
}

// preamble returns the text before the first heading (or under a title heading), used as the
// summary of reviews that have no summary section.
func preamble(roots []*section) string {
	for _, r := range roots {
		if t := bodyText(r.body); t != "" {
			return t
		}
		for _, c := range r.children {
			if c.level == 1 && c.kind == "" {
				if t := bodyText(c.body); t != "" && !strings.HasPrefix(t, "**") {
					return t
				}
			}
		}
	}
	return ""
}

var (
	reKeyInText = regexp.MustCompile(`(?:^|[^A-Za-z0-9-])([A-Z][A-Z0-9]{1,9}-\d{1,6})(?:$|[^A-Za-z0-9-])`)
	reUUIDish   = regexp.MustCompile(`^[0-9a-fA-F-]{16,}$`)
	reStemDate  = regexp.MustCompile(`^(?:\d{4}[-_.]\d{1,2}[-_.]\d{1,2}|\d{1,2}[-_.]\d{1,2}(?:[-_.]\d{2,4})?|\d{1,4})[-_ .]+`)
	reCamel     = regexp.MustCompile(`([a-z])([A-Z])`)
	reDrill     = regexp.MustCompile(`(?i)\b(drill|game ?days?|chaos (?:exercise|experiment|test)|exercise|dry[- ]run|tabletop|simulation)\b`)
	reNearMiss  = regexp.MustCompile(`(?i)\bnear[- ]?miss(?:es)?\b`)
)

// incidentKey returns an incident key such as "INC-123" or "PM2021-005" written in s, or "".
func incidentKey(s string) string {
	for _, m := range reKeyInText.FindAllStringSubmatch(s, -1) {
		prefix, _, _ := strings.Cut(m[1], "-")
		if isTicketPrefix(prefix) {
			return m[1]
		}
	}
	return ""
}

// headingTitle returns the review's title heading: the first level-1 heading that is neither a
// section name nor a date, or the heading under a "# Title:" label.
func headingTitle(roots []*section) string {
	var found string
	for _, r := range roots {
		r.walk(func(s *section) {
			if found != "" || s.level != 1 {
				return
			}
			t := strings.TrimSpace(reTitleLabel.ReplaceAllString(s.title, ""))
			switch {
			case s.kind == kindTitle && bodyText(s.body) == "" && len(s.children) > 0 && s.children[0].kind == "":
				found = s.children[0].title
			case t == "" || s.kind != "" || isDateOnly(t) || isPlaceholderTitle(t):
			default:
				found = t
			}
		})
	}
	return found
}

var reTitleLabel = regexp.MustCompile(`(?i)^(?:title|incident title|incident name)\s*:\s*`)

// isPlaceholderTitle reports template titles such as "ISSUE NAME" or "Incident title - DD/MM/YYYY".
func isPlaceholderTitle(t string) bool {
	n := normHeading(t)
	if k := headingNames[n]; k == kindTitle {
		return true
	}
	return !strings.ContainsFunc(n, func(r rune) bool { return r >= 'a' && r <= 'z' }) || strings.Contains(n, "dd/mm") || strings.Contains(n, "mm/dd") || strings.Contains(n, "yyyy") ||
		strings.HasPrefix(n, "incident title") || strings.HasPrefix(n, "title of")
}

// stemTitle makes a title of a file name: "2025-09-29-flags-is-down.md" is "Flags is down".
func stemTitle(rel string) string {
	stem := strings.TrimSuffix(path.Base(rel), path.Ext(rel))
	if ext := path.Ext(rel); strings.ContainsAny(ext, " \t") || len(ext) > 10 {
		stem = path.Base(rel)
	}
	stem = reStemDate.ReplaceAllString(stem, "")
	if reUUIDish.MatchString(stem) {
		return ""
	}
	stem = reCamel.ReplaceAllString(stem, "$1 $2")
	stem = strings.Join(strings.Fields(strings.NewReplacer("_", " ", "-", " ").Replace(stem)), " ")
	if key := incidentKey(path.Base(rel)); key != "" && strings.HasPrefix(stem, strings.ReplaceAll(key, "-", " ")) {
		stem = strings.TrimSpace(stem[len(key):])
	}
	if stem == "" {
		return ""
	}
	r := []rune(stem)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// firstSentence returns the first sentence of s, shortened to at most n characters.
func firstSentence(s string, n int) string {
	for i := 0; i+1 < len(s); i++ {
		if (s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i+1] == ' ' && i > 10 {
			s = s[:i+1]
			break
		}
	}
	return clip(strings.TrimSpace(s), n)
}

// kindOf reads the kind of review from its declared type, title and tags.
func kindOf(texts []string) metamortem.Kind {
	for _, t := range texts {
		switch {
		case reNearMiss.MatchString(t):
			return metamortem.KindNearMiss
		case reDrill.MatchString(t):
			return metamortem.KindDrill
		}
	}
	return metamortem.KindIncident
}

// splitList splits a metadata value into items at commas and semicolons, plus any list items
// that followed the key.
func splitList(value string, items []string) []string {
	var out []string
	for _, v := range append([]string{value}, items...) {
		for _, p := range strings.FieldsFunc(cleanInline(v), func(r rune) bool { return r == ',' || r == ';' }) {
			if p = strings.Trim(strings.TrimSpace(p), "."); p != "" && !notNames[strings.ToLower(p)] && !strings.EqualFold(p, "xxx") {
				out = append(out, p)
			}
		}
	}
	return out
}

// dedupeLower lower-cases values and drops repeats, keeping the order of first appearance.
func dedupeLower(values []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range values {
		v = strings.ToLower(strings.TrimSpace(v))
		if v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// contextDates returns dates that place the review in time when nothing more precise does: the
// incident heading, the title, the first paragraph of the summary, the file name.
func contextDates(doc Document, roots []*section, incidentTitle, title string) []ymd {
	var out []ymd
	fileYear := ymd{}
	base := path.Base(doc.Rel)
	if d, _, n := dateAt(base); n > 0 && d.y != 0 {
		fileYear = d
	}
	addFrom := func(s string) {
		for _, f := range findDates(s) {
			if d := f.date.withYear(fileYear); d.y != 0 && d.valid() {
				out = append(out, d)
				return
			}
		}
	}
	addFrom(incidentTitle)
	addFrom(title)
	for _, r := range roots {
		r.walk(func(s *section) {
			if s.level == 1 && isDateOnly(s.title) {
				addFrom(s.title)
			}
		})
	}
	var summary string
	for _, r := range roots {
		r.walk(func(s *section) {
			if summary == "" && s.kind == kindSummary {
				summary = bodyText(s.body)
			}
		})
	}
	if summary == "" {
		summary = preamble(roots)
	}
	addFrom(clip(cleanInline(summary), 300))
	if fileYear.y != 0 {
		out = append(out, fileYear)
	}
	return out
}
