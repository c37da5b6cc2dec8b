package ingest

import "github.com/metamortem/metamortem"

// fragmentSet collects the fragments of reviews defined elsewhere (actions or timeline entries
// an export holds for a review it does not contain), one per review ID, in the order the IDs are
// first seen.
type fragmentSet struct {
	list  []metamortem.Review
	index map[string]int
}

// of returns the fragment of review id, adding an empty one the first time. The pointer is good
// until the next call.
func (s *fragmentSet) of(id string) *metamortem.Review {
	n, ok := s.index[id]
	if !ok {
		if s.index == nil {
			s.index = map[string]int{}
		}
		n = len(s.list)
		s.index[id] = n
		s.list = append(s.list, metamortem.Review{ID: id})
	}
	return &s.list[n]
}
