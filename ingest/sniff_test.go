package ingest

import (
	"testing"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		path, data string
		want       string
	}{
		{"2022-10-31-phone-incident", "# Phone incident\n## Issue Summary\n\nA phone downloaded a file without user input.\n", "markdown"},
		{"notes", "---\ntitle: Outage\n---\n\nThe site was down.\n", "markdown"},
		{"review.md", "# Outage\n\nThe API was down for an hour.\n", "markdown"},
		{"plain-writeup.md", "On Tuesday the database went down for two hours.\n\nWe restarted the primary and the outage ended.\n\nThe root cause was a full disk on the primary.\n", "markdown"},
		{"SOURCE.txt", "On Tuesday the database went down for two hours.\n\nWe restarted the primary and the outage ended.\n\nThe root cause was a full disk on the primary.\n", ""},
		{"data", `{"id": "x", "title": "y"}`, ""},
		{"rows", "id,title,start\n1,Outage,2024-01-01\n2,Slow,2024-01-02\n", "csv"},
		{"page", "<!DOCTYPE html>\n<html><body><h1>x</h1></body></html>\n", "html"},
		{"CODEOWNERS", "# Owners of the repository\n# are listed below\n* @org/team\n\n# Docs\ndocs/ @org/writers\n/cmd/ @alice @bob\n", "codeowners"},
		{"script", "#!/bin/sh\n# Deploy script\necho hi\n", ""},
		{"binary", "# Title\x00\x00\x00", ""},
	}
	for _, tt := range tests {
		f, ok := Detect(tt.path, []byte(tt.data))
		got := ""
		if ok {
			got = f.Name
		}
		if got != tt.want {
			t.Errorf("Detect(%q) = %q; want %q", tt.path, got, tt.want)
		}
	}
}
