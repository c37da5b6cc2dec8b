package analysis

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/metamortem/metamortem"
)

// classBuilder holds the incidents once, in the order a class lists them, so that a class is a
// sorted list of positions in that order and describing it needs no lookups by ID.
type classBuilder struct {
	// ids, starts and quarters are the incidents' IDs, start times (UTC) and the quarters they
	// started in, by position: those with a start time first, by start, then by ID; then those
	// with none, by ID. dated is how many have a start time.
	ids      []string
	starts   []time.Time
	quarters []Quarter
	dated    int
	position map[string]int32 // by incident ID
	// comps are each incident's canonical components, as indexes into compNames.
	comps     [][]int32
	compNames []string
	tags      [][]string          // each incident's tags, trimmed and in lower case
	owners    map[string][]string // owning teams by canonical component
	from, to  time.Time
}

// newClassBuilder indexes the incidents among the reviews: not drills and not near misses. Of
// several reviews with one ID, the last one counts.
func newClassBuilder(reviews []metamortem.Review, cat metamortem.Catalog, resolved *Resolved) *classBuilder {
	var components map[string][]string
	b := &classBuilder{position: map[string]int32{}}
	var wg sync.WaitGroup
	wg.Go(func() {
		components, b.owners = resolved.components(), owningTeams(resolved.resolver(), cat)
	})
	last := map[string]int{}
	for i, r := range reviews {
		if isIncident(r) {
			last[r.ID] = i
		}
	}
	incidents := make([]*metamortem.Review, 0, len(last))
	for _, i := range last {
		incidents = append(incidents, &reviews[i])
	}
	slices.SortFunc(incidents, func(x, y *metamortem.Review) int {
		sx, sy := x.StartedAt, y.StartedAt
		switch {
		case sx == nil && sy != nil:
			return 1
		case sx != nil && sy == nil:
			return -1
		case sx != nil && sy != nil && !sx.Equal(*sy):
			return sx.Compare(*sy)
		}
		return strings.Compare(x.ID, y.ID)
	})
	b.ids = make([]string, len(incidents))
	b.starts = make([]time.Time, len(incidents))
	b.quarters = make([]Quarter, len(incidents))
	b.tags = make([][]string, len(incidents))
	for k, r := range incidents {
		b.ids[k] = r.ID
		b.position[r.ID] = int32(k)
		if r.StartedAt != nil {
			b.starts[k] = r.StartedAt.UTC()
			b.quarters[k] = QuarterOf(b.starts[k])
			b.dated = k + 1
		}
		for _, tag := range r.Tags {
			if tag = strings.ToLower(strings.TrimSpace(tag)); tag != "" {
				b.tags[k] = append(b.tags[k], tag)
			}
		}
	}
	wg.Wait()
	index := map[string]int32{}
	b.comps = make([][]int32, len(b.ids))
	for k, id := range b.ids {
		for _, name := range components[id] {
			c, ok := index[name]
			if !ok {
				c = int32(len(b.compNames))
				index[name] = c
				b.compNames = append(b.compNames, name)
			}
			b.comps[k] = append(b.comps[k], c)
		}
	}
	return b
}

// incidentsOf returns the positions of the incidents among the members' reviews, sorted and
// without repeats.
func (b *classBuilder) incidentsOf(members []ThemeMember) []int32 {
	set := make([]int32, 0, len(members))
	for _, m := range members {
		if k, ok := b.position[m.ReviewID]; ok {
			set = append(set, k)
		}
	}
	slices.Sort(set)
	return slices.Clip(slices.Compact(set))
}

// involving returns the incidents of set that involve the component comp.
func (b *classBuilder) involving(set []int32, comp int32) []int32 {
	var sub []int32
	for _, k := range set {
		if slices.Contains(b.comps[k], comp) {
			sub = append(sub, k)
		}
	}
	return sub
}

// tagged returns the incidents carrying each tag, by tag.
func (b *classBuilder) tagged() map[string][]int32 {
	out := map[string][]int32{}
	for k, tags := range b.tags {
		for _, tag := range tags {
			if set := out[tag]; len(set) == 0 || set[len(set)-1] != int32(k) {
				out[tag] = append(set, int32(k))
			}
		}
	}
	return out
}

// componentsOf returns the components of the incidents set, most incidents first, then by
// name.
func (b *classBuilder) componentsOf(set []int32) []int32 {
	counts := make([]int32, len(b.compNames))
	var out []int32
	for _, k := range set {
		for _, c := range b.comps[k] {
			if counts[c] == 0 {
				out = append(out, c)
			}
			counts[c]++
		}
	}
	slices.SortFunc(out, func(x, y int32) int {
		return cmp.Or(cmp.Compare(counts[y], counts[x]), strings.Compare(b.compNames[x], b.compNames[y]))
	})
	return out
}
