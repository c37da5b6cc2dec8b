package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/metamortem/metamortem"
)

// The JSON importers share how a document is opened: a UTF-8 byte order mark is dropped, a
// document may be one JSON value or JSON Lines (one value per line), and the records sit either
// at the top level (an array, or one object) or in an array under a wrapper key ("incidents",
// "issues"). Sniffs look only at the first record, so that they stay cheap and still recognise
// a feed whose tail is damaged; parsing reads everything and fails with the line of the damage.

// jsonPeek is what a sniff sees of a JSON document: the top-level object's keys (or the first
// record's, when the top level is an array) and, for each key holding an array, the first
// element of that array.
type jsonPeek struct {
	array bool                       // the top level is an array
	keys  map[string]json.RawMessage // keys of the top-level object or the first array element
	first map[string]map[string]json.RawMessage
}

// has reports whether every key is present.
func (p jsonPeek) has(keys ...string) bool {
	for _, k := range keys {
		if _, ok := p.keys[k]; !ok {
			return false
		}
	}
	return true
}

// item returns the first element of the array under key, when it is an object holding every
// one of keys.
func (p jsonPeek) item(key string, keys ...string) bool {
	first, ok := p.first[key]
	if !ok {
		return false
	}
	for _, k := range keys {
		if _, ok := first[k]; !ok {
			return false
		}
	}
	return true
}

// peekJSON reads the start of a JSON document: the first value of a top-level array, or the
// keys of a top-level object (the first line's, for JSON Lines). A document cut short after
// that still peeks. It returns false for anything that does not start like a JSON object or
// array of objects.
func peekJSON(data []byte) (jsonPeek, bool) {
	data = bytes.TrimLeft(trimBOM(data), " \t\r\n")
	if len(data) == 0 || data[0] != '{' && data[0] != '[' {
		return jsonPeek{}, false
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if data[0] == '[' {
		if _, err := dec.Token(); err != nil || !dec.More() {
			return jsonPeek{}, false
		}
		var first map[string]json.RawMessage
		if err := dec.Decode(&first); err != nil || first == nil {
			return jsonPeek{}, false
		}
		return jsonPeek{array: true, keys: first}, true
	}
	p := jsonPeek{keys: map[string]json.RawMessage{}, first: map[string]map[string]json.RawMessage{}}
	if _, err := dec.Token(); err != nil {
		return jsonPeek{}, false
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		key, _ := tok.(string)
		start := dec.InputOffset()
		if tok, err = dec.Token(); err != nil {
			break
		}
		switch tok {
		case json.Delim('['):
			// Only the first element matters; the rest is skipped, and may be cut short.
			p.keys[key] = json.RawMessage("[]")
			var first map[string]json.RawMessage
			if dec.More() && dec.Decode(&first) == nil && first != nil {
				p.first[key] = first
			}
			if !skipRest(dec, 1) {
				return p, len(p.keys) > 0
			}
		case json.Delim('{'):
			if !skipRest(dec, 1) {
				return p, len(p.keys) > 0
			}
			p.keys[key] = json.RawMessage(bytes.TrimLeft(data[start:dec.InputOffset()], " \t\r\n:"))
		default:
			p.keys[key] = json.RawMessage(bytes.TrimLeft(data[start:dec.InputOffset()], " \t\r\n:"))
		}
	}
	return p, len(p.keys) > 0
}

// skipRest reads tokens until depth open arrays or objects are closed, reporting whether it got
// there before the end of the data.
func skipRest(dec *json.Decoder, depth int) bool {
	for depth > 0 {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		switch tok {
		case json.Delim('['), json.Delim('{'):
			depth++
		case json.Delim(']'), json.Delim('}'):
			depth--
		}
	}
	return true
}

// decodeDocument decodes a document that is one JSON value into v.
func decodeDocument(data []byte, v any) error {
	data = trimBOM(data)
	if len(bytes.TrimSpace(data)) == 0 {
		return errors.New("document is empty")
	}
	if err := json.Unmarshal(data, v); err != nil {
		return jsonError(data, err, 0)
	}
	return nil
}

// jsonRecords returns the records of a JSON document: the elements of a top-level array, the
// elements of the array under one of the wrapper keys, or a top-level object itself when isRecord
// says it is one. JSON Lines documents yield the records of every line. Errors name the line.
func jsonRecords(data []byte, isRecord func(map[string]json.RawMessage) bool, wrappers ...string) ([]json.RawMessage, error) {
	data = trimBOM(data)
	var out []json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		var v json.RawMessage
		err := dec.Decode(&v)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, jsonError(data, err, dec.InputOffset())
		}
		recs, err := recordsOf(v, isRecord, wrappers)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", lineAt(data, dec.InputOffset()-int64(len(v))), err)
		}
		out = append(out, recs...)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("document is empty")
	}
	return out, nil
}

// recordsOf returns the records in one top-level JSON value.
func recordsOf(v json.RawMessage, isRecord func(map[string]json.RawMessage) bool, wrappers []string) ([]json.RawMessage, error) {
	switch {
	case len(v) > 0 && v[0] == '[':
		var elems []json.RawMessage
		if err := json.Unmarshal(v, &elems); err != nil {
			return nil, err
		}
		return elems, nil
	case len(v) > 0 && v[0] == '{':
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(v, &obj); err != nil {
			return nil, err
		}
		for _, w := range wrappers {
			raw, ok := obj[w]
			if !ok || string(raw) == "null" {
				continue
			}
			if len(raw) > 0 && raw[0] == '{' {
				// A wrapper around one record: {"incident": {...}}.
				return []json.RawMessage{raw}, nil
			}
			var elems []json.RawMessage
			if err := json.Unmarshal(raw, &elems); err != nil {
				return nil, fmt.Errorf("%q is not a list of records", w)
			}
			return elems, nil
		}
		if isRecord != nil && isRecord(obj) {
			return []json.RawMessage{v}, nil
		}
		return nil, fmt.Errorf("object has none of the keys %s", strings.Join(wrappers, ", "))
	}
	return nil, fmt.Errorf("top-level value is not an object or array")
}

// jsonError turns a decoding error into one that names the line of the damage.
func jsonError(data []byte, err error, fallback int64) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Errorf("line %d: invalid JSON: %w", lineAt(data, syn.Offset), err)
	case errors.As(err, &typ):
		return fmt.Errorf("line %d: %w", lineAt(data, typ.Offset), err)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("line %d: invalid JSON: document ends in the middle of a value", lineAt(data, int64(len(data))))
	}
	return fmt.Errorf("line %d: %w", lineAt(data, fallback), err)
}

// lineAt returns the 1-based line of a byte offset.
func lineAt(data []byte, offset int64) int {
	offset = max(0, min(offset, int64(len(data))))
	return bytes.Count(data[:offset], []byte("\n")) + 1
}

// hasKey returns a record test for jsonRecords: the object holds key.
func hasKey(key string) func(map[string]json.RawMessage) bool {
	return func(o map[string]json.RawMessage) bool {
		_, ok := o[key]
		return ok
	}
}

// decodeRecords decodes every record as a T; what names the records in errors ("incidents").
func decodeRecords[T any](recs []json.RawMessage, what string) ([]T, error) {
	out := make([]T, 0, len(recs))
	for i, raw := range recs {
		var v T
		if err := decodeRecord(raw, what, i, &v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// decodeReviews decodes every record as a T and turns it into a review (reviewsOf).
func decodeReviews[T any](doc Document, recs []json.RawMessage, what string, review func(T) metamortem.Review) ([]metamortem.Review, error) {
	items, err := decodeRecords[T](recs, what)
	if err != nil {
		return nil, err
	}
	return reviewsOf(doc, items, review), nil
}

// reviewsOf turns each record into a review with review. A review without an ID is named by
// the document's path and the record's position.
func reviewsOf[T any](doc Document, items []T, review func(T) metamortem.Review) []metamortem.Review {
	var reviews []metamortem.Review
	for i, item := range items {
		r := review(item)
		if r.ID == "" {
			r.ID = doc.PathID(i + 1)
		}
		reviews = append(reviews, r)
	}
	return reviews
}

// decodeRecord decodes the i-th record of a document into v, naming the record on failure.
func decodeRecord(raw json.RawMessage, what string, i int, v any) error {
	if err := json.Unmarshal(raw, v); err != nil {
		var typ *json.UnmarshalTypeError
		if errors.As(err, &typ) && typ.Field != "" {
			return fmt.Errorf("%s[%d].%s: %s is not a %s", what, i, typ.Field, typ.Value, typ.Type)
		}
		return fmt.Errorf("%s[%d]: %w", what, i, err)
	}
	return nil
}

// jsonTime is a time written as an RFC 3339 string, one of the ISO-like variants trackers
// use ("2013-05-22T21:31:32.765+0000", "2024-05-01"), or a Unix time in seconds or
// milliseconds, as a number or a string. Null, empty and unreadable values are nil: a feed with
// one odd date is still read, and an unknown time is never guessed.
type jsonTime struct{ t *time.Time }

// UnmarshalJSON reads the time; it never fails.
func (j *jsonTime) UnmarshalJSON(b []byte) error {
	j.t = nil
	var s string
	if len(b) > 0 && b[0] == '"' {
		if json.Unmarshal(b, &s) != nil {
			return nil
		}
	} else {
		s = string(b)
	}
	if t, ok := readTime(s); ok {
		j.t = &t
	}
	return nil
}

// timeLayouts are the ISO-like layouts JSON feeds write times in.
var timeLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05.999999999Z0700", "2006-01-02T15:04:05Z0700",
	"2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02",
}

// readTime reads one time value in UTC.
func readTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || s == "null" {
		return time.Time{}, false
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		switch {
		case n > 1e11 && n < 1e14: // milliseconds
			return time.UnixMilli(n).UTC(), true
		case n > 1e8 && n <= 1e11: // seconds
			return time.Unix(n, 0).UTC(), true
		}
		return time.Time{}, false
	}
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// jsonText is a value read as text whatever its JSON type: a string, a number (ticket and
// incident numbers) or a boolean; null is empty.
type jsonText string

// UnmarshalJSON reads the value; objects and arrays are an error.
func (j *jsonText) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || string(b) == "null":
		*j = ""
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*j = jsonText(s)
	case b[0] == '{' || b[0] == '[':
		return errors.New("want text, got " + map[byte]string{'{': "an object", '[': "a list"}[b[0]])
	default:
		*j = jsonText(b)
	}
	return nil
}

// String returns the text trimmed.
func (j jsonText) String() string { return strings.TrimSpace(string(j)) }

// named is an object referred to by name: a component, service, team, user or status.
type named struct {
	ID      jsonText `json:"id"`
	Name    jsonText `json:"name"`
	Title   jsonText `json:"title"`
	Summary jsonText `json:"summary"`
	Display jsonText `json:"displayName"`
	Email   jsonText `json:"email"`
	Type    jsonText `json:"type"`
}

// label returns the object's display name: its display name, name, title or summary.
func (n *named) label() string {
	if n == nil {
		return ""
	}
	for _, s := range []jsonText{n.Display, n.Name, n.Title, n.Summary} {
		if t := cleanInline(s.String()); t != "" {
			return t
		}
	}
	return ""
}

// plainText flattens multi-line Markdown or plain text to trimmed plain text, keeping its line
// breaks and collapsing runs of blank lines.
func plainText(s string) string {
	var lines []string
	blank := false
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		t := cleanInline(strings.TrimSuffix(strings.TrimSpace(l), "\\"))
		if t == "" {
			blank = len(lines) > 0
			continue
		}
		if blank {
			lines = append(lines, "")
		}
		blank = false
		lines = append(lines, t)
	}
	return strings.Join(lines, "\n")
}

// firstTime returns the first of the times that is known.
func firstTime(ts ...*time.Time) *time.Time {
	for _, t := range ts {
		if t != nil {
			return t
		}
	}
	return nil
}
