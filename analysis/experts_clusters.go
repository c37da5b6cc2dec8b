package analysis

import (
	"cmp"
	"slices"
	"strings"
)

// ExpertCluster is a group of people who respond to the same components, with those
// components.
type ExpertCluster struct {
	People     []string
	Components []string
}

// clusters finds groups in the graph of responders and the components of their incidents,
// an edge weighted by the number of incidents of the component the person responded to, by
// the Louvain method with a fixed seed (the same communities function the themes use). Nodes
// are numbered people first, then components, each in name order, so runs repeat exactly.
func (ro *People) clusters(byComponent map[string][]areaIncident) []ExpertCluster {
	weights := map[[2]string]int{}
	people := map[string]bool{}
	var components []string
	for c, incidents := range byComponent {
		for _, inc := range incidents {
			for _, p := range inc.responders {
				weights[[2]string{p, c}]++
				people[p] = true
			}
		}
		components = append(components, c)
	}
	names := make([]string, 0, len(people))
	for p := range people {
		names = append(names, p)
	}
	slices.Sort(names)
	slices.Sort(components)
	node := map[string]int32{}
	for i, p := range names {
		node["p:"+p] = int32(i)
	}
	for i, c := range components {
		node["c:"+c] = int32(len(names) + i)
	}
	adj := make([][]edge, len(names)+len(components))
	for pc, w := range weights {
		p, c := node["p:"+pc[0]], node["c:"+pc[1]]
		adj[p] = append(adj[p], edge{to: c, w: float32(w)})
		adj[c] = append(adj[c], edge{to: p, w: float32(w)})
	}
	if len(weights) == 0 {
		return nil
	}
	for _, es := range adj {
		slices.SortFunc(es, func(a, b edge) int { return cmp.Compare(a.to, b.to) })
	}
	labels := communities(adj, 1)
	groups := map[int]*ExpertCluster{}
	for i, label := range labels {
		if len(adj[i]) == 0 {
			continue
		}
		g := groups[label]
		if g == nil {
			g = &ExpertCluster{}
			groups[label] = g
		}
		if i < len(names) {
			g.People = append(g.People, names[i])
		} else {
			g.Components = append(g.Components, components[i-len(names)])
		}
	}
	out := make([]ExpertCluster, 0, len(groups))
	for _, g := range groups {
		out = append(out, *g)
	}
	slices.SortFunc(out, func(a, b ExpertCluster) int {
		return cmp.Or(cmp.Compare(len(b.People)+len(b.Components), len(a.People)+len(a.Components)),
			strings.Compare(strings.Join(a.People, "\x00"), strings.Join(b.People, "\x00")),
			strings.Compare(strings.Join(a.Components, "\x00"), strings.Join(b.Components, "\x00")))
	})
	return out
}
