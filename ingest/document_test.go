package ingest

import (
	"testing"
)

func TestReadText(t *testing.T) {
	tests := []struct {
		name, in  string
		want, enc string
		badLine   int
	}{
		{"utf-8", "Tomás paged\n", "Tomás paged\n", "utf-8", 0},
		{"utf-16le", "\xff\xfeO\x00K\x00\n\x00", "OK\n", "utf-16", 0},
		{"utf-16be", "\xfe\xff\x00O\x00K", "OK", "utf-16", 0},
		{"windows-1252", "caf\xe9 \x93quoted\x94\n", "café “quoted”\n", "windows-1252", 0},
		{"stray bytes in utf-8", "Tomás\nbad \xff byte\n", "Tomás\nbad \uFFFD byte\n", "utf-8 (repaired)", 2},
	}
	for _, tt := range tests {
		got, enc, line := readText([]byte(tt.in))
		if string(got) != tt.want || enc != tt.enc || line != tt.badLine {
			t.Errorf("readText(%s) = %q, %q, line %d; want %q, %q, line %d", tt.name, got, enc, line, tt.want, tt.enc, tt.badLine)
		}
	}
}
