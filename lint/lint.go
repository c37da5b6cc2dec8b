package lint

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/metamortem/metamortem/ingest"
)

// File lints one review document. cfg is usually LoadConfig(filepath.Dir(path)). A document
// no importer reads, or one that cannot be read, is an error; a document with no problems
// gives no findings.
func File(path string, cfg Config) ([]Finding, error) {
	reviews, _, err := ingest.ReadReviews(path)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	loc := newLocator(lines)
	var found []Finding
	for _, r := range reviews {
		found = append(found, checkReview(r, cfg, loc)...)
	}
	found = append(found, checkLanguage(lines, peopleOf(reviews))...)
	var out []Finding
	for _, f := range found {
		if cfg.Disabled[f.Rule] {
			continue
		}
		f.Path = filepath.ToSlash(path)
		f.Level = cfg.level(f.Rule)
		out = append(out, f)
	}
	sortFindings(out)
	return out, nil
}
