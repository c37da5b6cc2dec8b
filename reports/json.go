package reports

import (
	"encoding/json"
	"fmt"
	"io"
)

// WriteJSON writes the quarterly report q to w as indented JSON: the same content as the HTML
// and Markdown reports, as data. Lists are never null; times are RFC 3339 in UTC; shares are
// fractions rounded to three places; keys are documented in the report command's help.
func WriteJSON(w io.Writer, q Quarterly) error {
	b, err := json.MarshalIndent(q, "", "  ")
	if err != nil {
		return fmt.Errorf("write json report: %w", err)
	}
	if _, err := fmt.Fprintf(w, "%s\n", b); err != nil {
		return fmt.Errorf("write json report: %w", err)
	}
	return nil
}
