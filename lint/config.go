package lint

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// ConfigFile is the name of the per-repository configuration lint looks for in a document's
// folder and every folder above it.
const ConfigFile = ".metamortem.yaml"

// Config tunes the checks.
type Config struct {
	// ReviewWithin is how long after resolution a review may be written.
	ReviewWithin time.Duration
	// Disabled rules are not checked.
	Disabled map[string]bool
	// Levels override rules' default levels.
	Levels map[string]Level
	// Path is the file the configuration was read from, or "" for the defaults.
	Path string
}

// DefaultConfig is the configuration when no .metamortem.yaml is found.
func DefaultConfig() Config {
	return Config{ReviewWithin: 24 * time.Hour, Disabled: map[string]bool{}, Levels: map[string]Level{}}
}

// fileConfig is the shape of .metamortem.yaml:
//
//	lint:
//	  review_within: 48h          # a Go duration; default 24h
//	  disable: [action-no-ticket]
//	  levels:
//	    missing-difficulties: note
type fileConfig struct {
	Lint struct {
		ReviewWithin string           `yaml:"review_within"`
		Disable      []string         `yaml:"disable"`
		Levels       map[string]Level `yaml:"levels"`
	} `yaml:"lint"`
}

// LoadConfig reads the .metamortem.yaml nearest to dir (dir itself, then each folder above it),
// or returns the defaults when there is none. Unknown rules and levels are errors naming the
// file, so a typo does not silently switch a check back on.
func LoadConfig(dir string) (Config, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return Config{}, err
	}
	for d := abs; ; d = filepath.Dir(d) {
		p := filepath.Join(d, ConfigFile)
		data, err := os.ReadFile(p)
		if err == nil {
			return parseConfig(p, data)
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return Config{}, err
		}
		if filepath.Dir(d) == d {
			return DefaultConfig(), nil
		}
	}
}

func parseConfig(path string, data []byte) (Config, error) {
	var fc fileConfig
	if err := yaml.Unmarshal(data, &fc); err != nil {
		return Config{}, fmt.Errorf("%s: %w", path, err)
	}
	c := DefaultConfig()
	c.Path = path
	if s := strings.TrimSpace(fc.Lint.ReviewWithin); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil || d <= 0 {
			return Config{}, fmt.Errorf("%s: lint.review_within %q is not a positive duration such as 24h", path, s)
		}
		c.ReviewWithin = d
	}
	for _, id := range fc.Lint.Disable {
		if _, ok := ruleByID(id); !ok {
			return Config{}, fmt.Errorf("%s: lint.disable: unknown rule %q", path, id)
		}
		c.Disabled[id] = true
	}
	for id, level := range fc.Lint.Levels {
		if _, ok := ruleByID(id); !ok {
			return Config{}, fmt.Errorf("%s: lint.levels: unknown rule %q", path, id)
		}
		if level != LevelError && level != LevelWarning && level != LevelNote {
			return Config{}, fmt.Errorf("%s: lint.levels.%s: level %q is not error, warning or note", path, id, level)
		}
		c.Levels[id] = level
	}
	return c, nil
}

// level returns the level rule id reports at under c.
func (c Config) level(id string) Level {
	if l, ok := c.Levels[id]; ok {
		return l
	}
	r, _ := ruleByID(id)
	return r.Level
}
