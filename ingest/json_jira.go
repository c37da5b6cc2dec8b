package ingest

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/metamortem/metamortem"
)

// jiraFormat reads Jira REST issues (one issue, or search results {"issues": [...]}) as the
// follow-up actions of reviews defined elsewhere, as a postmortem tracker such as Etsy's Morgue
// files them. Each issue becomes an action of every review it links to: by an issue link to the
// postmortem's own issue, a label such as "postmortem-INC-123", or a review ID written in its
// summary or description. Issues that link to no review are skipped.
var jiraFormat = Format{
	Name:       "jira",
	Extensions: []string{".json"},
	Sniff:      sniffJira,
	Parse:      parseJira,
}

type jiraIssue struct {
	Key    jsonText   `json:"key"`
	Fields jiraFields `json:"fields"`
}

type jiraFields struct {
	Summary     jsonText        `json:"summary"`
	Description json.RawMessage `json:"description"` // a string (API v2) or a document (API v3)
	Status      *struct {
		Name     jsonText `json:"name"`
		Category *struct {
			Key jsonText `json:"key"`
		} `json:"statusCategory"`
	} `json:"status"`
	Resolution *named      `json:"resolution"`
	Assignee   *named      `json:"assignee"`
	Resolved   jsonTime    `json:"resolutiondate"`
	Due        jsonTime    `json:"duedate"`
	Labels     []jsonText  `json:"labels"`
	IssueType  *named      `json:"issuetype"`
	Links      []jiraLink  `json:"issuelinks"`
	Components []named     `json:"components"`
	Parent     *jiraLinked `json:"parent"`
}

type jiraLink struct {
	Type    *named      `json:"type"`
	Inward  *jiraLinked `json:"inwardIssue"`
	Outward *jiraLinked `json:"outwardIssue"`
}

type jiraLinked struct {
	Key    jsonText `json:"key"`
	Fields struct {
		Summary   jsonText `json:"summary"`
		IssueType *named   `json:"issuetype"`
	} `json:"fields"`
}

var (
	reReviewWord  = regexp.MustCompile(`(?i)post[- ]?mortem|post[- ]incident|\bpir\b|\bincident\b|retro(?:spective)?|\brca\b`)
	reReviewLabel = regexp.MustCompile(`(?i)^(?:post[-_]?mortem|pm|pir|incident|inc|rca|retro)[-_:/](.+)$`)
	reReviewRef   = regexp.MustCompile(`\b((?:INC|INCIDENT|PM|PIR|PMR|POSTMORTEM|RCA|IR|SEV|OUTAGE)[0-9]{0,4}-[0-9]{1,6})\b`)
)

// errNoReviewLinks is returned for a Jira document none of whose issues names a review.
var errNoReviewLinks = errors.New("no issue links to a review (by issue link, label or id in the text)")

func sniffJira(data []byte) bool {
	p, ok := peekJSON(data)
	if !ok {
		return false
	}
	return p.has("key", "fields") || p.item("issues", "key", "fields")
}

func parseJira(doc Document) (Result, error) {
	recs, err := jsonRecords(doc.Data, hasKey("fields"), "issues")
	if err != nil {
		return Result{}, err
	}
	issues, err := decodeRecords[jiraIssue](recs, "issues")
	if err != nil {
		return Result{}, err
	}
	frags, err := jiraFragments(issues, nil)
	if err != nil {
		return Result{}, err
	}
	return Result{Fragments: frags}, nil
}

// jiraFragments groups issues by the reviews they link to (jiraReviewIDs, plus refs[i] for the
// i-th issue when refs is given): one fragment per review, holding an action per issue and its
// assignee as an owner. It fails with errNoReviewLinks, as NothingToImport, when no issue links
// to a review.
func jiraFragments(issues []jiraIssue, refs [][]string) ([]metamortem.Review, error) {
	var frags fragmentSet
	skipped := 0
	for i, is := range issues {
		ids := jiraReviewIDs(is)
		if i < len(refs) {
			for _, ref := range refs[i] {
				if ref = strings.TrimSpace(ref); ref != "" && ref != is.Key.String() && !slices.Contains(ids, ref) {
					ids = append(ids, ref)
				}
			}
		}
		if len(ids) == 0 {
			skipped++
			continue
		}
		act := jiraAction(is)
		for _, id := range ids {
			f := frags.of(id)
			f.Actions = append(f.Actions, act)
			owner := metamortem.Person{Name: act.Owner, Role: metamortem.RoleOwner}
			if act.Owner != "" && !slices.Contains(f.People, owner) {
				f.People = append(f.People, owner)
			}
		}
	}
	if len(frags.list) == 0 {
		return nil, NothingToImport{fmt.Errorf("%w: %d issues read", errNoReviewLinks, skipped)}
	}
	return frags.list, nil
}

// jiraAction is the action an issue stands for.
func jiraAction(is jiraIssue) metamortem.Action {
	f := is.Fields
	act := metamortem.Action{
		Text:   cleanInline(f.Summary.String()),
		Owner:  f.Assignee.label(),
		Status: metamortem.ActionOpen,
		Due:    f.Due.t,
		Ticket: is.Key.String(),
	}
	resolution := f.Resolution.label()
	switch {
	case resolution != "" && statusWord(resolution) == metamortem.ActionWontFix:
		act.Status = metamortem.ActionWontFix
	case f.Status != nil && f.Status.Category != nil && strings.EqualFold(f.Status.Category.Key.String(), "done"):
		act.Status = metamortem.ActionDone
	case f.Status != nil && statusWord(f.Status.Name.String()) != "":
		act.Status = statusWord(f.Status.Name.String())
	case f.Resolved.t != nil:
		act.Status = metamortem.ActionDone
	}
	if act.Text == "" {
		act.Text = act.Ticket
	}
	return act
}

// jiraReviewIDs returns the IDs of the reviews an issue belongs to, in the order found: issues it
// links to that are postmortems or incidents, its review labels, review IDs in its text.
func jiraReviewIDs(is jiraIssue) []string {
	own := is.Key.String()
	var ids []string
	add := func(id string) {
		id = strings.TrimSpace(id)
		if id != "" && id != own && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	for _, l := range is.Fields.Links {
		linkType := ""
		if l.Type != nil {
			linkType = l.Type.Name.String() + " " + l.Type.Title.String()
		}
		for _, other := range []*jiraLinked{l.Inward, l.Outward} {
			if other == nil {
				continue
			}
			kind := other.Fields.IssueType.label()
			if reReviewWord.MatchString(linkType) || reReviewWord.MatchString(kind) ||
				reReviewWord.MatchString(other.Fields.Summary.String()) {
				add(other.Key.String())
			}
		}
	}
	if p := is.Fields.Parent; p != nil && reReviewWord.MatchString(p.Fields.IssueType.label()) {
		add(p.Key.String())
	}
	for _, l := range is.Fields.Labels {
		if m := reReviewLabel.FindStringSubmatch(l.String()); m != nil {
			add(m[1])
		}
	}
	for _, text := range []string{is.Fields.Summary.String(), jiraText(is.Fields.Description)} {
		for _, m := range reReviewRef.FindAllStringSubmatch(text, -1) {
			add(m[1])
		}
	}
	return ids
}

// jiraText returns the text of a description: a string, or the text nodes of an Atlassian
// document.
func jiraText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var node struct {
		Text    string            `json:"text"`
		Content []json.RawMessage `json:"content"`
	}
	if json.Unmarshal(raw, &node) != nil {
		return ""
	}
	parts := []string{node.Text}
	for _, c := range node.Content {
		parts = append(parts, jiraText(c))
	}
	return strings.TrimSpace(strings.Join(parts, " "))
}
