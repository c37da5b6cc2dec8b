package ingest

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// A tracker's columns are matched to review fields by name, whatever the spelling: "Incident
// ID", "incident_id" and "Incident #" are one column. `ingest --map column=field` overrides the
// match for a column; columns no name matches are kept as sections, or as tags when they hold
// yes/no flags.

// The fields a tracker column can fill. Besides these, a column can be a section (its cells
// stored under the column's name), a flag (a tag when the cell says yes) or a dimension (a tag
// "column:value").
const (
	colID          = "id"
	colTitle       = "title"
	colKind        = "kind"
	colSeverity    = "severity"
	colDate        = "date"
	colStarted     = "started_at"
	colDetected    = "detected_at"
	colMitigated   = "mitigated_at"
	colResolved    = "resolved_at"
	colReviewed    = "reviewed_at"
	colDuration    = "duration"
	colDurationMin = "duration_minutes"
	colDurationHrs = "duration_hours"
	colTTD         = "time_to_detect"
	colTTM         = "time_to_mitigate"
	colZone        = "timezone"
	colComponents  = "components"
	colFactors     = "factors"
	colPeople      = "people"
	colLead        = "lead"
	colAuthor      = "author"
	colAttendees   = "attendees"
	colActions     = "actions"
	colTags        = "tags"
	colStatus      = "status"
	colIgnore      = "ignore"

	colSection   = "section"
	colFlag      = "flag"
	colDimension = "dimension"
)

// csvFields are the field names `--map column=field` accepts: the fields above, and the section
// kinds a column's text can be stored under.
var csvFields = []string{
	colID, colTitle, colKind, colSeverity, colDate, colStarted, colDetected, colMitigated, colResolved,
	colReviewed, colDuration, colDurationMin, colDurationHrs, colTTD, colTTM, colZone, colComponents,
	colFactors, colPeople, colLead, colAuthor, colAttendees, colActions, colTags, colStatus,
	kindSummary, kindImpact, kindDetection, kindResolution, kindLessons, kindTimeline, colIgnore,
}

// reLabelColumn matches columns that hold a category of cause rather than a statement of it,
// such as "root_cause_l1" or "Cause category": labels, kept as sections, never read as factors.
var reLabelColumn = regexp.MustCompile(`^(?:root )?causes?\b.*\b(?:category|categories|type|types|class|classification|group|l\d|level \d|tier|code|label|labels|taxonomy|bucket|area)$|^(?:category|type|class) of (?:root )?cause`)

// reZoneSuffix is a time zone note at the end of a column name ("Start time (UTC)").
var reZoneSuffix = regexp.MustCompile(` (?:utc|gmt|z)$`)

// csvColumn is one column of a tracker and what it fills.
type csvColumn struct {
	index int
	name  string // as written in the header
	field string // one of the col… fields, a section kind, or colSection, colFlag, colDimension
	key   string // the section name, flag tag or dimension prefix
}

// trackerColumns is a tracker's columns, by field.
type trackerColumns struct {
	cols    []csvColumn
	byField map[string][]int // field → indexes into cols
}

// planColumns matches each header cell to a field: the user's --map first, then the names above,
// then the Markdown importer's metadata keys and section headings. rows, when given, let yes/no
// columns no name matches become flags. A map naming an unknown field is an error.
func planColumns(header []string, rows []csvRow, overrides map[string]string) (trackerColumns, error) {
	if err := checkColumnMap(overrides); err != nil {
		return trackerColumns{}, err
	}
	p := trackerColumns{byField: map[string][]int{}}
	for i, h := range header {
		c := csvColumn{index: i, name: h}
		c.field, c.key = columnField(h, overrides)
		if c.field == "" && h != "" {
			c.field, c.key = colSection, slug(h)
			if isFlagColumn(rows, i) {
				c.field, c.key = colFlag, strings.ReplaceAll(slug(h), "_", "-")
			}
		}
		if c.field == "" || c.field == colIgnore || c.key == "" && (c.field == colSection || c.field == colFlag) {
			continue
		}
		p.byField[c.field] = append(p.byField[c.field], len(p.cols))
		p.cols = append(p.cols, c)
	}
	// A "Title" column is the title even when a "Name" column comes first.
	rank := func(i int) int {
		if strings.Contains(normColumn(p.cols[i].name), "title") {
			return 0
		}
		return 1
	}
	slices.SortStableFunc(p.byField[colTitle], func(a, b int) int { return rank(a) - rank(b) })
	return p, nil
}

// checkColumnMap reports a --map naming a field tracker columns cannot fill.
func checkColumnMap(overrides map[string]string) error {
	cols := make([]string, 0, len(overrides))
	for col := range overrides {
		cols = append(cols, col)
	}
	slices.Sort(cols)
	for _, col := range cols {
		if mapField(overrides[col]) == "" {
			return fmt.Errorf("--map %s=%s: %q is not a field; valid fields are %s",
				col, overrides[col], overrides[col], strings.Join(csvFields, ", "))
		}
	}
	return nil
}

// mapField returns the field a --map value names, or "".
func mapField(v string) string {
	v = strings.ReplaceAll(strings.ToLower(strings.TrimSpace(v)), " ", "_")
	if slices.Contains(csvFields, v) {
		return v
	}
	return csvFieldAliases[v]
}

// columnField returns the field a column fills and, for sections and dimensions, its key.
func columnField(h string, overrides map[string]string) (field, key string) {
	low := strings.ToLower(strings.TrimSpace(h))
	if f, ok := overrides[low]; ok {
		return sectionKey(mapField(f), h)
	}
	cols := make([]string, 0, len(overrides))
	for col := range overrides {
		cols = append(cols, col)
	}
	slices.Sort(cols)
	for _, col := range cols {
		if normColumn(col) == normColumn(h) {
			return sectionKey(mapField(overrides[col]), h)
		}
	}
	full, bare := normColumn(h), bareColumn(h)
	if reLabelColumn.MatchString(full) || reLabelColumn.MatchString(bare) {
		return colSection, strings.ReplaceAll(full, " ", "_")
	}
	for _, n := range []string{full, bare, reZoneSuffix.ReplaceAllString(bare, "")} {
		if f, ok := csvColumnNames[n]; ok {
			return sectionKey(durationUnit(f, low), h)
		}
	}
	if f := metaColumnFields[metaField(bare)]; f != "" {
		return sectionKey(f, h)
	}
	if k := classifyHeading(bare); contentKinds[k] {
		return sectionKey(k, h)
	}
	return "", ""
}

// sectionKey completes a field with its key: section kinds are stored under their own name,
// dimensions under the column's.
func sectionKey(field, header string) (string, string) {
	switch {
	case contentKinds[field] && field != kindFactors && field != kindActions:
		return colSection, field
	case field == kindFactors:
		return colFactors, ""
	case field == kindActions:
		return colActions, ""
	case field == colDimension:
		return colDimension, normColumn(header)
	}
	return field, ""
}

// durationUnit reads the unit a duration column states in a note ("Duration (hours)").
func durationUnit(field, header string) string {
	if field != colDuration {
		return field
	}
	switch {
	case strings.Contains(header, "hour") || strings.Contains(header, "hrs") || strings.Contains(header, "(h)"):
		return colDurationHrs
	case strings.Contains(header, "min"):
		return colDurationMin
	}
	return field
}

// isFlagColumn reports whether every non-empty cell of column i is a yes/no value.
func isFlagColumn(rows []csvRow, i int) bool {
	seen := false
	for _, r := range rows {
		c := cell(r.cells, i)
		if c == "" {
			continue
		}
		if _, ok := flagValue(c); !ok {
			return false
		}
		seen = true
	}
	return seen
}

// flagValue reads a yes/no cell.
func flagValue(s string) (value, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "yes", "y", "t", "x", "✓", "✔":
		return true, true
	case "false", "no", "n", "f":
		return false, true
	}
	return false, false
}

// has reports whether any column fills one of the fields.
func (p trackerColumns) has(fields ...string) bool {
	for _, f := range fields {
		if len(p.byField[f]) > 0 {
			return true
		}
	}
	return false
}

// looksLikeTracker reports whether the columns describe incidents: a title, id or summary column, and
// either a column incidents have and other tables rarely do (a start, end, duration or cause,
// but not a record's creation time), or two weaker ones (severity, actions, impact). An owners
// table (component, team), a catalog (name, description, owner, system) or a table of a
// relational export that refers to incidents (id and incident_id) is none.
func (p trackerColumns) looksLikeTracker() bool {
	if !p.has(colTitle, colID) && !p.hasSection(kindSummary) {
		return false
	}
	ids := 0
	for _, i := range p.byField[colID] {
		if n := normColumn(p.cols[i].name); n == "id" || n == "incident id" {
			ids++
		}
	}
	if ids >= 2 {
		return false
	}
	for _, c := range p.cols {
		switch c.field {
		case colDate, colStarted, colResolved, colMitigated, colDuration, colDurationMin, colDurationHrs, colFactors:
			return true
		case colDetected:
			if !genericTimeColumns[normColumn(c.name)] {
				return true
			}
		}
	}
	weak := 0
	for _, f := range []string{colSeverity, colActions} {
		if p.has(f) {
			weak++
		}
	}
	if p.hasSection(kindImpact) {
		weak++
	}
	return weak >= 2
}

// hasSection reports whether a column is stored as the named section.
func (p trackerColumns) hasSection(name string) bool {
	for _, i := range p.byField[colSection] {
		if p.cols[i].key == name {
			return true
		}
	}
	return false
}
