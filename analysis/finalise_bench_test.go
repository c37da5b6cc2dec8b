package analysis

import (
	"fmt"
	"testing"
	"time"

	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/fixtures/factorgen"
)

// finaliseWorld is what Classes and Finalise run on, built once per benchmark size.
type finaliseWorld struct {
	reviews []metamortem.Review
	catalog metamortem.Catalog
	themes  ThemeSet
}

// newFinaliseWorld generates about n reviews the way the synthetic corpus does: each with its
// generated factors, a title that states the first one, a review date, a tag, and one to three
// actions about its factors' themes, done, open or won't fix, with a due date.
func newFinaliseWorld(n int) finaliseWorld {
	gen := factorgen.Generate(2*n, 7)
	cat := metamortem.Catalog{}
	for i, c := range gen.Components {
		cat.Components = append(cat.Components, metamortem.CatalogComponent{Name: c, Owner: gen.Teams[i%len(gen.Teams)]})
	}
	for _, t := range gen.Teams {
		cat.Teams = append(cat.Teams, metamortem.Team{Name: t})
	}
	themesOf := map[string][]string{}
	for _, s := range gen.Statements {
		themesOf[s.ReviewID] = append(themesOf[s.ReviewID], s.Theme)
	}
	statuses := []metamortem.ActionStatus{metamortem.ActionDone, metamortem.ActionDone, metamortem.ActionOpen, metamortem.ActionWontFix}
	for i := range gen.Reviews {
		r := &gen.Reviews[i]
		comp, themes := r.Components[0], themesOf[r.ID]
		r.Title = fmt.Sprintf("%s degraded: %s", comp, r.Factors[0].Text)
		reviewed := r.StartedAt.Add(time.Duration(2+i%96) * time.Hour)
		r.ReviewedAt = &reviewed
		r.Tags = []string{themes[0], fmt.Sprintf("sev%d", 1+i%3)}
		for k := range 1 + i%3 {
			due := reviewed.Add(time.Duration(7+(i*k)%60) * 24 * time.Hour).Truncate(24 * time.Hour)
			r.Actions = append(r.Actions, metamortem.Action{
				Text:   fmt.Sprintf("Follow up on %s for %s (%d)", themes[k%len(themes)], comp, k+1),
				Status: statuses[(i+k)%len(statuses)],
				Due:    &due,
				Ticket: fmt.Sprintf("GEN-T%d", 10000+i*3+k),
			})
		}
	}
	opts := ThemeOptions{}
	opts.AddNames(cat, gen.Reviews)
	return finaliseWorld{reviews: gen.Reviews, catalog: cat, themes: Themes(gen.Reviews, opts)}
}

// BenchmarkClasses measures Classes at two sizes ten times apart, to show how it scales.
func BenchmarkClasses(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("reviews=%d", n), func(b *testing.B) {
			w := newFinaliseWorld(n)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				classes := Classes(w.reviews, ClassOptions{Catalog: w.catalog, Themes: w.themes})
				b.ReportMetric(float64(len(classes)), "classes")
			}
		})
	}
}

// BenchmarkFinalise measures Finalise at two sizes ten times apart, to show how it scales.
func BenchmarkFinalise(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("reviews=%d", n), func(b *testing.B) {
			w := newFinaliseWorld(n)
			classes := Classes(w.reviews, ClassOptions{Catalog: w.catalog, Themes: w.themes})
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				items := Finalise(w.reviews, classes, FinaliseOptions{Catalog: w.catalog, Themes: w.themes})
				b.ReportMetric(float64(len(items)), "items")
			}
		})
	}
}
