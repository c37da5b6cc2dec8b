package identity

import (
	"slices"
	"strings"
)

// Tiers rank how directly a source states a name: a catalog entry's own name beats a title,
// e-mail address or alias, which beats the local part of an e-mail address.
const (
	tierName = iota
	tierListed
	tierDerived
)

// form is one name a catalog lists for an entry, with its tier.
type form struct {
	text string
	tier int
}

// entry is one catalog entry: its own name and every other name it lists.
type entry struct {
	name  string
	forms []form
}

// slot is what an index knows about one key.
type slot struct {
	canonical string
	tier      int
	ambiguous bool
}

// index maps normalised names to canonical names. A key that two canonical names claim at
// the same tier resolves to neither; a claim at a better tier replaces worse ones.
type index struct {
	key   func(string) string
	slots map[string]slot
	// forms lists every name written for each canonical name, in catalog order.
	forms map[string][]string
	// order lists the canonical names in catalog order.
	order []string
}

// newIndex builds an index of entries, normalising names with key. Entries whose own names
// share a key, or where one entry lists another's own name, are one identity, named by the
// first of them in catalog order.
func newIndex(key func(string) string, entries []entry) *index {
	ix := &index{key: key, slots: map[string]slot{}, forms: map[string][]string{}}
	group := make([]int, len(entries))
	for i := range group {
		group[i] = i
	}
	var root func(int) int
	root = func(i int) int {
		for group[i] != i {
			i = group[i]
		}
		return i
	}
	union := func(a, b int) {
		ra, rb := root(a), root(b)
		if ra > rb {
			ra, rb = rb, ra
		}
		group[rb] = ra
	}
	byName := map[string]int{}
	for i, e := range entries {
		k := key(e.name)
		if k == "" {
			continue
		}
		if j, ok := byName[k]; ok {
			union(j, i)
		} else {
			byName[k] = i
		}
	}
	for i, e := range entries {
		for _, f := range e.forms {
			if j, ok := byName[key(f.text)]; ok && f.tier == tierListed {
				union(j, i)
			}
		}
	}
	listed := map[string]bool{}
	for i, e := range entries {
		if key(e.name) == "" {
			continue
		}
		canonical := strings.TrimSpace(entries[root(i)].name)
		if !listed[canonical] {
			listed[canonical] = true
			ix.order = append(ix.order, canonical)
		}
		ix.add(e.name, canonical, tierName)
		for _, f := range e.forms {
			ix.add(f.text, canonical, f.tier)
		}
	}
	return ix
}

// add records that text names canonical, at tier.
func (ix *index) add(text, canonical string, tier int) {
	k := ix.key(text)
	if k == "" {
		return
	}
	if tier != tierDerived && !slices.Contains(ix.forms[canonical], text) {
		ix.forms[canonical] = append(ix.forms[canonical], text)
	}
	s, ok := ix.slots[k]
	switch {
	case !ok || tier < s.tier:
		ix.slots[k] = slot{canonical: canonical, tier: tier}
	case tier == s.tier && s.canonical != canonical:
		s.ambiguous = true
		ix.slots[k] = s
	}
}

// lookup returns the canonical name text normalises to, if exactly one claims it.
func (ix *index) lookup(text string) (string, bool) {
	s, ok := ix.slots[ix.key(text)]
	if !ok || s.ambiguous {
		return "", false
	}
	return s.canonical, true
}
