package ingest

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/metamortem/metamortem"
)

// ownershipCorpus are the ownership sources of the shared corpus with the shares (in percent)
// their entries must reach: components with an owner, ownership rules with owners, people with
// aliases. They sit a little under what the importers reach; a share of no entries is not
// checked. In opentelemetry-js-contrib a fifth of the packages are unowned on purpose.
var ownershipCorpus = []struct {
	dir                              string
	docs                             int // documents read as a catalog format, at least
	compOwner, ruleOwners, aliasedPc int
}{
	{"backstage-catalog/backstage-catalog-model-examples", 40, 95, 0, 95},
	{"backstage-catalog/backstage-demo", 3, 95, 0, 0},
	{"backstage-catalog/hmh-classcraft-catalog", 33, 95, 0, 95},
	{"codeowners/prometheus+prometheus", 2, 0, 95, 95},
	{"codeowners/open-telemetry+opentelemetry-go-contrib", 1, 0, 95, 0},
	{"codeowners/open-telemetry+opentelemetry-js-contrib", 2, 0, 75, 0},
	{"codeowners/cli+cli", 1, 0, 95, 0},
	{"codeowners/backstage+demo", 1, 0, 95, 0},
	{"codeowners/Netflix+dispatch", 0, 0, 0, 0},
}

// ownershipUnread are corpus files of the ownership sources that no importer claims, with why.
var ownershipUnread = map[string]string{
	"codeowners/Netflix+dispatch/.github/CODEOWNERS": "user names without patterns or @, not a usable CODEOWNERS",
}

// TestOwnershipCorpus reads every ownership file of the shared corpus (METAMORTEM_CORPUS)
// through Detect, checks that each is claimed by the format its name promises and parses
// without error, logs the entries per source as a Markdown table and holds them to floors. It
// also checks that no review, feed or export of the other sources is taken for a catalog.
func TestOwnershipCorpus(t *testing.T) {
	root := corpusRoot(t)
	var table strings.Builder
	table.WriteString("| source | files | catalog docs | components | teams | people | ownership | components with owner | rules with owners | people with aliases |\n")
	table.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, src := range ownershipCorpus {
		var files, docs, owned, withOwners, aliased int
		var count CatalogCount
		var cat metamortem.Catalog
		err := filepath.WalkDir(filepath.Join(root, filepath.FromSlash(src.dir)), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || corpusSkip(d.Name()) {
				return err
			}
			files++
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			rel = filepath.ToSlash(rel)
			f, ok := Detect(p, data)
			want := expectedCatalogFormat(d.Name(), data)
			if why, unread := ownershipUnread[rel]; unread {
				if ok && f.Catalog {
					t.Errorf("%s: read as %s; it was listed as unread (%s)", rel, f.Name, why)
				}
				return nil
			}
			if want != "" && (!ok || f.Name != want) {
				t.Errorf("%s: Detect = %q; want %q", rel, f.Name, want)
			}
			if !ok || !f.Catalog {
				return nil
			}
			docs++
			res, err := parseResultNoPanic(f, NewDocument(p, rel, data))
			if err != nil {
				t.Errorf("%s: %v", rel, err)
				return nil
			}
			count.add(res.Catalog)
			cat.Add(res.Catalog)
			return nil
		})
		if err != nil {
			t.Errorf("%s: %v", src.dir, err)
			continue
		}
		for _, c := range cat.Components {
			if c.Owner != "" {
				owned++
			}
		}
		for _, o := range cat.Ownership {
			if len(o.Owners) > 0 {
				withOwners++
			}
		}
		for _, p := range cat.People {
			if len(p.Aliases) > 0 {
				aliased++
			}
		}
		shares := []struct {
			name         string
			n, of, floor int
		}{
			{"components with owner", owned, count.Components, src.compOwner},
			{"rules with owners", withOwners, count.Ownership, src.ruleOwners},
			{"people with aliases", aliased, count.People, src.aliasedPc},
		}
		fmt.Fprintf(&table, "| %s | %d | %d | %d | %d | %d | %d |", src.dir, files, docs,
			count.Components, count.Teams, count.People, count.Ownership)
		for _, c := range shares {
			if c.of == 0 {
				table.WriteString(" – |")
				continue
			}
			fmt.Fprintf(&table, " %d%% |", pct(c.n, c.of))
			if got := pct(c.n, c.of); got < c.floor {
				t.Errorf("%s: %s %d%%; want at least %d%%", src.dir, c.name, got, c.floor)
			}
		}
		table.WriteString("\n")
		if docs < src.docs {
			t.Errorf("%s: %d documents read as catalogs; want at least %d", src.dir, docs, src.docs)
		}
	}
	t.Log("Ownership sources of the shared corpus:\n\n" + table.String())

	// No document of the other sources may be read as a catalog.
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); name == "codeowners" || name == "backstage-catalog" {
				return filepath.SkipDir
			}
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if f, ok := Detect(p, data); ok && f.Catalog {
			t.Errorf("%s: read as %s; it is no ownership source", p, f.Name)
		}
		return nil
	})
	if err != nil {
		t.Error(err)
	}
}

// expectedCatalogFormat is the format a corpus file's name promises, or "" when the name
// promises none: CODEOWNERS, MAINTAINERS.md, component_owners.yml, and YAML that declares
// itself a Backstage entity.
func expectedCatalogFormat(name string, data []byte) string {
	switch {
	case name == "CODEOWNERS":
		return "codeowners"
	case name == "MAINTAINERS.md":
		return "maintainers"
	case name == "component_owners.yml":
		return "component-owners"
	case reBackstageAPI.Match(data):
		return "backstage"
	}
	return ""
}
