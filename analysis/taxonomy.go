package analysis

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// A taxonomy names the causes an organisation already knows it has, each as a colon-namespaced
// tag ("cause:capacity:connection-pool") with the phrases that state it. Statements that use
// one of the phrases join that cause's theme before any clustering is done.

//go:embed taxonomy.yaml
var defaultTaxonomyYAML []byte

// Taxonomy is a validated list of known causes, ready to match statements against.
type Taxonomy struct {
	// Entries are the causes in the order the file gives them.
	Entries []TaxonomyEntry
	matcher *phraseMatcher
}

// TaxonomyEntry is one known cause.
type TaxonomyEntry struct {
	// Tag names the cause: words of lower-case letters, digits and hyphens joined by colons,
	// from the general to the specific, at least two deep ("cause:network:dns").
	Tag string `yaml:"tag"`
	// Label is the cause's name for people ("DNS resolution failure").
	Label string `yaml:"label"`
	// Phrases state the cause. A statement matches a phrase when, after masking, stopword
	// removal and stemming, the phrase's words appear in it in order within one clause, with at
	// most two other words among them: "pools were exhausted" matches "pool exhausted".
	Phrases []string `yaml:"phrases"`
	// Aliases are literal terms that name the cause on their own, matched whole-word and
	// case-insensitively before any masking or stemming: error names, status codes, signals
	// ("OOMKilled", "ENOSPC", "429").
	Aliases []string `yaml:"aliases,omitempty"`
}

// Depth returns the number of parts in the entry's tag: 3 for "cause:network:dns".
func (e TaxonomyEntry) Depth() int { return strings.Count(e.Tag, ":") + 1 }

type taxonomyFile struct {
	// Extends is "default" when the file adds to (and may override entries of) the default
	// taxonomy instead of replacing it.
	Extends string          `yaml:"extends"`
	Themes  []TaxonomyEntry `yaml:"themes"`
}

var reTag = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*(?::[a-z0-9]+(?:-[a-z0-9]+)*)+$`)

// DefaultTaxonomy returns the taxonomy that ships with metamortem (analysis/taxonomy.yaml):
// common contributing factors from public incident-review practice, such as configuration
// changes, capacity exhaustion, dependency failures, expired certificates and alerting gaps.
func DefaultTaxonomy() *Taxonomy {
	t, err := parseTaxonomy(defaultTaxonomyYAML, nil)
	if err != nil {
		panic("analysis: embedded taxonomy.yaml is invalid: " + err.Error())
	}
	return t
}

// LoadTaxonomy reads a taxonomy written in YAML as a list under "themes", each entry with a
// tag, label, phrases and optional aliases. With "extends: default" at the top, its entries are
// added to the default taxonomy, replacing default entries with the same tag; otherwise it
// replaces the default. Every entry must have a unique, colon-namespaced tag, a label and at
// least one phrase; errors name the entry.
func LoadTaxonomy(r io.Reader) (*Taxonomy, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read taxonomy: %w", err)
	}
	return parseTaxonomy(data, DefaultTaxonomy)
}

// parseTaxonomy reads and validates a taxonomy file; base, when not nil, gives the taxonomy that
// "extends: default" refers to.
func parseTaxonomy(data []byte, base func() *Taxonomy) (*Taxonomy, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var f taxonomyFile
	if err := dec.Decode(&f); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("taxonomy is empty")
		}
		return nil, fmt.Errorf("taxonomy: %w", err)
	}
	if len(f.Themes) == 0 {
		return nil, errors.New("taxonomy has no themes")
	}
	seen := map[string]int{}
	for i := range f.Themes {
		e := &f.Themes[i]
		if err := cleanEntry(e); err != nil {
			return nil, fmt.Errorf("taxonomy theme %d (%s): %w", i+1, nameOf(*e), err)
		}
		if first, dup := seen[e.Tag]; dup {
			return nil, fmt.Errorf("taxonomy theme %d (%s): tag already used by theme %d", i+1, e.Tag, first)
		}
		seen[e.Tag] = i + 1
	}
	entries := f.Themes
	switch f.Extends {
	case "":
	case "default":
		if base == nil {
			return nil, errors.New("taxonomy: the default taxonomy cannot extend itself")
		}
		entries = mergeEntries(base().Entries, f.Themes)
	default:
		return nil, fmt.Errorf("taxonomy: extends %q; only \"default\" can be extended", f.Extends)
	}
	return &Taxonomy{Entries: entries, matcher: newPhraseMatcher(entries)}, nil
}

// cleanEntry trims an entry's fields and checks them.
func cleanEntry(e *TaxonomyEntry) error {
	e.Tag = strings.TrimSpace(e.Tag)
	e.Label = strings.TrimSpace(e.Label)
	switch {
	case e.Tag == "":
		return errors.New("no tag")
	case !reTag.MatchString(e.Tag):
		return errors.New("tag is not lower-case words joined by colons, like cause:network:dns")
	case e.Label == "":
		return errors.New("no label")
	case len(e.Phrases) == 0:
		return errors.New("no phrases")
	}
	for i, p := range e.Phrases {
		e.Phrases[i] = strings.TrimSpace(p)
		if len(phraseStems(p)) == 0 {
			return fmt.Errorf("phrase %d (%q) has no words left once stopwords, names and numbers are set aside", i+1, p)
		}
	}
	for i, a := range e.Aliases {
		e.Aliases[i] = strings.TrimSpace(a)
		if len(aliasWords(a)) == 0 {
			return fmt.Errorf("alias %d (%q) has no words", i+1, a)
		}
	}
	return nil
}

func nameOf(e TaxonomyEntry) string {
	if e.Tag != "" {
		return e.Tag
	}
	if e.Label != "" {
		return fmt.Sprintf("label %q", e.Label)
	}
	return "no tag"
}

// mergeEntries returns base with each of extra replacing the base entry of the same tag, and
// the rest of extra appended in order.
func mergeEntries(base, extra []TaxonomyEntry) []TaxonomyEntry {
	byTag := map[string]int{}
	out := make([]TaxonomyEntry, len(base), len(base)+len(extra))
	copy(out, base)
	for i, e := range out {
		byTag[e.Tag] = i
	}
	for _, e := range extra {
		if i, ok := byTag[e.Tag]; ok {
			out[i] = e
			continue
		}
		out = append(out, e)
	}
	return out
}

// Match returns the entry that a statement states, with no names masked, and whether there is
// one. When several match, the most specific wins: the longest phrase, then the deepest tag,
// then the tag that sorts first.
func (t *Taxonomy) Match(statement string) (TaxonomyEntry, bool) {
	i := t.matcher.match(splitWords(statement), nil)
	if i < 0 {
		return TaxonomyEntry{}, false
	}
	return t.Entries[i], true
}
