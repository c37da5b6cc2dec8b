package analysis

import (
	"testing"

	"github.com/metamortem/metamortem/fixtures/factorgen"
)

// BenchmarkMaskStatements masks and stems 10,000 generated statements, as Themes prepares them.
func BenchmarkMaskStatements(b *testing.B) {
	gen := factorgen.Generate(10_000, 42)
	masker := NewMasker(gen.Components, gen.Teams, gen.People)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range gen.Statements {
			stemSeq(maskNumbers(masker.names.replace(splitWords(s.Text))), nil)
		}
	}
}
