package metamortem

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// Validate reports the first reason the review cannot be stored: a missing ID, an unknown kind,
// role or action status, or text that is not valid UTF-8.
func (r Review) Validate() error {
	if r.ID == "" {
		return errors.New("review has no id")
	}
	if r.Kind != "" && !r.Kind.Valid() {
		return fmt.Errorf("review %s: kind %q is not one of incident, drill, near-miss", r.ID, r.Kind)
	}
	texts := []struct{ field, text string }{
		{"id", r.ID}, {"title", r.Title}, {"severity", r.Severity},
		{"source.path", r.Source.Path}, {"source.format", r.Source.Format},
	}
	add := func(field, text string) { texts = append(texts, struct{ field, text string }{field, text}) }
	for i, c := range r.Components {
		add(fmt.Sprintf("components[%d]", i), c)
	}
	for i, t := range r.Tags {
		add(fmt.Sprintf("tags[%d]", i), t)
	}
	for i, p := range r.People {
		if p.Role != "" && !p.Role.Valid() {
			return fmt.Errorf("review %s: people[%d]: role %q is not valid", r.ID, i, p.Role)
		}
		add(fmt.Sprintf("people[%d].name", i), p.Name)
	}
	for i, f := range r.Factors {
		add(fmt.Sprintf("factors[%d]", i), f.Text)
	}
	for i, a := range r.Actions {
		if a.Status != "" && !a.Status.Valid() {
			return fmt.Errorf("review %s: actions[%d]: status %q is not valid", r.ID, i, a.Status)
		}
		add(fmt.Sprintf("actions[%d].text", i), a.Text)
		add(fmt.Sprintf("actions[%d].owner", i), a.Owner)
		add(fmt.Sprintf("actions[%d].ticket", i), a.Ticket)
	}
	for i, e := range r.Timeline {
		add(fmt.Sprintf("timeline[%d].text", i), e.Text)
		add(fmt.Sprintf("timeline[%d].actor", i), e.Actor)
	}
	for name, text := range r.Sections {
		add("sections."+name, name+text)
	}
	for _, t := range texts {
		if !utf8.ValidString(t.text) {
			return fmt.Errorf("review %s: %s is not valid UTF-8", r.ID, t.field)
		}
	}
	return nil
}
