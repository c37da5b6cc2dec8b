package metamortem

import (
	"encoding/json"
	"fmt"
	"time"
)

// The canonical v1 encoding writes every key of a review, always: an absent string or time is
// null, an absent list is [] and absent sections are {}. Times are RFC 3339 in UTC. Reading
// accepts the same shape, with missing keys treated as absent.

type canonicalReview struct {
	ID           string            `json:"id"`
	Title        *string           `json:"title"`
	Kind         Kind              `json:"kind"`
	Severity     *string           `json:"severity"`
	SeverityRank *int              `json:"severity_rank"`
	StartedAt    *string           `json:"started_at"`
	DetectedAt   *string           `json:"detected_at"`
	MitigatedAt  *string           `json:"mitigated_at"`
	ResolvedAt   *string           `json:"resolved_at"`
	ReviewedAt   *string           `json:"reviewed_at"`
	Components   []string          `json:"components"`
	Tags         []string          `json:"tags"`
	People       []canonicalPerson `json:"people"`
	Factors      []Factor          `json:"factors"`
	Actions      []canonicalAction `json:"actions"`
	Timeline     []canonicalEvent  `json:"timeline"`
	Sections     map[string]string `json:"sections"`
	Source       canonicalSource   `json:"source"`
}

type canonicalPerson struct {
	Name string  `json:"name"`
	Role *string `json:"role"`
}

type canonicalAction struct {
	Text   string  `json:"text"`
	Owner  *string `json:"owner"`
	Status string  `json:"status"`
	Due    *string `json:"due"`
	Ticket *string `json:"ticket"`
}

type canonicalEvent struct {
	At    *string `json:"at"`
	Text  string  `json:"text"`
	Actor *string `json:"actor"`
}

type canonicalSource struct {
	Path   *string `json:"path"`
	Format *string `json:"format"`
	SHA256 *string `json:"sha256"`
}

// MarshalJSON writes the review in the canonical v1 encoding.
func (r Review) MarshalJSON() ([]byte, error) {
	c := canonicalReview{
		ID:           r.ID,
		Title:        optString(r.Title),
		Kind:         r.Kind,
		Severity:     optString(r.Severity),
		SeverityRank: r.SeverityRank,
		StartedAt:    optTime(r.StartedAt),
		DetectedAt:   optTime(r.DetectedAt),
		MitigatedAt:  optTime(r.MitigatedAt),
		ResolvedAt:   optTime(r.ResolvedAt),
		ReviewedAt:   optTime(r.ReviewedAt),
		Components:   nonNil(r.Components),
		Tags:         nonNil(r.Tags),
		People:       make([]canonicalPerson, len(r.People)),
		Factors:      nonNil(r.Factors),
		Actions:      make([]canonicalAction, len(r.Actions)),
		Timeline:     make([]canonicalEvent, len(r.Timeline)),
		Sections:     r.Sections,
		Source: canonicalSource{
			Path:   optString(r.Source.Path),
			Format: optString(r.Source.Format),
			SHA256: optString(r.Source.SHA256),
		},
	}
	if c.Kind == "" {
		c.Kind = KindIncident
	}
	if c.Sections == nil {
		c.Sections = map[string]string{}
	}
	for i, p := range r.People {
		c.People[i] = canonicalPerson{Name: p.Name, Role: optString(string(p.Role))}
	}
	for i, a := range r.Actions {
		status := a.Status
		if status == "" {
			status = ActionUnknown
		}
		c.Actions[i] = canonicalAction{
			Text: a.Text, Owner: optString(a.Owner), Status: string(status),
			Due: optTime(a.Due), Ticket: optString(a.Ticket),
		}
	}
	for i, e := range r.Timeline {
		c.Timeline[i] = canonicalEvent{At: optTime(e.At), Text: e.Text, Actor: optString(e.Actor)}
	}
	return json.Marshal(c)
}

// UnmarshalJSON reads a review in the canonical v1 encoding. It rejects unknown kinds, roles and
// statuses and times that are not RFC 3339, naming the field.
func (r *Review) UnmarshalJSON(data []byte) error {
	var c canonicalReview
	if err := json.Unmarshal(data, &c); err != nil {
		return err
	}
	out := Review{
		ID:           c.ID,
		Title:        deref(c.Title),
		Kind:         c.Kind,
		Severity:     deref(c.Severity),
		SeverityRank: c.SeverityRank,
		Components:   c.Components,
		Tags:         c.Tags,
		Factors:      c.Factors,
		Sections:     c.Sections,
		Source: Source{
			Path:   deref(c.Source.Path),
			Format: deref(c.Source.Format),
			SHA256: deref(c.Source.SHA256),
		},
	}
	if out.Kind == "" {
		out.Kind = KindIncident
	}
	if !out.Kind.Valid() {
		return fmt.Errorf("kind %q is not one of incident, drill, near-miss", c.Kind)
	}
	times := []struct {
		name string
		src  *string
		dst  **time.Time
	}{
		{"started_at", c.StartedAt, &out.StartedAt},
		{"detected_at", c.DetectedAt, &out.DetectedAt},
		{"mitigated_at", c.MitigatedAt, &out.MitigatedAt},
		{"resolved_at", c.ResolvedAt, &out.ResolvedAt},
		{"reviewed_at", c.ReviewedAt, &out.ReviewedAt},
	}
	for _, f := range times {
		t, err := parseOptTime(f.src)
		if err != nil {
			return fmt.Errorf("%s: %w", f.name, err)
		}
		*f.dst = t
	}
	for i, p := range c.People {
		role := Role(deref(p.Role))
		if role != "" && !role.Valid() {
			return fmt.Errorf("people[%d]: role %q is not one of lead, responder, author, attendee, owner", i, role)
		}
		out.People = append(out.People, Person{Name: p.Name, Role: role})
	}
	for i, a := range c.Actions {
		status := ActionStatus(a.Status)
		if status == "" {
			status = ActionUnknown
		}
		if !status.Valid() {
			return fmt.Errorf("actions[%d]: status %q is not one of done, open, wontfix, unknown", i, a.Status)
		}
		due, err := parseOptTime(a.Due)
		if err != nil {
			return fmt.Errorf("actions[%d].due: %w", i, err)
		}
		out.Actions = append(out.Actions, Action{
			Text: a.Text, Owner: deref(a.Owner), Status: status, Due: due, Ticket: deref(a.Ticket),
		})
	}
	for i, e := range c.Timeline {
		at, err := parseOptTime(e.At)
		if err != nil {
			return fmt.Errorf("timeline[%d].at: %w", i, err)
		}
		out.Timeline = append(out.Timeline, TimelineEvent{At: at, Text: e.Text, Actor: deref(e.Actor)})
	}
	*r = out
	return nil
}

// Valid reports whether k is one of the known kinds.
func (k Kind) Valid() bool {
	return k == KindIncident || k == KindDrill || k == KindNearMiss
}

// Valid reports whether r is one of the known roles.
func (r Role) Valid() bool {
	switch r {
	case RoleLead, RoleResponder, RoleAuthor, RoleAttendee, RoleOwner:
		return true
	}
	return false
}

// Valid reports whether s is one of the known action statuses.
func (s ActionStatus) Valid() bool {
	switch s {
	case ActionDone, ActionOpen, ActionWontFix, ActionUnknown:
		return true
	}
	return false
}

func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func optTime(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := t.UTC().Format(time.RFC3339)
	return &s
}

func parseOptTime(s *string) (*time.Time, error) {
	if s == nil || *s == "" {
		return nil, nil
	}
	t, err := time.Parse(time.RFC3339, *s)
	if err != nil {
		return nil, fmt.Errorf("%q is not an RFC 3339 time", *s)
	}
	t = t.UTC()
	return &t, nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
