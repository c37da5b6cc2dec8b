package identity_test

import (
	"testing"

	"github.com/metamortem/metamortem/identity"
	"github.com/metamortem/metamortem/store/storetest"
)

// BenchmarkNew builds a Resolver over every review of METAMORTEM_BENCH_DB.
func BenchmarkNew(b *testing.B) {
	reviews, cat := storetest.Corpus(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		identity.New(cat, reviews)
	}
}

// BenchmarkApply resolves every review of METAMORTEM_BENCH_DB.
func BenchmarkApply(b *testing.B) {
	reviews, cat := storetest.Corpus(b)
	res := identity.New(cat, reviews)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res.Apply(reviews)
	}
}
