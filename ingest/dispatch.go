package ingest

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/metamortem/metamortem"
)

// dispatchFormat reads the tables of Netflix Dispatch, an incident-management tool, exported
// as one CSV file per table into a folder (a database dump's COPY blocks, `\N` for NULL). The
// folder is read as one bundle: incident.csv and participant.csv are required, the tables
// below are joined in when present. Each incident becomes a review with its participants (the
// commander as lead, everyone else as responder), tasks as actions and events as timeline.
// Individual contacts also go to the catalog, with their e-mail addresses.
var dispatchFormat = Format{
	Name:       "dispatch",
	Extensions: []string{".txtar"},
	Sniff:      sniffDispatch,
	Parse:      parseDispatch,
	Bundle:     dispatchBundle,
}

// dispatchTables are the tables the importer reads, the first two required.
var dispatchTables = []string{
	"incident.csv", "participant.csv", "individual_contact.csv", "participant_role.csv", "task.csv",
	"task_assignees.csv", "event.csv", "incident_severity.csv", "incident_priority.csv",
	"incident_type.csv", "tag.csv", "assoc_incident_tags.csv",
}

// dispatchBundle picks a Dispatch export's tables from a folder's file names.
func dispatchBundle(names []string) []string {
	if !slices.Contains(names, "incident.csv") || !slices.Contains(names, "participant.csv") {
		return nil
	}
	var members []string
	for _, t := range dispatchTables {
		if slices.Contains(names, t) {
			members = append(members, t)
		}
	}
	return members
}

// sniffDispatch recognises a bundle archive holding the two required tables.
func sniffDispatch(data []byte) bool {
	head := data[:min(len(data), sniffLimit)]
	return bytes.HasPrefix(head, []byte("-- ")) &&
		bytes.Contains(data, []byte("-- incident.csv --\n")) && bytes.Contains(data, []byte("-- participant.csv --\n"))
}

// dispatchDB is the export's tables: rows as column → value, rows of the id-keyed tables by id,
// and indexes of rows by a column's value, built when first asked for.
type dispatchDB struct {
	tables  map[string][]map[string]string
	byID    map[string]map[string]map[string]string
	indexes map[string]map[string][]map[string]string
}

func (db dispatchDB) rows(table string) []map[string]string { return db.tables[table] }

// where returns the rows of table whose column holds value.
func (db dispatchDB) where(table, column, value string) []map[string]string {
	key := table + "\x00" + column
	idx, ok := db.indexes[key]
	if !ok {
		idx = map[string][]map[string]string{}
		for _, r := range db.tables[table] {
			idx[r[column]] = append(idx[r[column]], r)
		}
		db.indexes[key] = idx
	}
	if value == "" {
		return nil
	}
	return idx[value]
}

// row returns the row of table with the id, or nil.
func (db dispatchDB) row(table, id string) map[string]string {
	if id == "" {
		return nil
	}
	return db.byID[table][id]
}

// parseDispatch joins the tables into reviews. A table that cannot be read at all is an error
// naming it; rows that cannot be read are passed over.
func parseDispatch(doc Document) (Result, error) {
	ar := txtar.Parse(doc.Data)
	db := dispatchDB{
		tables:  map[string][]map[string]string{},
		byID:    map[string]map[string]map[string]string{},
		indexes: map[string]map[string][]map[string]string{},
	}
	for _, f := range ar.Files {
		if !slices.Contains(dispatchTables, f.Name) || len(bytes.TrimSpace(f.Data)) == 0 {
			continue
		}
		t, err := readTable(f.Data, 0)
		if err != nil {
			return Result{}, fmt.Errorf("%s: %w", f.Name, err)
		}
		recs := t.records()
		db.tables[f.Name] = recs
		ids := map[string]map[string]string{}
		for _, r := range recs {
			if id := r["id"]; id != "" {
				ids[id] = r
			}
		}
		db.byID[f.Name] = ids
	}
	if _, ok := db.tables["incident.csv"]; !ok {
		return Result{}, fmt.Errorf("no incident.csv table: not a Dispatch export")
	}
	var res Result
	for _, inc := range db.rows("incident.csv") {
		if r, ok := db.review(inc); ok {
			res.Reviews = append(res.Reviews, r)
		}
	}
	for _, c := range db.rows("individual_contact.csv") {
		name, email := cleanInline(c["name"]), cleanInline(c["email"])
		if name == "" {
			name = email
		}
		if name != "" {
			res.Catalog.People = append(res.Catalog.People, metamortem.CatalogPerson{Name: name, Email: email})
		}
	}
	return res, nil
}

// review builds the review of one incident row; ok is false for a row without id or name.
func (db dispatchDB) review(inc map[string]string) (metamortem.Review, bool) {
	id := inc["id"]
	name := cleanInline(inc["name"])
	if name == "" {
		name = id
	}
	if name == "" {
		return metamortem.Review{}, false
	}
	r := metamortem.Review{
		ID:          "dispatch-" + strings.TrimPrefix(name, "dispatch-"),
		Title:       cleanInline(inc["title"]),
		Kind:        metamortem.KindIncident,
		StartedAt:   dispatchTime(inc["reported_at"]),
		MitigatedAt: dispatchTime(inc["stable_at"]),
		ResolvedAt:  dispatchTime(inc["closed_at"]),
		Sections:    map[string]string{},
	}
	addSection(r.Sections, kindSummary, inc["description"])
	addSection(r.Sections, kindSummary, inc["summary"])
	addSection(r.Sections, kindResolution, inc["resolution"])
	addSection(r.Sections, "status", inc["status"])

	severity := cleanInline(db.row("incident_severity.csv", inc["incident_severity_id"])["name"])
	priority := cleanInline(db.row("incident_priority.csv", inc["incident_priority_id"])["name"])
	r.Severity = severity
	if metamortem.SeverityRank(severity) == nil && priority != "" {
		r.Severity = priority
	}
	r.SeverityRank = metamortem.SeverityRank(r.Severity)
	if priority != "" && priority != r.Severity {
		addSection(r.Sections, "priority", priority)
	}

	var tags []string
	if t := db.row("incident_type.csv", inc["incident_type_id"]); t != nil {
		tags = append(tags, t["name"])
		r.Kind = kindOf([]string{t["name"], r.Title})
	}
	for _, a := range db.where("assoc_incident_tags.csv", "incident_id", id) {
		tags = append(tags, db.row("tag.csv", a["tag_id"])["name"])
	}
	r.Tags = dedupeLower(tags)

	r.People = db.people(inc)
	r.Actions = db.actions(id)
	r.Timeline = db.timeline(id)
	return r, true
}

// contactName is the name of the person a participant is, else their e-mail address.
func (db dispatchDB) contactName(participantID string) string {
	p := db.row("participant.csv", participantID)
	c := db.row("individual_contact.csv", p["individual_contact_id"])
	if name := cleanInline(c["name"]); name != "" {
		return name
	}
	return cleanInline(c["email"])
}

// people lists an incident's participants with their roles: each role assignment of
// participant_role, else the incident's commander, reporter, liaison and scribe columns, else
// the participant without a role as a responder. An Incident Commander is the lead; reporters,
// liaisons, scribes and roles not known are responders.
func (db dispatchDB) people(inc map[string]string) []metamortem.Person {
	var ppl people
	for _, p := range db.where("participant.csv", "incident_id", inc["id"]) {
		name := db.contactName(p["id"])
		roles := 0
		for _, pr := range db.where("participant_role.csv", "participant_id", p["id"]) {
			ppl.add(name, roleOf(pr["role"], metamortem.RoleResponder))
			roles++
		}
		for _, col := range []string{"commander_id", "reporter_id", "liaison_id", "scribe_id"} {
			if roles == 0 && inc[col] == p["id"] {
				role := metamortem.RoleResponder
				if col == "commander_id" {
					role = metamortem.RoleLead
				}
				ppl.add(name, role)
				roles++
			}
		}
		if roles == 0 {
			ppl.add(name, metamortem.RoleResponder)
		}
	}
	return ppl.list
}

// actions are an incident's tasks: the description, the assignees (else the owner), the
// status, the resolve-by date as due date and the weblink as ticket.
func (db dispatchDB) actions(incidentID string) []metamortem.Action {
	var out []metamortem.Action
	for _, t := range db.where("task.csv", "incident_id", incidentID) {
		text := cleanInline(t["description"])
		if text == "" {
			continue
		}
		var owners []string
		for _, a := range db.where("task_assignees.csv", "task_id", t["id"]) {
			owners = append(owners, db.contactName(a["participant_id"]))
		}
		if len(owners) == 0 && t["owner_id"] != "" {
			owners = append(owners, db.contactName(t["owner_id"]))
		}
		status := statusWord(t["status"])
		switch {
		case status == "" && t["resolved_at"] != "":
			status = metamortem.ActionDone
		case status == "":
			status = metamortem.ActionUnknown
		}
		out = append(out, metamortem.Action{
			Text:   text,
			Owner:  strings.Join(addUnique(nil, owners...), ", "),
			Status: status,
			Due:    dispatchTime(t["resolve_by"]),
			Ticket: cleanInline(t["weblink"]),
		})
	}
	return out
}

// timeline lists an incident's events in time order, each with the person who caused it when
// the event names one.
func (db dispatchDB) timeline(incidentID string) []metamortem.TimelineEvent {
	var out []metamortem.TimelineEvent
	for _, e := range db.where("event.csv", "incident_id", incidentID) {
		text := cleanInline(e["description"])
		if text == "" {
			continue
		}
		out = append(out, metamortem.TimelineEvent{
			At:    dispatchTime(e["started_at"]),
			Text:  text,
			Actor: cleanInline(db.row("individual_contact.csv", e["individual_id"])["name"]),
		})
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].At, out[j].At
		return a != nil && (b == nil || a.Before(*b))
	})
	return out
}

// dispatchTime reads a PostgreSQL timestamp ("2021-07-27 19:47:56.28659", with or without an
// offset). Dispatch stores times in UTC, so one without an offset is UTC.
func dispatchTime(s string) *time.Time {
	s = strings.TrimSpace(s)
	if s == "" || s == `\N` {
		return nil
	}
	for _, layout := range []string{"2006-01-02 15:04:05.999999999Z07", "2006-01-02 15:04:05.999999999Z07:00", "2006-01-02 15:04:05.999999999"} {
		if t, err := time.Parse(layout, s); err == nil {
			t = t.UTC()
			return &t
		}
	}
	if t, ok := readTime(s); ok {
		return &t
	}
	return nil
}
