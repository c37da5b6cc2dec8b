package ingest

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// FuzzImporters feeds arbitrary bytes to detection and to every importer, bundles included:
// none may panic or hang, and every review they return must be storable or fail Validate with
// an error (never be half-formed). Seeded from our fixtures and test documents:
//
//	go test ./ingest/ -run '^$' -fuzz FuzzImporters -fuzztime 5m
func FuzzImporters(f *testing.F) {
	for _, root := range []string{"testdata", filepath.Join("..", "fixtures", "reviews"), filepath.Join("..", "fixtures", "catalog")} {
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if data, err := os.ReadFile(path); err == nil && len(data) < 64<<10 {
				f.Add(data)
			}
			return nil
		})
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc := NewDocument("fuzz/doc", "doc", data)
		if format, ok := Detect(doc.Path, doc.Data); ok {
			parseAndCheck(t, format, doc)
		}
		for _, format := range formats {
			parseAndCheck(t, format, doc)
		}
	})
}

func parseAndCheck(t *testing.T, format Format, doc Document) {
	res, err := format.Parse(doc)
	if err != nil {
		return
	}
	for _, r := range append(res.Reviews, res.Fragments...) {
		if r.ID == "" && format.Name != "canonical" {
			continue // run.go fills or refuses these; the importer must only not crash
		}
		_ = r.Validate()
	}
}
