package ingest

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Spreadsheets are exported as CSV in many dialects: commas, semicolons (European Excel) or tabs
// between cells, CRLF line ends, a byte order mark, a title row above the header, cells quoted
// over several lines, rows shorter than the header, Latin-1 bytes. readTable reads all of them
// into one shape, and never gives up on a document because of one bad row.

// csvTable is a delimited table as read from a document.
type csvTable struct {
	// header holds the column names as written, trimmed.
	header []string
	// rows are the data rows that could be read, each padded to the header's width.
	rows []csvRow
	// errs has one error per row that could not be read, each starting "line N: ".
	errs []error
}

// csvRow is one data row and the line it starts on.
type csvRow struct {
	line  int
	cells []string
}

// maxHeaderSearch is how many records above the header readTable passes over (title rows, notes).
const maxHeaderSearch = 5

// maxRowErrors is how many unreadable rows readTable lists before it stops listing them.
const maxRowErrors = 100

// readRows reads a whole delimited document for an importer (readTable): rows that cannot be
// read are listed in errs, but a document none of whose rows can be read fails with the first
// row's error.
func readRows(data []byte) (csvTable, error) {
	t, err := readTable(data, 0)
	if err != nil {
		return csvTable{}, err
	}
	if len(t.rows) == 0 && len(t.errs) > 0 {
		return csvTable{}, t.errs[0]
	}
	return t, nil
}

// readTable reads a delimited document. The header is the first record with at least two
// non-empty cells; a row with more non-empty cells than the header has columns, or with broken
// quoting, is listed in errs and passed over, and reading resumes on the next line. maxRows > 0
// stops after that many data rows (sniffing reads only the header, with maxRows 0 meaning all).
// The error is for a document without a usable header.
func readTable(data []byte, maxRows int) (csvTable, error) {
	data = trimBOM(data)
	data = validUTF8(data)
	if bytes.IndexByte(data, '\n') < 0 && bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n")) // classic Mac OS line ends
	}
	var t csvTable
	comma := sniffDelimiter(data)
	off, lineBase, candidates := 0, 0, 0
	for off < len(data) {
		r := csv.NewReader(bytes.NewReader(data[off:]))
		r.Comma = comma
		r.FieldsPerRecord = -1
		resume := -1
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line := lineBase + pe.StartLine
				t.addErr(fmt.Errorf("line %d: %s", line, quoteProblem(pe.Err)))
				if t.header == nil {
					candidates++
				}
				if errors.Is(pe.Err, csv.ErrQuote) && int(r.InputOffset()) >= len(data)-off {
					// An unclosed quote swallowed the rest of the document: read on from the
					// line after the one the broken record starts on.
					resume = line
					break
				}
				continue
			}
			if err != nil {
				return t, err
			}
			line, _ := r.FieldPos(0)
			line += lineBase
			if t.header == nil {
				if nonEmpty(rec) >= 2 {
					t.header = trimCells(rec)
					continue
				}
				if candidates++; candidates >= maxHeaderSearch {
					return t, errors.New("no header row: the first records have fewer than two named columns")
				}
				continue
			}
			if row, ok := t.fit(rec, line); ok {
				t.rows = append(t.rows, row)
				if maxRows > 0 && len(t.rows) >= maxRows {
					return t, nil
				}
			}
		}
		if resume < 0 {
			break
		}
		off, lineBase = lineOffset(data, resume+1), resume
	}
	if t.header == nil {
		if len(t.errs) > 0 {
			return t, t.errs[0]
		}
		return t, errors.New("no header row: the document has fewer than two named columns")
	}
	return t, nil
}

// fit pads a record to the header's width, or lists it as unreadable when it has more non-empty
// cells than the header has columns (an unquoted delimiter shifted its cells). Blank records are
// dropped silently.
func (t *csvTable) fit(rec []string, line int) (csvRow, bool) {
	if nonEmpty(rec) == 0 {
		return csvRow{}, false
	}
	if len(rec) > len(t.header) {
		if nonEmpty(rec[len(t.header):]) > 0 {
			t.addErr(fmt.Errorf("line %d: %d cells, but the header has %d columns", line, len(rec), len(t.header)))
			return csvRow{}, false
		}
		rec = rec[:len(t.header)]
	}
	cells := make([]string, len(t.header))
	for i, c := range rec {
		cells[i] = strings.TrimSpace(c)
	}
	return csvRow{line: line, cells: cells}, true
}

func (t *csvTable) addErr(err error) {
	if len(t.errs) < maxRowErrors {
		t.errs = append(t.errs, err)
	}
}

// column returns the index of the first column whose normalised name is one of names, or -1.
func (t csvTable) column(names ...string) int {
	for _, name := range names {
		for i, h := range t.header {
			if normColumn(h) == name {
				return i
			}
		}
	}
	return -1
}

// records returns the rows as maps from column name, as written, to cell. Cells holding only
// `\N` (a database dump's NULL) are left out, as are empty ones.
func (t csvTable) records() []map[string]string {
	out := make([]map[string]string, 0, len(t.rows))
	for _, row := range t.rows {
		m := make(map[string]string, len(t.header))
		for i, c := range row.cells {
			if c != "" && c != `\N` {
				m[t.header[i]] = c
			}
		}
		out = append(out, m)
	}
	return out
}

// quoteProblem words a CSV parse error for a person fixing the file.
func quoteProblem(err error) string {
	switch {
	case errors.Is(err, csv.ErrQuote):
		return `a quoted cell is not closed, or has a stray " inside (double it as "")`
	case errors.Is(err, csv.ErrBareQuote):
		return `a " inside an unquoted cell (quote the cell and double the ")`
	}
	return err.Error()
}

// sniffDelimiter picks the delimiter of the first line: the most frequent of comma, semicolon
// and tab outside quotes, comma on a tie or when there is none.
func sniffDelimiter(data []byte) rune {
	counts := map[rune]int{}
	quoted := false
	for _, c := range string(data[:min(len(data), 8192)]) {
		if c == '"' {
			quoted = !quoted
			continue
		}
		if c == '\n' && !quoted {
			if counts[','] > 0 || counts[';'] > 0 || counts['\t'] > 0 {
				break
			}
			continue
		}
		if !quoted && (c == ',' || c == ';' || c == '\t') {
			counts[c]++
		}
	}
	best := ','
	for _, c := range []rune{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
}

// lineOffset returns the byte offset at which line n (from 1) starts, or len(data).
func lineOffset(data []byte, n int) int {
	off := 0
	for line := 1; line < n; line++ {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			return len(data)
		}
		off += i + 1
	}
	return off
}

// validUTF8 returns data as valid UTF-8. A document without a single multi-byte UTF-8 character
// but with bytes above 127 is Latin-1, the way spreadsheets on Windows save CSV, and is read one
// character per byte; in a UTF-8 document, stray invalid bytes become U+FFFD.
func validUTF8(data []byte) []byte {
	if utf8.Valid(data) {
		return data
	}
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if size > 1 && r != utf8.RuneError {
			return bytes.ToValidUTF8(data, []byte("\uFFFD"))
		}
		i += max(size, 1)
	}
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for _, c := range data {
		b.WriteRune(rune(c))
	}
	return []byte(b.String())
}

func nonEmpty(cells []string) int {
	n := 0
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n
}

func trimCells(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = strings.TrimSpace(c)
	}
	return out
}

// normColumn normalises a column name for matching: lower case, "#" read as "number", every run
// of other characters than letters and digits one space ("Root_Cause (L1)" becomes "root cause
// l1", "Incident #" becomes "incident number").
func normColumn(s string) string {
	s = strings.ReplaceAll(s, "#", " number ")
	s = strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 {
			return r
		}
		return ' '
	}, strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}

// bareColumn is normColumn without parenthetical notes ("Duration (approx.)" becomes "duration").
func bareColumn(s string) string {
	for i := 0; i < 2; i++ {
		s = reParens.ReplaceAllString(s, " ")
	}
	return normColumn(s)
}
