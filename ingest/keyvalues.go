package ingest

import (
	"regexp"
	"strings"
)

// Reviews carry metadata as key-value lines in many spellings: "**Severity:** Critical",
// "**Incident Leader: Peter**", "- Time to detection: 54 minutes", "Owner: @handle",
// "## Owner: @handle", a "## Date" heading over "Start: ..." lines, or a table of key and value
// cells. Only keys in metaKeys are read; other "Label: text" lines are prose.

// metaKeys map normalised keys to the field they fill.
var metaKeys = map[string]string{
	"severity": "severity", "sev": "severity", "incident severity": "severity", "priority": "severity",
	"severity level": "severity", "incident priority": "severity", "impact level": "severity",

	"date": "date", "incident date": "date", "date of incident": "date", "date of the incident": "date",
	"start": "start", "start time": "start", "started": "start", "start date": "start", "started at": "start",
	"start date/time": "start", "incident start": "start", "began": "start", "start of incident": "start",
	"end": "end", "end time": "end", "ended": "end", "end date": "end", "end date/time": "end",
	"resolved at": "end", "resolution time": "end", "resolved time": "end", "end of incident": "end",
	"detection time": "detected", "detected at": "detected", "time detected": "detected", "detected": "detected",
	"mitigation time": "mitigated", "mitigated at": "mitigated", "time mitigated": "mitigated",
	"duration": "duration", "total impact duration": "duration", "impact duration": "duration",
	"outage duration": "duration", "total duration": "duration", "incident duration": "duration",
	"time to detection": "ttd", "time to detect": "ttd", "ttd": "ttd", "mttd": "ttd", "detection delay": "ttd",
	"time to recovery": "ttr", "time to resolve": "ttr", "time to resolution": "ttr", "ttr": "ttr",
	"time to restore": "ttr", "time to repair": "ttr", "mttr": "mttr",
	"time to mitigate": "ttm", "time to mitigation": "ttm", "ttm": "ttm",

	"category": "tags", "categories": "tags", "tags": "tags", "labels": "tags", "keywords": "tags",
	"service": "components", "services": "components", "affected services": "components",
	"affected service": "components", "component": "components", "components": "components",
	"affected components": "components", "affected component": "components", "systems": "components",
	"affected systems": "components", "system": "components", "product": "components", "products": "components",
	"affected products": "components", "affected product": "components",

	"incident leader": "lead", "incident lead": "lead", "incident commander": "lead", "ic": "lead",
	"lead": "lead", "incident manager": "lead", "sre lead": "lead", "developer lead": "lead",
	"incident mgmt lead": "lead", "incident management lead": "lead",
	"responders": "responder", "responder": "responder", "involved": "responder",
	"involved parties": "responder", "people involved": "responder", "on-call": "responder",
	"on call": "responder", "on-call engineer": "responder", "first responder": "responder",
	"authors": "author", "author": "author", "by": "author", "written by": "author", "name": "author",
	"postmortem author": "author", "prepared by": "author", "postmortem lead": "author",
	"attendees": "attendee", "atendees": "attendee", "postmortem attendees": "attendee", "participants": "attendee",
	"owner": "owner", "postmortem owner": "owner", "document owner": "owner", "review owner": "owner",

	"meeting scheduled for": "reviewed", "date of review": "reviewed", "review date": "reviewed",
	"postmortem date": "reviewed", "post-mortem date": "reviewed", "reviewed": "reviewed",
	"reviewed on": "reviewed", "review meeting": "reviewed", "retrospective date": "reviewed",
	"meeting date": "reviewed",

	"incident id": "id", "incident number": "id", "incident": "id", "incident key": "id", "id": "id",
	"type": "kind", "incident type": "kind", "kind": "kind", "event type": "kind",
	"status": "status",
}

// keyValue is one metadata entry: the field it fills, the key as written, its value (inline
// Markdown), any list items that followed an empty value, and its line.
type keyValue struct {
	field string
	key   string
	value string
	items []string
	line  int
}

var (
	reKVBoldOut = regexp.MustCompile(`^(?:\*\*|__)([^*_]{1,60}?)(?:\*\*|__)\s*:\s*(.*)$`)
	reKVBoldIn  = regexp.MustCompile(`^(?:\*\*|__)([^*_]{1,60}?):(?:\*\*|__)\s*(.*)$`)
	reKVBoldAll = regexp.MustCompile(`^(?:\*\*|__)([^*_:]{1,60}?):\s*([^*_]+?)(?:\*\*|__)\s*$`)
	reKVPlain   = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9 /()#&'’.-]{0,60}?)\s*:\s*(.*)$`)
	// kvBoldForms are the spellings of a bold key, tried in order.
	kvBoldForms = []*regexp.Regexp{reKVBoldAll, reKVBoldIn, reKVBoldOut}
)

// metaField returns the field a key fills, or "".
func metaField(key string) string {
	return metaKeys[normHeading(key)]
}

// parseKV reads one line as a metadata entry with a known key. Keys in bold count anywhere;
// plain keys ("Owner: x") only where plain is set, so that a quoted commit log's "Date:" and
// "Author:" lines are not read as the review's. The first bold spelling that matches decides.
func parseKV(line string, plain bool) (field, key, value string, ok bool) {
	// Every spelling has a colon, and most lines of prose have none.
	if strings.IndexByte(line, ':') < 0 {
		return "", "", "", false
	}
	// A trailing backslash is a Markdown hard line break, not part of the value.
	s := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(line), `\`))
	if strings.HasPrefix(s, "**") || strings.HasPrefix(s, "__") {
		for _, re := range kvBoldForms {
			if m := re.FindStringSubmatch(s); m != nil {
				return knownKey(m)
			}
		}
		return "", "", "", false
	}
	if !plain {
		return "", "", "", false
	}
	if m := reKVPlain.FindStringSubmatch(s); m != nil {
		return knownKey(m)
	}
	return "", "", "", false
}

// knownKey turns a key-value match (key in m[1], value in m[2]) into an entry when the key is
// one of metaKeys.
func knownKey(m []string) (field, key, value string, ok bool) {
	if f := metaField(m[1]); f != "" {
		return f, strings.TrimSpace(m[1]), strings.TrimSpace(m[2]), true
	}
	return "", "", "", false
}

// metaKinds are the sections whose plain "Key: value" lines are metadata.
var metaKinds = map[string]bool{
	kindMetadata: true, kindDate: true, kindImpact: true, kindSummary: true, kindDetection: true,
	kindResolution: true, kindAttendees: true, kindAuthors: true, kindResponders: true, kindOwner: true,
	kindLead: true, kindTitle: true,
}

// plainKVs reports whether plain "Key: value" lines of a section's paragraphs are metadata: in
// the text before the first heading, under the title heading, and in metadata-like sections.
func plainKVs(s *section) bool {
	return s.level == 0 || s.level == 1 && s.kind == "" || metaKinds[s.kind]
}

// collectKeyValues reads metadata entries from the bodies and headings of the given sections,
// skipping sections whose effective kind is in skip.
func collectKeyValues(roots []*section, skip map[string]bool) []keyValue {
	var out []keyValue
	for _, r := range roots {
		r.walk(func(s *section) {
			if skip[s.effectiveKind()] {
				return
			}
			// "## Owner: @handle" and "## Incident Lead:" carry the value in the heading.
			if f, k, v, ok := parseKV(s.title, true); ok && s.level > 0 {
				kv := keyValue{field: f, key: k, value: v, line: s.line}
				if v == "" {
					kv.items = listValues(s.blocks())
				}
				out = append(out, kv)
			}
			found := kvFromBlocks(s.blocks(), s.effectiveKind() == kindTimeline, plainKVs(s))
			out = append(out, found...)
			// "### Date" over "2018-08-22", or "## Status" over "Resolved".
			if f := metaField(s.title); len(found) == 0 && f != "" && s.level > 0 && peopleField[f] == "" {
				if v := bodyText(s.body); v != "" && strings.Count(v, "\n") < 4 {
					out = append(out, keyValue{field: f, key: s.title, value: strings.ReplaceAll(v, "\n", " "), line: s.line})
				}
			}
		})
	}
	return out
}

// peopleField maps metadata fields that name people to their role.
var peopleField = map[string]string{
	"lead": "lead", "responder": "responder", "author": "author", "attendee": "attendee", "owner": "owner",
}

func kvFromBlocks(blocks []block, timeline, plain bool) []keyValue {
	var out []keyValue
	for i, b := range blocks {
		switch b.kind {
		case blockPara, blockItem:
			lines := strings.Split(b.text, "\n")
			for j, ln := range lines {
				f, k, v, ok := parseKV(ln, plain || b.kind == blockItem && !timeline)
				if !ok {
					continue
				}
				if timeline {
					// A line of a timeline that starts with a time is an event, not metadata.
					if _, _, stamped := scanStamp(cleanInline(ln)); stamped {
						continue
					}
				}
				kv := keyValue{field: f, key: k, value: v, line: b.line + j}
				if v == "" && b.kind == blockPara && j == len(lines)-1 {
					kv.items = listValues(blocks[i+1:])
				}
				out = append(out, kv)
			}
		case blockTable:
			if timeline {
				continue
			}
			rows := b.rows
			if b.head && len(rows) > 0 {
				rows = rows[1:]
			}
			for _, row := range rows {
				if len(row) > 4 {
					break
				}
				for c := 0; c+1 < len(row); c += 2 {
					if f := metaField(row[c]); f != "" && strings.TrimSpace(cleanInline(row[c+1])) != "" && metaField(row[c+1]) == "" {
						out = append(out, keyValue{field: f, key: row[c], value: row[c+1], line: b.line})
					}
				}
			}
		}
	}
	return out
}

// listValues returns the texts of the list items at the start of blocks.
func listValues(blocks []block) []string {
	var out []string
	for _, b := range blocks {
		if b.kind != blockItem {
			break
		}
		out = append(out, b.text)
	}
	return out
}
