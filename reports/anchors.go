package reports

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"sync"
)

// citations gives each review a section cites the anchor of its row in the appendix, and
// remembers the reviews cited, so that the appendix can list those outside the range too.
// Sections may cite at once; the appendix reads cited once they are done.
type citations struct {
	mu    sync.Mutex
	cited map[string]bool
}

func newCitations() *citations { return &citations{cited: map[string]bool{}} }

// ref cites the review with the given ID and returns a reference to its appendix row.
func (c *citations) ref(id string) reviewRef {
	c.mu.Lock()
	c.cited[id] = true
	c.mu.Unlock()
	return reviewRef{ID: id, Anchor: anchor(id)}
}

// reviewRef is a review a section cites: its ID and the anchor of its row in the appendix.
type reviewRef struct {
	ID     string `json:"id"`
	Anchor string `json:"anchor"`
}

// anchor returns the element ID of a review's appendix row: "review-" and the review ID with
// every character but ASCII letters, digits, "-" and "_" made "-", and, when that changed the
// ID, a short hash of it, so that two IDs never share an anchor and no ID can break out of it.
func anchor(id string) string {
	safe := strings.Map(func(r rune) rune {
		switch {
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9', r == '-', r == '_':
			return r
		}
		return '-'
	}, id)
	if safe == id && id != "" {
		return "review-" + id
	}
	sum := sha256.Sum256([]byte(id))
	return "review-" + safe + "-" + hex.EncodeToString(sum[:4])
}
