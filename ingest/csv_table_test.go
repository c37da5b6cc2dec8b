package ingest

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// The tables below are written for these tests; they quote no real export.

// csvRowTexts renders a table's rows as "line: cell|cell|…" for comparison.
func csvRowTexts(t csvTable) []string {
	var out []string
	for _, r := range t.rows {
		out = append(out, fmt.Sprintf("%d: %s", r.line, strings.Join(r.cells, "|")))
	}
	return out
}

func csvErrTexts(errs []error) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Error())
	}
	return out
}

func TestReadTable(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		header []string
		rows   []string
		errs   []string
	}{
		{
			name:   "bom and crlf",
			in:     "\ufeffid,title\r\n1,Disk full\r\n2,DNS\r\n",
			header: []string{"id", "title"},
			rows:   []string{"2: 1|Disk full", "3: 2|DNS"},
		},
		{
			name:   "semicolons with a title row above the header",
			in:     "Incident log;;\nDate;Title;Sev\n2024-01-02;Queue stuck;P2\n",
			header: []string{"Date", "Title", "Sev"},
			rows:   []string{"3: 2024-01-02|Queue stuck|P2"},
		},
		{
			name:   "tabs",
			in:     "id\ttitle\n7\tCache, warm\n",
			header: []string{"id", "title"},
			rows:   []string{"2: 7|Cache, warm"},
		},
		{
			name:   "quoted multi-line cell and a blank row",
			in:     "id,cause\n1,\"first line\nsecond line\"\n\n2,plain\n",
			header: []string{"id", "cause"},
			rows:   []string{"2: 1|first line\nsecond line", "5: 2|plain"},
		},
		{
			name:   "short row padded, long row with empty extras trimmed",
			in:     "id,title,sev\n1,Only title\n2,Extra,P1,,\n",
			header: []string{"id", "title", "sev"},
			rows:   []string{"2: 1|Only title|", "3: 2|Extra|P1"},
		},
		{
			name:   "long row with data in the extras is passed over",
			in:     "id,title\n1,Shifted, by a comma\n2,Fine\n",
			header: []string{"id", "title"},
			rows:   []string{"3: 2|Fine"},
			errs:   []string{"line 2: 3 cells, but the header has 2 columns"},
		},
		{
			name:   "bare quote passed over",
			in:     "id,title\n1,The \"big\" one\n2,Next\n",
			header: []string{"id", "title"},
			rows:   []string{"3: 2|Next"},
			errs:   []string{`line 2: a " inside an unquoted cell (quote the cell and double the ")`},
		},
		{
			name:   "unclosed quote does not swallow the rows after it",
			in:     "id,title\n1,\"Never closed\n2,Second\n3,Third\n",
			header: []string{"id", "title"},
			rows:   []string{"3: 2|Second", "4: 3|Third"},
			errs:   []string{`line 2: a quoted cell is not closed, or has a stray " inside (double it as "")`},
		},
		{
			name:   "latin-1 bytes",
			in:     "id,title\n1,Caf\xe9 outage\n",
			header: []string{"id", "title"},
			rows:   []string{"2: 1|Café outage"},
		},
	}
	for _, tt := range tests {
		got, err := readTable([]byte(tt.in), 0)
		if err != nil {
			t.Errorf("readTable(%s) error %v; want none", tt.name, err)
			continue
		}
		if !reflect.DeepEqual(got.header, tt.header) {
			t.Errorf("readTable(%s).header = %q; want %q", tt.name, got.header, tt.header)
		}
		if rows := csvRowTexts(got); !reflect.DeepEqual(rows, tt.rows) {
			t.Errorf("readTable(%s).rows = %q; want %q", tt.name, rows, tt.rows)
		}
		if errs := csvErrTexts(got.errs); !reflect.DeepEqual(errs, tt.errs) {
			t.Errorf("readTable(%s).errs = %q; want %q", tt.name, errs, tt.errs)
		}
	}
}

func TestReadTableWithoutHeader(t *testing.T) {
	for _, in := range []string{"", "\n\n", "just one column\nand another line\n", "a\nb\nc\nd\ne\nf,g\n", "\"never closed,x\n"} {
		if _, err := readTable([]byte(in), 0); err == nil {
			t.Errorf("readTable(%q) error = nil; want an error", in)
		}
	}
}

func TestNormColumn(t *testing.T) {
	tests := []struct{ in, full, bare string }{
		{"Incident ID", "incident id", "incident id"},
		{"root_cause_l1", "root cause l1", "root cause l1"},
		{"Duration (minutes)", "duration minutes", "duration"},
		{" Start Time (UTC) ", "start time utc", "start time"},
		{"Component/s", "component s", "component s"},
		{"Incident #", "incident number", "incident number"},
	}
	for _, tt := range tests {
		if got := normColumn(tt.in); got != tt.full {
			t.Errorf("normColumn(%q) = %q; want %q", tt.in, got, tt.full)
		}
		if got := bareColumn(tt.in); got != tt.bare {
			t.Errorf("bareColumn(%q) = %q; want %q", tt.in, got, tt.bare)
		}
	}
}

func TestSplitCell(t *testing.T) {
	tests := []struct {
		in     string
		commas bool
		want   []string
	}{
		{"EC2; EBS volumes; RDS", true, []string{"EC2", "EBS volumes", "RDS"}},
		{"api, web, worker", true, []string{"api", "web", "worker"}},
		{"api, web; worker", true, []string{"api, web", "worker"}},
		{"Pool exhausted, then retries piled up", false, []string{"Pool exhausted, then retries piled up"}},
		{"- first\n- second\r\n3. third", false, []string{"first", "second", "third"}},
		{"n/a", true, nil},
		{"", true, nil},
	}
	for _, tt := range tests {
		if got := splitCell(tt.in, tt.commas); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitCell(%q, %v) = %q; want %q", tt.in, tt.commas, got, tt.want)
		}
	}
}
