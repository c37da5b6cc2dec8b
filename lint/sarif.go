package lint

import (
	"encoding/json"
	"io"
)

// WriteSARIF writes findings as a SARIF 2.1.0 log, the format code hosts read to show findings
// as annotations on the lines of a pull request. Every rule is described, used or not.
func WriteSARIF(w io.Writer, findings []Finding, version string) error {
	type text struct {
		Text string `json:"text"`
	}
	type rule struct {
		ID                   string `json:"id"`
		ShortDescription     text   `json:"shortDescription"`
		Help                 text   `json:"help"`
		DefaultConfiguration struct {
			Level Level `json:"level"`
		} `json:"defaultConfiguration"`
	}
	type region struct {
		StartLine int `json:"startLine"`
	}
	type location struct {
		PhysicalLocation struct {
			ArtifactLocation struct {
				URI string `json:"uri"`
			} `json:"artifactLocation"`
			Region region `json:"region"`
		} `json:"physicalLocation"`
	}
	type result struct {
		RuleID    string     `json:"ruleId"`
		RuleIndex int        `json:"ruleIndex"`
		Level     Level      `json:"level"`
		Message   text       `json:"message"`
		Locations []location `json:"locations"`
	}
	rules := make([]rule, len(Rules))
	index := map[string]int{}
	for i, r := range Rules {
		rules[i] = rule{ID: r.ID, ShortDescription: text{r.Summary}, Help: text{r.Principle}}
		rules[i].DefaultConfiguration.Level = r.Level
		index[r.ID] = i
	}
	results := make([]result, 0, len(findings))
	for _, f := range findings {
		var loc location
		loc.PhysicalLocation.ArtifactLocation.URI = f.Path
		loc.PhysicalLocation.Region.StartLine = max(f.Line, 1)
		results = append(results, result{RuleID: f.Rule, RuleIndex: index[f.Rule], Level: f.Level,
			Message: text{f.Message}, Locations: []location{loc}})
	}
	log := map[string]any{
		"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
		"version": "2.1.0",
		"runs": []any{map[string]any{
			"tool": map[string]any{"driver": map[string]any{
				"name":           "metamortem",
				"version":        version,
				"informationUri": "https://github.com/metamortem/metamortem",
				"rules":          rules,
			}},
			"results": results,
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}
