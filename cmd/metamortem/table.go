package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// grid is rows of values under named columns, the common shape of everything a command lists.
type grid struct {
	columns []string
	rows    [][]any
}

// writeTable writes the grid as aligned text columns.
func (g grid) writeTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(g.columns, "\t"))
	for _, row := range g.rows {
		cells := make([]string, len(row))
		for i, v := range row {
			cells[i] = strings.NewReplacer("\t", " ", "\n", " ").Replace(cellText(v, ", "))
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}

// writeJSON writes the grid as a JSON array of objects keyed by column, in column order.
func (g grid) writeJSON(w io.Writer) error {
	var b strings.Builder
	b.WriteString("[")
	for i, row := range g.rows {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  {")
		for j, col := range g.columns {
			if j > 0 {
				b.WriteString(", ")
			}
			k, _ := json.Marshal(col)
			v, err := json.Marshal(jsonValue(row[j]))
			if err != nil {
				return fmt.Errorf("column %s: %w", col, err)
			}
			b.Write(k)
			b.WriteString(": ")
			b.Write(v)
		}
		b.WriteString("}")
	}
	if len(g.rows) > 0 {
		b.WriteString("\n")
	}
	b.WriteString("]\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// writeCSV writes the grid as CSV with a header row. Lists are joined with "; ", and cells that
// a spreadsheet would run as a formula are neutralised with a leading apostrophe.
func (g grid) writeCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(g.columns); err != nil {
		return err
	}
	for _, row := range g.rows {
		cells := make([]string, len(row))
		for i, v := range row {
			cells[i] = neutraliseFormula(cellText(v, "; "))
		}
		if err := cw.Write(cells); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// neutraliseFormula prefixes an apostrophe to cells starting with =, +, -, @, tab or carriage
// return, which spreadsheet programs would otherwise evaluate (CSV injection).
func neutraliseFormula(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// cellText renders one value for text output; lists are joined with sep.
func cellText(v any, sep string) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case time.Time:
		return x.UTC().Format(time.RFC3339)
	case []byte:
		return fmt.Sprintf("(%d bytes)", len(x))
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = cellText(e, sep)
		}
		return strings.Join(parts, sep)
	case []string:
		return strings.Join(x, sep)
	}
	return fmt.Sprint(v)
}

// jsonValue makes a value JSON-friendly: times as RFC 3339 strings in UTC.
func jsonValue(v any) any {
	switch x := v.(type) {
	case time.Time:
		return x.UTC().Format(time.RFC3339)
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = jsonValue(e)
		}
		return out
	}
	return v
}
