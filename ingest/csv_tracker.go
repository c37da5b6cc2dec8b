package ingest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/metamortem/metamortem"
)

// trackerFormat reads a spreadsheet of incidents exported as CSV: a header row, then one
// incident per row. Columns are matched to review fields by name (see csv_columns.go).
//
// Cause columns become factors only when they hold statements; columns that classify causes
// ("root_cause_l1", "Cause category") are labels and are kept as sections under their own
// name, out of factors and tags, so that an evaluation of themes can read them without the
// labels leaking into the analysis they are meant to judge.
var trackerFormat = Format{
	Name:       "csv",
	Extensions: []string{".csv", ".tsv", ".txt"},
	Sniff:      sniffTracker,
	Parse:      parseTracker,
}

// sniffTracker recognises a delimited table whose header names incident fields.
func sniffTracker(data []byte) bool {
	t, ok := sniffTable(data)
	if !ok {
		return false
	}
	p, err := planColumns(t.header, nil, nil)
	return err == nil && p.looksLikeTracker()
}

// sniffTable reads the header (and first row) of a document that could be a delimited table.
func sniffTable(data []byte) (csvTable, bool) {
	head := sniffHead(validUTF8(data[:min(len(data), sniffLimit+1)]))
	trimmed := []byte(strings.TrimSpace(head))
	if len(trimmed) == 0 || looksJSON(trimmed) || looksHTML(trimmed) {
		return csvTable{}, false
	}
	t, err := readTable([]byte(head), 1)
	return t, err == nil
}

// parseTracker reads every row of a tracker as a review. Rows that cannot be read are passed
// over; only a document without a usable header, or with no readable row, is an error.
func parseTracker(doc Document) (Result, error) {
	t, err := readRows(doc.Data)
	if err != nil {
		return Result{}, err
	}
	p, err := planColumns(t.header, t.rows, doc.ColumnMap)
	if err != nil {
		return Result{}, err
	}
	reviews := make([]metamortem.Review, 0, len(t.rows))
	used := map[string]bool{}
	for n, row := range t.rows {
		r := p.review(doc, row, n+1)
		for id, k := r.ID, 2; used[r.ID]; k++ {
			r.ID = fmt.Sprintf("%s-%d", id, k)
		}
		used[r.ID] = true
		reviews = append(reviews, r)
	}
	return Result{Reviews: reviews, Warnings: t.errs}, nil
}

// reBareNumber is an ID that is only a number, which would collide across trackers.
var reBareNumber = regexp.MustCompile(`^#?\d+$`)

// review reads the n-th data row (from 1).
func (p trackerColumns) review(doc Document, row csvRow, n int) metamortem.Review {
	r := metamortem.Review{Kind: metamortem.KindIncident, Sections: map[string]string{}}
	first := func(field string) string {
		for _, i := range p.byField[field] {
			if v := cleanInline(cell(row.cells, p.cols[i].index)); v != "" {
				return v
			}
		}
		return ""
	}
	items := func(field string, commas bool) []string {
		var out []string
		for _, i := range p.byField[field] {
			out = append(out, splitCell(cell(row.cells, p.cols[i].index), commas)...)
		}
		return out
	}

	r.Title = first(colTitle)
	switch id := first(colID); {
	case id == "" || strings.ContainsAny(id, " \t"):
		if r.Title == "" {
			r.Title = id
		}
		r.ID = doc.PathID(n)
	case reBareNumber.MatchString(id):
		r.ID = doc.PathID(1) + "-" + strings.TrimPrefix(id, "#")
	default:
		r.ID = id
	}

	var tags []string
	for _, c := range p.cols {
		v := cell(row.cells, c.index)
		switch c.field {
		case colSection:
			addSection(r.Sections, c.key, v)
		case colStatus:
			addSection(r.Sections, colStatus, v)
		case colFlag:
			if yes, _ := flagValue(v); yes {
				tags = append(tags, c.key)
			}
		case colDimension:
			for _, item := range splitCell(v, true) {
				tags = append(tags, c.key+":"+item)
			}
		}
	}
	if r.Title == "" {
		r.Title = titleFromSummary(r.Sections[kindSummary])
	}
	r.Severity = first(colSeverity)
	if impact := r.Sections[kindImpact]; r.Severity == "" && len(impact) <= 20 && metamortem.SeverityRank(impact) != nil {
		r.Severity = impact // an impact column holding levels ("High", "SEV2")
	}
	r.SeverityRank = metamortem.SeverityRank(r.Severity)
	kinds := items(colKind, true)
	r.Kind = kindOf(append(append([]string{r.Title}, kinds...), items(colTags, true)...))
	r.Tags = dedupeLower(append(append(kinds, items(colTags, true)...), tags...))
	r.Components = dedupeLower(items(colComponents, true))

	var ppl people
	for _, f := range []struct {
		field string
		role  metamortem.Role
	}{
		{colLead, metamortem.RoleLead}, {colPeople, metamortem.RoleResponder},
		{colAuthor, metamortem.RoleAuthor}, {colAttendees, metamortem.RoleAttendee},
	} {
		ppl.addAll(items(f.field, true), f.role)
	}
	r.People = ppl.list

	seen := map[string]bool{}
	for _, f := range items(colFactors, false) {
		if key := strings.ToLower(f); !seen[key] {
			seen[key] = true
			r.Factors = append(r.Factors, metamortem.Factor{Text: f})
		}
	}
	acts := &actionReader{seen: map[string]bool{}}
	for _, a := range items(colActions, false) {
		acts.fromText(a, 0, metamortem.ActionUnknown, "")
	}
	r.Actions = acts.out

	p.times(&r, first)
	if text := r.Sections[kindTimeline]; text != "" {
		ref := ymd{}
		if r.StartedAt != nil {
			ref = ymd{r.StartedAt.Year(), int(r.StartedAt.Month()), r.StartedAt.Day()}
		}
		sec := &section{level: 2, title: "Timeline", kind: kindTimeline, body: splitLines(text, row.line)}
		r.Timeline = parseTimeline(sec, ref, tableZone(first(colZone)))
	}
	return r
}

// times fills the review's milestones. A start written as a time of day only takes its date from
// a date column; without a start, the date, else the detection, is the start. An end is the
// start plus the duration when no end column says otherwise (even when the start is only a
// date: the duration is what time-to-resolve analyses read).
func (p trackerColumns) times(r *metamortem.Review, first func(string) string) {
	loc := tableZone(first(colZone))
	date := first(colDate)
	var start *time.Time
	at := func(field string) *time.Time {
		v := first(field)
		if v == "" {
			if field == colStarted {
				v = date
			}
			if v == "" {
				return nil
			}
		}
		t, ok := tableTime(v, loc)
		if !ok && date != "" {
			t, ok = tableTime(date+" "+v, loc)
			if ok && start != nil && t.Before(*start) && field != colStarted {
				t = t.Add(24 * time.Hour)
			}
		}
		if !ok {
			return nil
		}
		return &t
	}
	start = at(colStarted)
	r.DetectedAt = at(colDetected)
	if start == nil {
		start = r.DetectedAt
	}
	r.StartedAt = start
	r.MitigatedAt = at(colMitigated)
	r.ResolvedAt = at(colResolved)
	r.ReviewedAt = at(colReviewed)
	plus := func(d time.Duration, ok bool) *time.Time {
		if start == nil || !ok {
			return nil
		}
		t := start.Add(d)
		return &t
	}
	if r.ResolvedAt == nil {
		for _, f := range []struct {
			field string
			unit  time.Duration
		}{{colDurationMin, time.Minute}, {colDurationHrs, time.Hour}, {colDuration, time.Minute}} {
			if v := first(f.field); v != "" && r.ResolvedAt == nil {
				r.ResolvedAt = plus(cellDuration(v, f.unit))
			}
		}
	}
	if r.DetectedAt == nil {
		r.DetectedAt = plus(cellDuration(first(colTTD), time.Minute))
	}
	if r.MitigatedAt == nil {
		r.MitigatedAt = plus(cellDuration(first(colTTM), time.Minute))
	}
}

// tableTime reads a date or date-time cell: anything parseWhen reads, in loc when it names no
// zone, or Unix seconds or milliseconds.
func tableTime(s string, loc *time.Location) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if _, err := strconv.ParseInt(s, 10, 64); err == nil {
		return readTime(s)
	}
	if loc != time.UTC {
		for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"} {
			if t, err := time.ParseInLocation(layout, s, loc); err == nil {
				return t.UTC(), true
			}
		}
	}
	t, _, ok := parseWhen(s, ymd{}, loc)
	return t, ok
}

// tableZone reads a time zone cell: an abbreviation or offset ("PST", "UTC+2") or a zone name
// ("Europe/Berlin"). Times are UTC when it says nothing known.
func tableZone(s string) *time.Location {
	if s == "" {
		return time.UTC
	}
	if loc := findZone(s); loc != nil {
		return loc
	}
	if strings.Contains(s, "/") {
		if loc, err := time.LoadLocation(strings.TrimSpace(s)); err == nil {
			return loc
		}
	}
	return time.UTC
}

// maxIncidentDuration bounds the durations a tracker cell is believed for: longer ones are typos
// or other units, and would put a resolution in another era.
const maxIncidentDuration = 366 * 24 * time.Hour

// cellDuration reads a duration cell: a bare number in unit, or a written duration ("2h 30m").
func cellDuration(s string, unit time.Duration) (time.Duration, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	if f, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", "."), 64); err == nil {
		d := f * float64(unit)
		return time.Duration(d), d > 0 && d <= float64(maxIncidentDuration)
	}
	d, ok := parseDuration(s)
	return d, ok && d <= maxIncidentDuration
}

// reListMarker is a list marker at the start of an item.
var reListMarker = regexp.MustCompile(`^(?:[-*•+]|\d{1,3}[.)])\s+`)

// splitCell splits a multi-value cell into items: at semicolons and line breaks, and, when
// commas is set (lists of names, components or tags) and the cell has no semicolon, at commas.
// List markers are dropped and each item is flattened to plain text.
func splitCell(s string, commas bool) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	seps := ";\n\r"
	if commas && !strings.Contains(s, ";") {
		seps += ","
	}
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) }) {
		part = reListMarker.ReplaceAllString(strings.TrimSpace(part), "")
		if v := strings.Trim(cleanInline(part), " ."); v != "" && !notNames[strings.ToLower(v)] {
			out = append(out, v)
		}
	}
	return out
}

// addSection adds a cell's text to a section as plain text, keeping its line breaks.
func addSection(sections map[string]string, name, v string) {
	text := plainText(v)
	if text == "" {
		return
	}
	if old := sections[name]; old != "" {
		text = old + "\n\n" + text
	}
	sections[name] = text
}

// titleFromSummary makes a title of a summary when a tracker has no title column: the summary
// itself when it is short, else its first sentence.
func titleFromSummary(s string) string {
	if s == "" {
		return ""
	}
	if len(s) <= 120 && !strings.Contains(s, "\n") {
		return s
	}
	first, _, _ := strings.Cut(s, "\n")
	return firstSentence(first, 120)
}
