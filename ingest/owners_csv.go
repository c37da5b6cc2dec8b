package ingest

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/metamortem/metamortem"
)

// ownersCSVFormat reads owners maps kept as a spreadsheet: a header of two to four columns, one
// naming the component ("component", "service", "app", "repo"), at least one naming its owner
// ("team", "owner", "owners", "squad"), and optionally "system", "title", "aliases" or "path".
// Each row becomes a CatalogComponent (its owner the first one named) and an Ownership with
// every owner of the row; a row without an owner is kept as unowned.
var ownersCSVFormat = Format{
	Name:       "owners-csv",
	Extensions: []string{".csv", ".tsv"},
	Sniff:      sniffOwnersCSV,
	Parse:      parseOwnersCSV,
	Catalog:    true,
}

// ownersColumns maps the header names an owners CSV may use to the field they fill.
var ownersColumns = map[string]string{
	"component": "name", "service": "name", "app": "name", "application": "name",
	"repo": "name", "repository": "name", "component name": "name", "service name": "name",
	"team": "owner", "owner": "owner", "owners": "owner", "owning team": "owner",
	"owner team": "owner", "squad": "owner",
	"system": "system", "title": "title", "display name": "title", "aliases": "aliases",
	"alias": "aliases", "path": "pattern", "pattern": "pattern",
}

var reListSep = regexp.MustCompile(`\s*[,;|]\s*`)

// ownersHeader reads a header line: the delimiter and the field of each column. ok is false
// unless the line has two to four columns, all known, with exactly one component column and at
// least one owner column.
func ownersHeader(line string) (delim rune, fields []string, ok bool) {
	for _, d := range []rune{',', ';', '\t'} {
		cols := strings.Split(line, string(d))
		if len(cols) < 2 || len(cols) > 4 {
			continue
		}
		fields = fields[:0]
		names, owners := 0, 0
		for _, c := range cols {
			key := strings.Join(strings.Fields(strings.ReplaceAll(strings.ToLower(strings.Trim(c, " \t\"'\r")), "_", " ")), " ")
			f, known := ownersColumns[key]
			if !known {
				break
			}
			fields = append(fields, f)
			switch f {
			case "name":
				names++
			case "owner":
				owners++
			}
		}
		if len(fields) == len(cols) && names == 1 && owners >= 1 {
			return d, fields, true
		}
	}
	return 0, nil, false
}

// sniffOwnersCSV recognises an owners CSV by its header, followed by at least one row.
func sniffOwnersCSV(data []byte) bool {
	head := sniffHead(data)
	lines := strings.Split(strings.TrimLeft(head, "\n"), "\n")
	if len(lines) < 2 || strings.TrimSpace(lines[1]) == "" {
		return false
	}
	_, _, ok := ownersHeader(lines[0])
	return ok
}

func parseOwnersCSV(doc Document) (Result, error) {
	data := strings.ReplaceAll(string(trimBOM(doc.Data)), "\r\n", "\n")
	first, _, _ := strings.Cut(strings.TrimLeft(data, "\n"), "\n")
	delim, fields, ok := ownersHeader(first)
	if !ok {
		return Result{}, fmt.Errorf("line 1: not an owners header: want columns such as component,team or service,owner")
	}
	r := csv.NewReader(strings.NewReader(data))
	r.Comma = delim
	r.TrimLeadingSpace = true
	if _, err := r.Read(); err != nil {
		return Result{}, csvError(err)
	}
	var cat metamortem.Catalog
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return Result{}, csvError(err)
		}
		var comp metamortem.CatalogComponent
		own := metamortem.Ownership{Source: "owners-csv"}
		for i, f := range fields {
			v := strings.TrimSpace(rec[i])
			switch f {
			case "name":
				comp.Name = v
			case "owner":
				own.Owners = addUnique(own.Owners, splitOwners(v)...)
			case "system":
				comp.System = v
			case "title":
				comp.Title = v
			case "aliases":
				comp.Aliases = addUnique(comp.Aliases, reListSep.Split(v, -1)...)
			case "pattern":
				own.Pattern = v
			}
		}
		if comp.Name == "" {
			continue
		}
		if len(own.Owners) > 0 {
			comp.Owner = own.Owners[0]
		}
		own.Component = comp.Name
		cat.Components = append(cat.Components, comp)
		cat.Ownership = append(cat.Ownership, own)
	}
	return Result{Catalog: cat}, nil
}

// csvError puts the line of a CSV parse error first, where failures look for it.
func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("line %d: %w", pe.Line, pe.Err)
	}
	return err
}

// splitOwners splits a cell naming owners at commas, semicolons and bars, and a run of handles
// or e-mail addresses ("@alice @bob") at spaces; "Team Payments" stays one owner.
func splitOwners(v string) []string {
	var out []string
	for _, part := range reListSep.Split(strings.TrimSpace(v), -1) {
		fields := strings.Fields(part)
		all := len(fields) > 1
		for _, f := range fields {
			all = all && isOwnerToken(f)
		}
		if all {
			out = append(out, fields...)
		} else {
			out = append(out, part)
		}
	}
	return out
}
