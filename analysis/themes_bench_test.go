package analysis

import (
	"testing"

	"github.com/metamortem/metamortem/fixtures/factorgen"
)

// BenchmarkThemes100k groups 100,000 generated statements (about 50,000 reviews).
func BenchmarkThemes100k(b *testing.B) {
	gen := factorgen.Generate(100_000, 42)
	opts := ThemeOptions{Components: gen.Components, Teams: gen.Teams, People: gen.People}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		set := Themes(gen.Reviews, opts)
		b.ReportMetric(float64(len(set.Themes)), "themes")
	}
}

// BenchmarkThemes100kClustersOnly is the same with an empty taxonomy, so that every statement is
// clustered: the worst case for the neighbour graph.
func BenchmarkThemes100kClustersOnly(b *testing.B) {
	gen := factorgen.Generate(100_000, 42)
	opts := ThemeOptions{Components: gen.Components, Teams: gen.Teams, People: gen.People, Taxonomy: &Taxonomy{}}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		set := Themes(gen.Reviews, opts)
		b.ReportMetric(float64(len(set.Themes)), "themes")
	}
}
