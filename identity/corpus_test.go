package identity_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/metamortem/metamortem"
	"github.com/metamortem/metamortem/identity"
	"github.com/metamortem/metamortem/ingest"
)

// TestCorpus reads the whole shared corpus (METAMORTEM_CORPUS) with every catalog in it,
// resolves each source folder's names against that catalog, logs a Markdown row per folder and
// checks what the Resolver promises on real names: unknown names do not resolve, candidates
// pair two different names, inferred components are catalog components. The corpus's catalogs
// (a Backstage demo, CODEOWNERS, MAINTAINERS) describe other organisations than its reviews, so
// few names resolve and no share of them is asserted. Parse failures belong to the importers
// and are only counted.
func TestCorpus(t *testing.T) {
	root := os.Getenv("METAMORTEM_CORPUS")
	if root == "" {
		t.Skip("set METAMORTEM_CORPUS to the shared corpus folder to run this test")
	}
	dirs, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	var cat metamortem.Catalog
	byDir := map[string][]metamortem.Review{}
	failed := map[string]int{}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		reviews, dirCat, failures := ingest.ReadAll(filepath.Join(root, d.Name()))
		byDir[d.Name()] = reviews
		failed[d.Name()] = len(failures)
		cat.Add(dirCat)
	}
	t.Logf("catalog: %d components, %d teams, %d people, %d ownership entries",
		len(cat.Components), len(cat.Teams), len(cat.People), len(cat.Ownership))
	t.Log("| source | failed | reviews | people names | resolved | component names | resolved | candidates | inferred |")
	t.Log("|---|---|---|---|---|---|---|---|---|")
	for _, d := range dirs {
		reviews, ok := byDir[d.Name()]
		if !ok {
			continue
		}
		res := identity.New(cat, reviews)
		sum := res.Summary()
		candidates := res.NearDuplicates()
		inferred := 0
		for _, r := range reviews {
			for _, c := range res.InferComponents(r) {
				if got, ok := res.Component(c); !ok || got != c {
					t.Errorf("%s: InferComponents(%s) gives %q, which Component resolves to %q, %v", d.Name(), r.ID, c, got, ok)
				}
			}
			if len(res.InferComponents(r)) > 0 {
				inferred++
			}
		}
		for _, n := range res.Unknown() {
			resolve := res.Component
			if n.Kind == identity.KindPerson {
				resolve = res.Person
			}
			if c, ok := resolve(n.Name); ok {
				t.Errorf("%s: unknown %s %q resolves to %q", d.Name(), n.Kind, n.Name, c)
			}
		}
		for _, c := range candidates {
			if c.Name == c.Match || c.Name == "" || c.Match == "" || c.NameReviews == 0 {
				t.Errorf("%s: candidate %+v pairs no two names", d.Name(), c)
			}
		}
		t.Logf("| %s | %d | %d | %d | %d | %d | %d | %d | %d |", d.Name(), failed[d.Name()], len(reviews),
			sum.People, sum.PeopleResolved, sum.Components, sum.ComponentsResolved, len(candidates), inferred)
	}
}
