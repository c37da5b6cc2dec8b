package store

import (
	"reflect"
	"testing"

	"github.com/metamortem/metamortem"
)

func TestSortReviews(t *testing.T) {
	tests := []struct {
		ids, want []string
	}{
		{nil, nil},
		{[]string{"INC-1"}, []string{"INC-1"}},
		{[]string{"INC-1", "INC-2", "INC-3"}, []string{"INC-1", "INC-2", "INC-3"}},
		{[]string{"INC-2", "INC-1"}, []string{"INC-1", "INC-2"}},
		// One cycle of four, then a cycle of two and a review in place.
		{[]string{"C", "A", "D", "B"}, []string{"A", "B", "C", "D"}},
		{[]string{"B", "A", "C"}, []string{"A", "B", "C"}},
		// Bytes, not collation: upper case before lower case, "INC-10" before "INC-9".
		{[]string{"b", "INC-9", "B", "INC-10"}, []string{"B", "INC-10", "INC-9", "b"}},
	}
	for _, tt := range tests {
		l := &loaded{}
		for _, id := range tt.ids {
			l.reviews = append(l.reviews, metamortem.Review{ID: id, Title: "title of " + id})
			l.docPaths = append(l.docPaths, "doc of "+id)
		}
		l.sortReviews()
		var ids, titles, docs, wantTitles, wantDocs []string
		for i, r := range l.reviews {
			ids, titles, docs = append(ids, r.ID), append(titles, r.Title), append(docs, l.docPaths[i])
		}
		for _, id := range tt.want {
			wantTitles, wantDocs = append(wantTitles, "title of "+id), append(wantDocs, "doc of "+id)
		}
		if !reflect.DeepEqual(ids, tt.want) || !reflect.DeepEqual(titles, wantTitles) || !reflect.DeepEqual(docs, wantDocs) {
			t.Errorf("sortReviews(%q) = %q, titles %q, documents %q; want %q", tt.ids, ids, titles, docs, tt.want)
		}
	}
}

func TestFind(t *testing.T) {
	l := &loaded{reviews: []metamortem.Review{{ID: "A"}, {ID: "B"}, {ID: "C"}}}
	l.indexReviews()
	tests := []struct {
		id   string
		last int32
		want int32
	}{
		{"A", -1, 0},
		{"B", 0, 1},
		{"C", 0, 2},
		{"A", 2, 0},
		{"C", 2, 2},
		{"D", 1, -1},
		{"D", 2, -1},
	}
	for _, tt := range tests {
		if got := l.find(tt.id, tt.last); got != tt.want {
			t.Errorf("find(%q, %d) = %d; want %d", tt.id, tt.last, got, tt.want)
		}
	}
}
