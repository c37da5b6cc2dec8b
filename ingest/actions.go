package ingest

import (
	"regexp"
	"strings"
	"time"

	"github.com/metamortem/metamortem"
)

// Action items are the list items (or, without a list, the paragraphs) and table rows of action
// sections: Action Items, Corrective Actions, Remediation with its Immediate / Short-term /
// Long-term sub-sections, Follow-ups, Next steps. Each item's owner, status, due date and ticket
// are read from its text or its table columns.

var (
	reOwnerLabel  = regexp.MustCompile(`(?i)[(\[]?\b(?:owners?|assignee|assigned to|responsible|dri)\s*:\s*(@[\w./-]*\w|[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})[)\]]?\.?`)
	reOwnerParen  = regexp.MustCompile(`\((@[\w./-]*\w|[A-Z][a-z][\w'-]*(?:\s+[A-Z][a-z][\w'-]*){0,2})\)\s*\.?\s*$`)
	reHandleInTxt = regexp.MustCompile(`(?:^|[\s(\[,])(@[A-Za-z][A-Za-z0-9-]{0,38})(?:[\s)\].,;:!?]|$)`)
	reIssueURL    = regexp.MustCompile(`https?://[^\s)>\]]+/(?:issues|pull|pulls|merge_requests|-/issues|tickets?|browse)/[A-Za-z0-9-]+`)
	reJiraKey     = regexp.MustCompile(`(?:^|[\s(\[])([A-Z][A-Z0-9]{1,9}-\d{1,6})(?:[\s)\].,;:]|$)`)
	reGitHubRef   = regexp.MustCompile(`(?:^|[\s(\[])((?:[\w.-]+/[\w.-]+)?#\d{1,7})\b`)
	reDueLabel    = regexp.MustCompile(`(?i)\b(?:due(?:\s+(?:date|by|on))?|deadline|target date|by)\s*:?\s+`)
	reDoneMark    = regexp.MustCompile(`(?i)\((?:done|completed?|fixed|resolved|finished)\)|\[(?:done|completed?|fixed)\]|^(?:done|completed?)\s*[:\-–]|\s[-–—]\s*(?:done|completed?)\.?$`)
	reWontFix     = regexp.MustCompile(`(?i)\bwon'?t\s*(?:fix|do)\b|\bwontfix\b|\bwill not (?:fix|do)\b`)
	reStatusNote  = regexp.MustCompile(`(?i)\s*\((?:won'?t\s*(?:fix|do)|wontfix|will not (?:fix|do))\)`)
	reActionLabel = regexp.MustCompile(`(?i)^(?:\*\*|__)?(?:action items?|actions?|todo|to do|follow[- ]?up)\s*:\s*(?:\*\*|__)?\s*`)
)

// notKeys are upper-case prefixes that look like ticket keys but are not.
var notKeys = map[string]bool{"CVE": true, "CWE": true, "SEV": true, "RFC": true, "ISO": true, "UTC": true, "GMT": true, "HTTP": true, "TLS": true, "SHA": true, "UTF": true, "AWS": true, "EC": true}

// actionReader gathers the actions of one review.
type actionReader struct {
	out  []metamortem.Action
	seen map[string]bool
}

// extractActions returns the action items of the sections below roots.
func extractActions(roots []*section) []metamortem.Action {
	a := &actionReader{seen: map[string]bool{}}
	for _, r := range roots {
		r.walk(func(s *section) {
			if s.effectiveKind() != kindActions {
				return
			}
			def := sectionStatus(s)
			// "### Short-term ([tracked in #40885](...))": the heading's issue tracks its items.
			ticket := ""
			for p := s; p != nil && p.level > 0 && ticket == ""; p = p.parent {
				ticket = findTicket(p.raw)
			}
			blocks := s.blocks()
			for _, b := range blocks {
				if b.kind == blockTable {
					a.fromTable(b, def)
				}
			}
			labels := map[int]metamortem.ActionStatus{} // line of a bold label → status it implies
			for _, b := range blocks {
				if b.kind == blockPara && boldLine(strings.TrimSpace(b.text)) != nil {
					labels[b.line] = statusOfLabel(cleanInline(b.text))
				}
			}
			for _, b := range statements(blocks) {
				status := def
				best := -1
				for line, st := range labels {
					if line < b.line && line > best {
						best, status = line, st
					}
				}
				if status == "" {
					status = def
				}
				if b.depth > 0 && len(a.out) > 0 && isBareRef(b.text) {
					// A nested link under an item is that item's ticket.
					if last := &a.out[len(a.out)-1]; last.Ticket == "" {
						last.Ticket = findTicket(b.text)
					}
					continue
				}
				a.fromText(b.text, b.check, status, ticket)
			}
			// "**Action item:** Start incidents earlier. Owner: @x" among prose paragraphs.
			for _, b := range blocks {
				if b.kind == blockPara && reActionLabel.MatchString(b.text) && hasItems(blocks) {
					a.fromText(b.text, 0, def, ticket)
				}
			}
		})
	}
	return a.out
}

// isBareRef reports whether an item is nothing but a link or reference to a ticket.
func isBareRef(raw string) bool {
	t := cleanInline(raw)
	return !strings.Contains(t, " ") && findTicket(raw) != ""
}

func hasItems(blocks []block) bool {
	for _, b := range blocks {
		if b.kind == blockItem {
			return true
		}
	}
	return false
}

// sectionStatus is the status implied by the headings above an item: "Immediate Actions
// (Completed)" means done, "Planned actions (planned or in-progress)" means open.
func sectionStatus(s *section) metamortem.ActionStatus {
	for p := s; p != nil && p.level > 0; p = p.parent {
		if st := statusOfLabel(p.title); st != "" {
			return st
		}
	}
	return metamortem.ActionUnknown
}

// statusOfLabel reads the status a heading or label gives the items under it, or "".
func statusOfLabel(t string) metamortem.ActionStatus {
	t = strings.ToLower(t)
	switch {
	case strings.Contains(t, "completed") || strings.Contains(t, "(done)") || strings.HasSuffix(t, " done") || t == "done":
		return metamortem.ActionDone
	case strings.Contains(t, "planned") || strings.Contains(t, "in progress") || strings.Contains(t, "in-progress") ||
		strings.Contains(t, "open items") || strings.Contains(t, "outstanding") || strings.Contains(t, "to complete") ||
		strings.Contains(t, "to do") || strings.Contains(t, "todo"):
		return metamortem.ActionOpen
	}
	return ""
}

func (a *actionReader) add(act metamortem.Action) {
	act.Text = strings.TrimSpace(act.Text)
	if act.Text == "" || strings.Trim(act.Text, ".…-– ") == "" {
		return
	}
	if act.Status == "" {
		act.Status = metamortem.ActionUnknown
	}
	key := strings.ToLower(act.Text)
	if a.seen[key] {
		return
	}
	a.seen[key] = true
	a.out = append(a.out, act)
}

// fromText reads one list item or paragraph.
func (a *actionReader) fromText(raw string, check byte, def metamortem.ActionStatus, ticket string) {
	raw = strings.TrimSpace(raw)
	act := metamortem.Action{Status: def}
	switch {
	case check == 'x':
		act.Status = metamortem.ActionDone
	case check == ' ':
		act.Status = metamortem.ActionOpen
	case strings.HasPrefix(raw, "✅") || strings.HasPrefix(raw, "✔") || strings.HasPrefix(raw, "☑"):
		act.Status = metamortem.ActionDone
	case strings.HasPrefix(raw, "~~") && strings.HasSuffix(strings.TrimRight(raw, ". "), "~~"):
		act.Status = metamortem.ActionDone
	}
	raw = reActionLabel.ReplaceAllString(raw, "")
	text := cleanInline(raw)
	if act.Status == def || act.Status == metamortem.ActionUnknown {
		switch {
		case reWontFix.MatchString(text):
			act.Status = metamortem.ActionWontFix
		case reDoneMark.MatchString(text):
			act.Status = metamortem.ActionDone
		}
	}
	act.Ticket = findTicket(raw)
	if act.Ticket == "" {
		act.Ticket = ticket
	}
	text = dropTicket(text, act.Ticket)
	act.Owner, text = findOwner(text)
	act.Due, text = findDue(text)
	text = reDoneMark.ReplaceAllString(text, "")
	text = reStatusNote.ReplaceAllString(text, "")
	act.Text = strings.Trim(strings.TrimSpace(dropTicket(text, act.Ticket)), " -–—:;,")
	a.add(act)
}

// findOwner returns the owner named in an action's text and the text without an "Owner: x"
// label: "Owner: @handle", a trailing "(Name)" or "(@handle)", else the first @handle. Each
// pattern runs only on text holding the character it needs.
func findOwner(text string) (string, string) {
	if strings.Contains(text, ":") {
		if m := reOwnerLabel.FindStringSubmatchIndex(text); m != nil {
			owner := text[m[2]:m[3]]
			return owner, strings.TrimSpace(text[:m[0]] + " " + text[m[1]:])
		}
	}
	if strings.Contains(text, ")") {
		if m := reOwnerParen.FindStringSubmatchIndex(text); m != nil {
			if owner := text[m[2]:m[3]]; validName(owner) && !notNames[strings.ToLower(owner)] {
				return owner, strings.TrimSpace(text[:m[0]])
			}
		}
	}
	if strings.Contains(text, "@") {
		if m := reHandleInTxt.FindStringSubmatch(text); m != nil {
			return m[1], text
		}
	}
	return "", text
}

// findTicket returns the tracker reference of an action: an issue, pull request or ticket URL,
// else a ticket key ("ABC-123") or GitHub reference ("#123", "org/repo#123"). Each pattern runs
// only on text holding the characters it needs.
func findTicket(raw string) string {
	if strings.Contains(raw, "http") {
		if u := reIssueURL.FindString(raw); u != "" {
			return strings.TrimRight(u, ".,;")
		}
	}
	if !strings.ContainsAny(raw, "-#&") {
		return "" // no key or reference, nor an entity that cleanInline could decode to one
	}
	plain := cleanInline(raw)
	if strings.Contains(plain, "-") {
		for _, m := range reJiraKey.FindAllStringSubmatch(plain, -1) {
			prefix, _, _ := strings.Cut(m[1], "-")
			if isTicketPrefix(prefix) {
				return m[1]
			}
		}
	}
	if strings.Contains(plain, "#") {
		if m := reGitHubRef.FindStringSubmatch(plain); m != nil {
			return m[1]
		}
	}
	return ""
}

// isTicketPrefix reports whether the part before the dash of "ABC-123" can be a tracker's project
// key: two or more letters, and not a well-known acronym such as CVE or SEV.
func isTicketPrefix(p string) bool {
	letters := 0
	for _, c := range p {
		if c >= 'A' && c <= 'Z' {
			letters++
		}
	}
	return letters >= 2 && !notKeys[strings.TrimRight(p, "0123456789")]
}

// findDue reads "due 2024-05-01", "(due: May 1, 2024)" or "by 2024-05-01" and returns the date
// and the text without it.
func findDue(text string) (*time.Time, string) {
	for _, m := range reDueLabel.FindAllStringIndex(text, -1) {
		st, rest, ok := scanStamp(text[m[1]:])
		if !ok || !st.hasDate || st.date.y == 0 {
			continue
		}
		t, ok := st.at(st.date, time.UTC)
		if !ok {
			continue
		}
		before := strings.TrimRight(strings.TrimSpace(text[:m[0]]), "(,;")
		rest = strings.TrimLeft(rest, ")")
		return &t, strings.TrimSpace(before + " " + rest)
	}
	return nil, text
}

// dropTicket removes the ticket from the end of an action's text ("Add a test (ABC-1)", "Add a
// test https://github.com/o/r/issues/1"), where it only annotates the action; a text that is
// nothing but the ticket keeps it.
func dropTicket(text, ticket string) string {
	if ticket == "" {
		return text
	}
	t := strings.TrimRight(text, " .")
	for _, suffix := range []string{"(" + ticket + ")", "[" + ticket + "]", ticket} {
		if strings.HasSuffix(t, suffix) && len(t) > len(suffix) {
			return strings.TrimSpace(t[:len(t)-len(suffix)])
		}
	}
	return text
}

// fromTable reads an action table: a text column and, where present, owner, status, due and
// ticket columns.
func (a *actionReader) fromTable(b block, def metamortem.ActionStatus) {
	if !b.head || len(b.rows) < 2 {
		for _, row := range b.rows {
			if len(row) > 0 {
				a.fromText(row[0], 0, def, "")
			}
		}
		return
	}
	h := b.rows[0]
	owner := columnFor(h, "owner", "owners", "assignee", "who", "responsible", "assigned to", "dri", "assigned")
	status := columnFor(h, "status", "state", "done", "complete", "completed")
	due := columnFor(h, "due", "due date", "deadline", "target date", "eta", "target", "by when")
	ticket := columnFor(h, "ticket", "issue", "bug", "bug #", "jira", "link", "tracking", "tracker", "reference", "pr", "id")
	text := columnFor(h, "action item", "action items", "action", "actions", "item", "task", "description", "what",
		"follow-up", "follow up", "title", "summary", "todo", "remediation", "recommendation")
	if text < 0 {
		for i := range h {
			if i != owner && i != status && i != due && i != ticket {
				text = i
				break
			}
		}
	}
	for _, row := range b.rows[1:] {
		raw := cell(row, text)
		if cleanInline(raw) == "" {
			continue
		}
		act := metamortem.Action{Status: def}
		if s := statusWord(cleanInline(cell(row, status))); s != "" {
			act.Status = s
		} else if reWontFix.MatchString(cleanInline(raw)) {
			act.Status = metamortem.ActionWontFix
		}
		act.Ticket = findTicket(cell(row, ticket))
		if act.Ticket == "" {
			if t := cleanInline(cell(row, ticket)); t != "" && !strings.ContainsAny(t, " \t") {
				act.Ticket = t
			} else {
				act.Ticket = findTicket(raw)
			}
		}
		var rest string
		if names := splitNames(cell(row, owner)); len(names) > 0 {
			act.Owner = strings.Join(names, ", ")
			rest = cleanInline(raw)
		} else {
			act.Owner, rest = findOwner(cleanInline(raw))
		}
		if d := cleanInline(cell(row, due)); d != "" {
			if t, _, ok := parseWhen(d, ymd{}, time.UTC); ok {
				act.Due = &t
			}
		}
		if act.Due == nil {
			act.Due, rest = findDue(rest)
		}
		act.Text = rest
		a.add(act)
	}
}

// statusWord maps a status cell to a status, or "" when it says nothing known.
func statusWord(s string) metamortem.ActionStatus {
	n := strings.ToLower(strings.TrimSpace(s))
	switch {
	case n == "":
		return ""
	case reWontFix.MatchString(n) || strings.Contains(n, "wont fix") || n == "cancelled" || n == "canceled" || n == "rejected" || n == "dropped":
		return metamortem.ActionWontFix
	case n == "x" || n == "[x]" || n == "yes" || n == "y" || n == "✅" || n == "✔" || strings.HasPrefix(n, "done") ||
		strings.HasPrefix(n, "complete") || n == "closed" || n == "fixed" || n == "resolved" || n == "finished" || n == "merged":
		return metamortem.ActionDone
	case n == "open" || n == "todo" || n == "to do" || n == "no" || n == "[ ]" || strings.Contains(n, "progress") ||
		n == "planned" || n == "not started" || n == "pending" || n == "backlog" || n == "new" || n == "in review":
		return metamortem.ActionOpen
	}
	return ""
}
