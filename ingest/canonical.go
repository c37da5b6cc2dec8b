package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/metamortem/metamortem"
)

// canonicalFormat reads metamortem's own JSON Lines export (canonical v1): one review object per
// line. Reviews keep the source they were exported with, so an export ingested into a fresh
// database exports identically.
var canonicalFormat = Format{
	Name:       "jsonl",
	Extensions: []string{".jsonl", ".ndjson", ".json"},
	Sniff:      sniffCanonical,
	Parse:      reviewsOnly(parseCanonical),
}

// canonicalKeys are keys every canonical v1 object has and other JSON shapes rarely share.
var canonicalKeys = []string{"id", "kind", "factors", "actions", "sections", "source"}

func sniffCanonical(data []byte) bool {
	line, _, _ := bytes.Cut(bytes.TrimLeft(trimBOM(data), " \t\r\n"), []byte("\n"))
	var obj map[string]json.RawMessage
	if json.Unmarshal(line, &obj) != nil {
		return false
	}
	for _, k := range canonicalKeys {
		if _, ok := obj[k]; !ok {
			return false
		}
	}
	return true
}

func parseCanonical(doc Document) ([]metamortem.Review, error) {
	var reviews []metamortem.Review
	sc := bufio.NewScanner(bytes.NewReader(trimBOM(doc.Data)))
	sc.Buffer(make([]byte, 0, 64*1024), maxDocumentSize)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var r metamortem.Review
		if err := json.Unmarshal(line, &r); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if r.ID == "" {
			return nil, fmt.Errorf("line %d: review has no id", n)
		}
		if r.Source.Path == "" {
			r.Source = metamortem.Source{Path: doc.Path, Format: "jsonl", SHA256: doc.SHA256}
		}
		reviews = append(reviews, r)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return reviews, nil
}

// trimBOM drops a UTF-8 byte order mark.
func trimBOM(data []byte) []byte {
	return bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
}
