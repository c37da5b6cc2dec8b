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
	mentions   *identity.Resolver
	components map[string][]string // canonical components by review ID
}

func newToucher(cat metamortem.Catalog, reviews []metamortem.Review, classes []Class) toucher {
	res := identity.New(cat, reviews)
	extended := cat
	extended.Components = slices.Clone(cat.Components)
	for _, c := range classes {
		for _, comp := range c.Components {
			if _, ok := res.Component(comp); !ok {
				extended.Components = append(extended.Components, metamortem.CatalogComponent{Name: comp})
			}
		}
	}
	return toucher{mentions: identity.New(extended, nil), components: resolvedComponents(res, reviews)}
}

// named returns the canonical components the text names.
func (t toucher) named(text string) []string {
	return t.mentions.InferComponents(metamortem.Review{Title: text})
}

// class returns the components the actions touched, sorted, and each action that touched one.
func (t toucher) class(actions []classAction) ([]string, []Touch) {
	var touched []string
	var touches []Touch
	for _, ca := range actions {
		tc := Touch{Action: ca.evidence}
		tc.Components = ca.named
		if id := ca.evidence.ReviewID; len(tc.Components) == 0 && len(t.components[id]) == 1 {
			tc.Components, tc.FromReview = t.components[id], true
		}
		if len(tc.Components) == 0 {
			continue
		}
		touches = append(touches, tc)
		for _, comp := range tc.Components {
			if !slices.Contains(touched, comp) {
				touched = append(touched, comp)
			}
		}
	}
	slices.Sort(touched)
	return touched, touches
}
