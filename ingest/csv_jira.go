package ingest

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// jiraCSVFormat reads Jira's CSV export of issues ("Export > CSV (all fields)") as the
// follow-up actions of reviews defined elsewhere, linked to them exactly as the Jira JSON
// importer links REST issues (jiraReviewIDs): by an issue link, a label such as
// "postmortem-INC-123", or a review ID in the summary or description. The CSV names a linked
// issue only by key, without its type, so a link also counts when the key itself looks like a
// review's ("INC-123", "PIR-7"), and a custom field whose name speaks of an incident or
// postmortem ("Custom field (Incident)") holds review IDs.
var jiraCSVFormat = Format{
	Name:       "jira-csv",
	Extensions: []string{".csv"},
	Sniff:      sniffJiraCSV,
	Parse:      parseJiraCSV,
}

// sniffJiraCSV recognises a header with Jira's "Issue key" and "Summary" columns.
func sniffJiraCSV(data []byte) bool {
	t, ok := sniffTable(data)
	return ok && t.column("issue key") >= 0 && t.column("summary") >= 0
}

var (
	reJiraLinkColumn   = regexp.MustCompile(`(?i)^(?:outward|inward) issue link \((.*)\)$`)
	reJiraCustomColumn = regexp.MustCompile(`(?i)^custom field \((.*)\)$`)
)

// jiraCSVLayouts are the date formats of Jira's CSV export: the default "dd/MMM/yy h:mm a" and
// the ISO-like ones of instances configured otherwise.
var jiraCSVLayouts = []string{
	"2/Jan/06 3:04 PM", "2/Jan/06 15:04", "2/Jan/06", "2/Jan/2006 3:04 PM", "2/Jan/2006 15:04", "2/Jan/2006",
	"2006-01-02 15:04", "2006/01/02 15:04",
}

// parseJiraCSV turns each issue row into an action of the reviews it links to, one fragment per
// review. Rows that cannot be read are passed over; a document none of whose issues names a
// review is an error, as it is for the JSON export.
func parseJiraCSV(doc Document) (Result, error) {
	t, err := readRows(doc.Data)
	if err != nil {
		return Result{}, err
	}
	if t.column("issue key") < 0 {
		return Result{}, fmt.Errorf("no %q column: not a Jira export", "Issue key")
	}
	issues := make([]jiraIssue, 0, len(t.rows))
	refs := make([][]string, 0, len(t.rows))
	for _, row := range t.rows {
		is, more := readJiraRow(t.header, row)
		issues, refs = append(issues, is), append(refs, more)
	}
	frags, err := jiraFragments(issues, refs)
	if err != nil {
		return Result{}, err
	}
	return Result{Fragments: frags, Warnings: t.errs}, nil
}

// readJiraRow reads an issue row as the JSON importer's issue, and the review IDs only the CSV
// states (links by a review's key, custom fields). Repeated columns (Labels, issue links) are
// all read.
func readJiraRow(header []string, row csvRow) (is jiraIssue, refs []string) {
	f := &is.Fields
	var status, category string
	for i, h := range header {
		v := strings.TrimSpace(row.cells[i])
		if v == "" {
			continue
		}
		if m := reJiraLinkColumn.FindStringSubmatch(h); m != nil {
			linkType := &named{Name: jsonText(m[1])}
			for _, key := range splitCell(v, true) {
				f.Links = append(f.Links, jiraLink{Type: linkType, Outward: &jiraLinked{Key: jsonText(key)}})
				if reReviewRef.MatchString(key) {
					refs = append(refs, key)
				}
			}
			continue
		}
		if m := reJiraCustomColumn.FindStringSubmatch(h); m != nil {
			if reReviewWord.MatchString(m[1]) {
				refs = append(refs, splitCell(v, true)...)
			}
			continue
		}
		switch normColumn(h) {
		case "issue key":
			is.Key = jsonText(v)
		case "summary":
			f.Summary = jsonText(v)
		case "description":
			f.Description, _ = json.Marshal(v)
		case "status":
			status = v
		case "status category":
			category = v
		case "resolution":
			f.Resolution = &named{Name: jsonText(v)}
		case "assignee":
			f.Assignee = &named{Name: jsonText(v)}
		case "resolved":
			f.Resolved = jiraCSVTime(v)
		case "due date":
			f.Due = jiraCSVTime(v)
		case "labels":
			for _, l := range strings.Fields(v) {
				f.Labels = append(f.Labels, jsonText(l))
			}
		case "issue type":
			f.IssueType = &named{Name: jsonText(v)}
		}
	}
	if status != "" {
		f.Status = &struct {
			Name     jsonText `json:"name"`
			Category *struct {
				Key jsonText `json:"key"`
			} `json:"statusCategory"`
		}{Name: jsonText(status)}
		if strings.EqualFold(category, "done") {
			f.Status.Category = &struct {
				Key jsonText `json:"key"`
			}{Key: "done"}
		}
	}
	return is, refs
}

// jiraCSVTime reads a date of Jira's CSV export, in UTC (the export writes the exporting user's
// local time without a zone; UTC is the best reading without one).
func jiraCSVTime(s string) jsonTime {
	for _, layout := range jiraCSVLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return jsonTime{t: &t}
		}
	}
	if t, ok := tableTime(s, time.UTC); ok {
		return jsonTime{t: &t}
	}
	return jsonTime{}
}
