package ingest

import (
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
)

// Section kinds: what a heading is about, whatever its wording. Content kinds are also the
// names under which a review's sections are stored.
const (
	kindSummary      = "summary"
	kindImpact       = "impact"
	kindDetection    = "detection"
	kindResolution   = "resolution"
	kindTimeline     = "timeline"
	kindFactors      = "factors"
	kindActions      = "actions"
	kindLessons      = "lessons"
	kindWentWell     = "went_well"
	kindWentWrong    = "went_wrong"
	kindLucky        = "lucky"
	kindDifficulties = "difficulties"
	kindAttendees    = "attendees"
	kindAuthors      = "authors"
	kindResponders   = "responders"
	kindOwner        = "owner"
	kindLead         = "lead"
	kindMetadata     = "metadata"
	kindDate         = "date"
	kindTitle        = "title"
	kindOther        = "other"
)

// contentKinds are the kinds whose text is stored under the kind's name.
var contentKinds = map[string]bool{
	kindSummary: true, kindImpact: true, kindDetection: true, kindResolution: true,
	kindTimeline: true, kindFactors: true, kindActions: true, kindLessons: true,
	kindWentWell: true, kindWentWrong: true, kindLucky: true, kindDifficulties: true,
}

// peopleKinds map section kinds that list people to the role they give them.
var peopleKinds = map[string]string{
	kindAttendees: "attendee", kindAuthors: "author", kindResponders: "responder",
	kindOwner: "owner", kindLead: "lead",
}

// headingNames are heading texts, normalised by normHeading, and the kind they name.
var headingNames = map[string]string{
	"summary": kindSummary, "issue summary": kindSummary, "incident summary": kindSummary,
	"executive summary": kindSummary, "overview": kindSummary, "description": kindSummary,
	"brief description": kindSummary, "tl;dr": kindSummary, "tldr": kindSummary,
	"outage description": kindSummary, "incident description": kindSummary, "abstract": kindSummary,
	"summary of the incident": kindSummary, "incident overview": kindSummary,

	"impact": kindImpact, "customer impact": kindImpact, "user impact": kindImpact,
	"impact on users": kindImpact, "impact on customers": kindImpact, "summary of impact": kindImpact,
	"incident impact": kindImpact, "affected users": kindImpact, "end user impact": kindImpact,
	"business impact": kindImpact, "impact assessment": kindImpact, "scope": kindImpact,

	"detection": kindDetection, "how was it detected": kindDetection, "how we detected it": kindDetection,
	"how was the incident detected": kindDetection,

	"resolution": kindResolution, "resolution and recovery": kindResolution, "recovery": kindResolution,
	"stabilization steps": kindResolution, "stabilisation steps": kindResolution, "stabilization": kindResolution,
	"mitigation": kindResolution, "mitigation and resolution": kindResolution, "short term fix": kindResolution,
	"short-term fix": kindResolution, "fix": kindResolution, "how was it resolved": kindResolution,
	"resolution steps": kindResolution, "workaround": kindResolution, "recovery steps": kindResolution,
	"mitigation steps": kindResolution, "how we fixed it": kindResolution,

	"timeline": kindTimeline, "chain of events": kindTimeline, "sequence of events": kindTimeline,
	"events": kindTimeline, "incident timing": kindMetadata,

	"contributing factors": kindFactors, "contributing factor": kindFactors, "root cause": kindFactors,
	"root causes": kindFactors, "root cause analysis": kindFactors, "cause": kindFactors, "causes": kindFactors,
	"trigger": kindFactors, "triggers": kindFactors, "what caused the incident": kindFactors,
	"why did it happen": kindFactors, "contributing conditions analysis": kindFactors,
	"identified cause": kindFactors, "process breakdown": kindFactors, "process breakdowns": kindFactors,
	"underlying cause": kindFactors, "why it failed": kindFactors, "what caused it": kindFactors,
	"root cause and mitigation": kindFactors, "technical root cause": kindFactors,

	"action items": kindActions, "action item": kindActions, "actions": kindActions,
	"corrective actions": kindActions, "corrective and preventative measures": kindActions,
	"corrective and preventive measures": kindActions, "corrective and preventative measure": kindActions,
	"preventative and corrective actions": kindActions, "follow-ups": kindActions, "follow ups": kindActions,
	"followups": kindActions, "follow-up": kindActions, "follow-up actions": kindActions,
	"follow-up improvements": kindActions, "review actions": kindActions, "next steps": kindActions,
	"recommendations": kindActions, "remediation": kindActions, "remediations": kindActions,
	"long term solution": kindActions, "long-term solution": kindActions, "prevention": kindActions,
	"how are we preventing it from happening again": kindActions, "preventive measures": kindActions,
	"preventative measures": kindActions, "immediate actions": kindActions, "planned actions": kindActions,
	"future improvements": kindActions, "improvements": kindActions, "todo": kindActions, "to do": kindActions,
	"action items and followups": kindActions, "action items and follow-ups": kindActions,
	"what we are doing about it": kindActions, "what we're doing about it": kindActions,

	"lessons learned": kindLessons, "lessons learnt": kindLessons, "lessons": kindLessons,
	"key takeaways": kindLessons, "takeaways": kindLessons, "insights": kindLessons, "learnings": kindLessons,
	"reflections": kindLessons, "what we learned": kindLessons,

	"what went well": kindWentWell, "things that went well": kindWentWell, "what went right": kindWentWell,
	"went well":       kindWentWell,
	"what went wrong": kindWentWrong, "what went poorly": kindWentWrong, "what went badly": kindWentWrong,
	"what didn't go well": kindWentWrong, "what didn't go so well": kindWentWrong,
	"what could have gone better": kindWentWrong, "what could have been better": kindWentWrong,
	"things that went wrong": kindWentWrong, "what did not go well": kindWentWrong, "went wrong": kindWentWrong,
	"where we got lucky": kindLucky, "where did we get lucky": kindLucky, "where we were lucky": kindLucky,
	"lucky":        kindLucky,
	"difficulties": kindDifficulties, "challenges": kindDifficulties, "what was difficult": kindDifficulties,
	"what was hard": kindDifficulties, "difficulties during handling": kindDifficulties,
	"difficulties in handling": kindDifficulties, "difficulties during the response": kindDifficulties,
	"difficulties during response": kindDifficulties, "response difficulties": kindDifficulties,
	"challenges during the response": kindDifficulties, "what made this hard": kindDifficulties,
	"what made it hard": kindDifficulties, "obstacles": kindDifficulties,

	"attendees": kindAttendees, "atendees": kindAttendees, "attendance": kindAttendees,
	"postmortem attendees": kindAttendees, "post-mortem attendees": kindAttendees, "participants": kindAttendees,
	"authors": kindAuthors, "author": kindAuthors, "written by": kindAuthors,
	"involved": kindResponders, "involved parties": kindResponders, "people involved": kindResponders,
	"names of people involved": kindResponders, "responders": kindResponders, "incident responders": kindResponders,
	"owner": kindOwner, "postmortem owner": kindOwner, "owners": kindOwner,
	"incident lead": kindLead, "incident leader": kindLead, "incident commander": kindLead,

	"metadata": kindMetadata, "stats": kindMetadata, "statistics": kindMetadata, "details": kindMetadata,
	"incident details": kindMetadata, "important information": kindMetadata, "key information": kindMetadata,
	"date": kindDate, "dates": kindDate, "incident date": kindDate, "date and time": kindDate,

	"what happened": kindOther, "how did it happen": kindOther, "background": kindOther, "appendix": kindOther,
	"supporting information": kindOther, "supporting documents": kindOther, "notes": kindOther,
	"notes to the owner": kindOther, "q and a": kindOther, "q&a": kindOther, "faq": kindOther,
	"references": kindOther, "additional information": kindOther, "additional sections as required": kindOther,
	"anything else": kindOther, "context": kindOther, "what should you do": kindOther, "moving forward": kindOther,
	"open questions": kindOther, "glossary": kindOther, "links": kindOther, "status": kindOther,
	"report status": kindOther, "duration": kindOther, "start date/time": kindOther, "end date/time": kindOther,

	"title": kindTitle, "incident title": kindTitle, "title of the incident": kindTitle, "issue name": kindTitle,
	"incident name": kindTitle, "postmortem template": kindTitle,
}

// headingPrefixes classify headings that start with a known phrase, in order.
var headingPrefixes = []struct{ prefix, kind string }{
	{"lessons learn", kindLessons},
	{"what went well", kindWentWell},
	{"what went wrong", kindWentWrong},
	{"what didn't go", kindWentWrong},
	{"root cause", kindFactors},
	{"contributing factor", kindFactors},
	{"contributing condition", kindFactors},
	{"cause of", kindFactors},
	{"action item", kindActions},
	{"corrective", kindActions},
	{"preventative", kindActions},
	{"preventive", kindActions},
	{"remediation", kindActions},
	{"follow-up action", kindActions},
	{"follow up action", kindActions},
	{"next step", kindActions},
	{"recommendation", kindActions},
	{"immediate action", kindActions},
	{"issue summary", kindSummary},
	{"summary", kindSummary},
	{"impact", kindImpact},
	{"resolution", kindResolution},
}

var (
	reParens = regexp.MustCompile(`\([^()]*\)|\[[^\[\]]*\]`)
	// headingPunct spells typographic quotes, dashes and "&" the way headingNames does.
	headingPunct = strings.NewReplacer("’", "'", "‘", "'", "&", " and ", "–", "-", "—", "-")
	reImproveTo  = regexp.MustCompile(`^(?:immediate|short|medium|long|near|mid)[- ]?(?:term)?\s+(?:improvements?|actions?|fix(?:es)?|items?|follow-?ups?|work|solutions?)\b`)
)

// headingCache remembers normHeading's results. The same few hundred headings, column names and
// metadata keys recur in every document, and normalising one costs a dozen allocations. It
// stops growing at headingCacheSize entries, so that the titles of a large corpus cannot fill
// memory; later headings are normalised each time.
var (
	headingCache     sync.Map // heading → normalised heading
	headingCacheLen  atomic.Int64
	headingCacheSize = int64(1 << 14)
)

// normHeading lower-cases a heading and drops parenthetical notes, numbering and trailing
// punctuation: "2. Contributing Factors (findings):" becomes "contributing factors".
func normHeading(s string) string {
	if n, ok := headingCache.Load(s); ok {
		return n.(string)
	}
	n := normalizeHeading(s)
	if headingCacheLen.Load() < headingCacheSize {
		// Both are cloned, as either may share the document's memory, which the cache must not
		// keep alive.
		if _, loaded := headingCache.LoadOrStore(strings.Clone(s), strings.Clone(n)); !loaded {
			headingCacheLen.Add(1)
		}
	}
	return n
}

// normalizeHeading is normHeading without the cache.
func normalizeHeading(s string) string {
	s = strings.ToLower(cleanInline(s))
	s = headingPunct.Replace(s)
	for i := 0; i < 3 && strings.ContainsAny(s, "(["); i++ {
		s = reParens.ReplaceAllString(s, " ")
	}
	s = strings.TrimLeft(s, "0123456789.) \t")
	s = strings.Trim(s, " \t:?!.*#-")
	return collapseSpace(s)
}

// classifyTitle returns the kind a heading names and whether its wording matched exactly.
func classifyTitle(title string) (kind string, exact bool) {
	n := normHeading(title)
	if n == "" {
		return "", false
	}
	if k, ok := headingNames[n]; ok {
		return k, true
	}
	if strings.Contains(n, "timeline") {
		return kindTimeline, false
	}
	if reImproveTo.MatchString(n) || strings.HasSuffix(n, " improvements") || strings.HasSuffix(n, " action items") {
		return kindActions, false
	}
	for _, p := range headingPrefixes {
		if strings.HasPrefix(n, p.prefix) {
			return p.kind, false
		}
	}
	return "", false
}

// classifyHeading returns the kind a heading names, or "".
func classifyHeading(title string) string {
	k, _ := classifyTitle(title)
	return k
}

// effectiveKind is the kind a section's items are read as: its own kind, else the nearest kind
// of the sections it is nested in (an unclassified "### Incident mitigation" under "Contributing
// Factors" lists factors).
func (s *section) effectiveKind() string {
	for p := s; p != nil; p = p.parent {
		if p.kind != "" && p.kind != kindTitle && p.kind != kindOther {
			return p.kind
		}
		if p.kind == kindOther {
			return ""
		}
	}
	return ""
}

// collectSections fills a review's Sections: each section's own text goes under its kind when
// it has a content kind, else under its inherited content kind, else under the slug of its
// heading. Texts under one name are joined by a blank line.
func collectSections(roots []*section, out map[string]string) {
	for _, r := range roots {
		r.walk(func(s *section) {
			if s.level == 0 {
				return
			}
			name := s.kind
			if !contentKinds[name] {
				name = ""
				if k := s.effectiveKind(); contentKinds[k] && s.kind == "" {
					name = k
				}
			}
			if name == "" {
				name = slug(s.title)
			}
			text := bodyText(s.body)
			if name == "" || text == "" {
				return
			}
			if s.kind == "" && contentKinds[name] && s.parent != nil && s.parent.level > 0 {
				text = s.title + "\n\n" + text
			}
			if old := out[name]; old != "" {
				out[name] = old + "\n\n" + text
			} else {
				out[name] = text
			}
		})
	}
}
