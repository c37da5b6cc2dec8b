package analysis_test

import (
	"reflect"
	"sync"
	"testing"

	"github.com/metamortem/metamortem/analysis"
)

// TestResolvedShared checks that sharing one Resolved between the names Themes masks, Classes
// and Finalise, as the commands and the report do, gives what working each out alone gives,
// and that its parts can be asked for from several goroutines at once (run with -race).
func TestResolvedShared(t *testing.T) {
	cat, reviews := readFernhillClasses(t)
	wantClasses, wantItems := fernhillFinalise(cat, reviews)
	var alone analysis.ThemeOptions
	alone.AddNames(cat, reviews)

	resolved := analysis.Resolve(cat, reviews)
	var shared analysis.ThemeOptions
	var classes []analysis.Class
	var wg sync.WaitGroup
	wg.Go(func() { shared.UseNames(resolved) })
	wg.Go(func() { classes = analysis.Classes(reviews, analysis.ClassOptions{Catalog: cat, Resolved: resolved}) })
	wg.Wait()
	if !reflect.DeepEqual(shared, alone) {
		t.Errorf("UseNames(Resolve(...)) = %+v; want AddNames' %+v", shared, alone)
	}
	if len(shared.Components) == 0 || len(shared.People) == 0 {
		t.Fatalf("UseNames found %d components and %d people; the fixtures name many", len(shared.Components), len(shared.People))
	}
	themes := analysis.Themes(reviews, shared)
	classes = analysis.Classes(reviews, analysis.ClassOptions{Catalog: cat, Themes: themes, Resolved: resolved})
	if !reflect.DeepEqual(classes, wantClasses) {
		t.Errorf("Classes with a shared Resolved differ from Classes alone")
	}
	items := analysis.Finalise(reviews, classes, analysis.FinaliseOptions{Catalog: cat, Themes: themes, Resolved: resolved})
	if !reflect.DeepEqual(items, wantItems) {
		t.Errorf("Finalise with a shared Resolved differs from Finalise alone")
	}
	if len(items) == 0 {
		t.Errorf("Finalise found nothing on the fixtures; their README plants two entries")
	}
}
