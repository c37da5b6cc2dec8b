package ingest

import (
	"fmt"

	"github.com/metamortem/metamortem"
)

// Coverage counts how many reviews have each of the fields analyses depend on.
type Coverage struct {
	Reviews    int `json:"reviews"`
	Title      int `json:"title"`
	Started    int `json:"started_at"`
	Components int `json:"components"`
	People     int `json:"people"`
	Factors    int `json:"factors"`
	Actions    int `json:"actions"`
}

// Add counts one review.
func (c *Coverage) Add(r metamortem.Review) {
	c.Reviews++
	count := func(ok bool, n *int) {
		if ok {
			*n++
		}
	}
	count(r.Title != "", &c.Title)
	count(r.StartedAt != nil, &c.Started)
	count(len(r.Components) > 0, &c.Components)
	count(len(r.People) > 0, &c.People)
	count(len(r.Factors) > 0, &c.Factors)
	count(len(r.Actions) > 0, &c.Actions)
}

// String is the one-line summary printed after an ingest.
func (c Coverage) String() string {
	return fmt.Sprintf("%d reviews: title %d, start %d, components %d, people %d, factors %d, actions %d",
		c.Reviews, c.Title, c.Started, c.Components, c.People, c.Factors, c.Actions)
}
