package analysis

import (
	"sync"

	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/identity"
)

// Resolved is what identity makes of one set of reviews under a catalog: the resolver, each
// review's canonical components (inferred from its text when it names none) and the names
// Themes masks. Themes' callers, Classes and Finalise each need some of it, and at 100,000
// reviews working it out is a large share of their time, so a caller that runs several of
// them over the same reviews builds one Resolved and passes it to each. Each part is worked out
// on first use; a Resolved is safe for concurrent use.
type Resolved struct {
	resolver   func() *identity.Resolver
	components func() map[string][]string
	names      func() ThemeOptions
}

// Resolve returns the resolution of the reviews under the catalog. The reviews must not change
// while it is in use.
func Resolve(cat metamortem.Catalog, reviews []metamortem.Review) *Resolved {
	r := &Resolved{}
	r.resolver = sync.OnceValue(func() *identity.Resolver { return identity.New(cat, reviews) })
	r.components = sync.OnceValue(func() map[string][]string { return resolvedComponents(r.resolver(), reviews) })
	r.names = sync.OnceValue(func() ThemeOptions {
		var o ThemeOptions
		o.addNames(cat, reviews, r.resolver())
		return o
	})
	return r
}

// resolveFor returns r, or a resolution of the reviews under cat when r is nil.
func resolveFor(r *Resolved, cat metamortem.Catalog, reviews []metamortem.Review) *Resolved {
	if r != nil {
		return r
	}
	return Resolve(cat, reviews)
}

// UseNames adds to the options the names the resolution's catalog and reviews give, exactly
// as AddNames(cat, reviews) would.
func (o *ThemeOptions) UseNames(r *Resolved) {
	names := r.names()
	o.Components = append(o.Components, names.Components...)
	o.Teams = append(o.Teams, names.Teams...)
	o.People = append(o.People, names.People...)
	o.Components, o.Teams, o.People = distinctNames(o.Components), distinctNames(o.Teams), distinctNames(o.People)
}
