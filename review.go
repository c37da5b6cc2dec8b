package metamortem

import (
	"time"
)

// Kind says what sort of event a review describes.
type Kind string

// The kinds of review. Drills are practice; near misses had no customer impact.
const (
	KindIncident Kind = "incident"
	KindDrill    Kind = "drill"
	KindNearMiss Kind = "near-miss"
)

// Role is the part a person played in an incident or its review.
type Role string

// The roles a person can have in a review.
const (
	RoleLead      Role = "lead"
	RoleResponder Role = "responder"
	RoleAuthor    Role = "author"
	RoleAttendee  Role = "attendee"
	RoleOwner     Role = "owner"
)

// ActionStatus is how far an action item has come.
type ActionStatus string

// The statuses of an action item.
const (
	ActionDone    ActionStatus = "done"
	ActionOpen    ActionStatus = "open"
	ActionWontFix ActionStatus = "wontfix"
	ActionUnknown ActionStatus = "unknown"
)

// Review is one post-incident review: one incident, drill or near miss. Its JSON encoding is the
// canonical v1 format written by `metamortem export --format jsonl` and read back by ingest.
type Review struct {
	ID           string            `json:"id"`
	Title        string            `json:"title"`
	Kind         Kind              `json:"kind"`
	Severity     string            `json:"severity"`
	SeverityRank *int              `json:"severity_rank"`
	StartedAt    *time.Time        `json:"started_at"`
	DetectedAt   *time.Time        `json:"detected_at"`
	MitigatedAt  *time.Time        `json:"mitigated_at"`
	ResolvedAt   *time.Time        `json:"resolved_at"`
	ReviewedAt   *time.Time        `json:"reviewed_at"`
	Components   []string          `json:"components"`
	Tags         []string          `json:"tags"`
	People       []Person          `json:"people"`
	Factors      []Factor          `json:"factors"`
	Actions      []Action          `json:"actions"`
	Timeline     []TimelineEvent   `json:"timeline"`
	Sections     map[string]string `json:"sections"`
	Source       Source            `json:"source"`
}

// Person is someone named in a review, with the part they played.
type Person struct {
	Name string `json:"name"`
	Role Role   `json:"role"`
}

// Factor is one contributing factor, root cause or trigger, stated once.
type Factor struct {
	Text string `json:"text"`
}

// Action is one follow-up item agreed in a review.
type Action struct {
	Text   string       `json:"text"`
	Owner  string       `json:"owner"`
	Status ActionStatus `json:"status"`
	Due    *time.Time   `json:"due"`
	Ticket string       `json:"ticket"`
}

// TimelineEvent is one entry of a review's timeline. At is nil when the entry has no time that
// could be read.
type TimelineEvent struct {
	At    *time.Time `json:"at"`
	Text  string     `json:"text"`
	Actor string     `json:"actor"`
}

// Component is a service, system or piece of infrastructure that incidents happen to, with the
// team that owns it when a catalog says so.
type Component struct {
	Name  string
	Owner string
}

// Source says where a review came from: the document's path, the format it was read as and the
// SHA-256 of its bytes.
type Source struct {
	Path   string `json:"path"`
	Format string `json:"format"`
	SHA256 string `json:"sha256"`
}
