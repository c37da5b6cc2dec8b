package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

type jsonListItem struct {
	Name  string            `json:"name"`
	Tags  []string          `json:"tags"`
	Inner map[string]int    `json:"inner"`
	Next  *jsonListItem     `json:"next"`
	Empty []int             `json:"empty"`
	Extra map[string]string `json:"extra,omitempty"`
}

// TestWriteJSONList checks the parallel list writer against encoding/json's own indentation of
// the whole list, which is what every command wrote before.
func TestWriteJSONList(t *testing.T) {
	many := make([]jsonListItem, 500)
	for i := range many {
		many[i] = jsonListItem{Name: strings.Repeat("x", i%7) + "</script>&", Tags: []string{"a", "b"}[:i%3%2], Inner: map[string]int{"z": i, "a": -i}}
	}
	many[3].Next = &jsonListItem{Name: "nested\nline", Empty: []int{}}
	tests := []struct {
		name string
		xs   []jsonListItem
	}{
		{"nil", nil},
		{"empty", []jsonListItem{}},
		{"one", []jsonListItem{{Name: "one"}}},
		{"many", many},
	}
	for _, tt := range tests {
		want, err := json.MarshalIndent(tt.xs, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, '\n')
		var got bytes.Buffer
		if err := writeJSONList(&got, tt.xs); err != nil {
			t.Fatalf("%s: writeJSONList: %v", tt.name, err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%s: writeJSONList wrote\n%.300s\nwant\n%.300s", tt.name, got.Bytes(), want)
		}
	}
}

// TestWriteJSONListError checks that an element that cannot be marshalled fails the write.
func TestWriteJSONListError(t *testing.T) {
	var got bytes.Buffer
	err := writeJSONList(&got, []any{1, func() {}, 3})
	if err == nil {
		t.Fatalf("writeJSONList with a func element: no error; wrote %q", got.String())
	}
}
