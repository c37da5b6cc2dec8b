package analysis

import (
	"slices"

	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/identity"
)

// toucher finds the components an action touches: those whose names or aliases its text
// mentions, found by identity the way it infers a review's components from its text, or else
// its review's only component.
type toucher struct {
	// mentions looks for the catalog's components and every component the classes involve,
	// catalog or not.
	mentions *identity.Resolver
}

// newToucher returns a toucher for the classes, and the reviews' canonical components by review
// ID.
func newToucher(cat metamortem.Catalog, resolved *Resolved, classes []Class) (toucher, map[string][]string) {
	res := resolved.resolver()
	extended := cat
	extended.Components = slices.Clone(cat.Components)
	for _, c := range classes {
		for _, comp := range c.Components {
			if _, ok := res.Component(comp); !ok {
				extended.Components = append(extended.Components, metamortem.CatalogComponent{Name: comp})
			}
		}
	}
	return toucher{mentions: identity.New(extended, nil)}, resolved.components()
}

// named returns the canonical components the text names.
func (t toucher) named(text string) []string {
	return t.mentions.InferComponents(metamortem.Review{Title: text})
}

// touches returns the components the actions touched, sorted, and each action that touched
// one; components are the reviews' canonical components, by review.
func touches(actions []classAction, components [][]string) ([]string, []Touch) {
	var touched []string
	var out []Touch
	for _, ca := range actions {
		tc := Touch{Action: ca.evidence}
		tc.Components = ca.named
		if own := components[ca.review]; len(tc.Components) == 0 && len(own) == 1 {
			tc.Components, tc.FromReview = own, true
		}
		if len(tc.Components) == 0 {
			continue
		}
		out = append(out, tc)
		for _, comp := range tc.Components {
			if !slices.Contains(touched, comp) {
				touched = append(touched, comp)
			}
		}
	}
	slices.Sort(touched)
	return touched, out
}
