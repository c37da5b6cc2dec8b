package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Document is one file as read from disk.
type Document struct {
	// Path is the file's path as the user named it (the ingest root joined with the path below
	// it), used in messages and recorded as the review's source.
	Path string
	// Rel is the path below the ingest root with forward slashes. Reviews without an ID of their
	// own derive one from it, so it must not change between ingests of the same tree.
	Rel string
	// Data is the file's bytes.
	Data []byte
	// SHA256 is the hex SHA-256 of Data.
	SHA256 string
	// ColumnMap overrides how a CSV's columns map to review fields: column name (lower-case) to
	// field name, from `ingest --map column=field`.
	ColumnMap map[string]string
	// Encoding says how the bytes were read as text: "utf-8", "utf-16", "windows-1252", or
	// "utf-8 (repaired)" when stray invalid bytes were replaced with U+FFFD.
	Encoding string
	// RepairedLine is the first line holding a replaced byte, 0 when none was.
	RepairedLine int
}

// NewDocument returns the document for data read from path, rel being its path below the root.
// SHA256 is of the bytes as read; Data is always valid UTF-8 text (see readText).
func NewDocument(path, rel string, data []byte) Document {
	sum := sha256.Sum256(data)
	d := Document{Path: path, Rel: filepath.ToSlash(rel), SHA256: hex.EncodeToString(sum[:])}
	d.Data, d.Encoding, d.RepairedLine = readText(data)
	return d
}

// readText returns data as UTF-8 text and the encoding it was read in: UTF-16 with a byte
// order mark is converted; valid UTF-8 is kept; invalid UTF-8 that has valid multi-byte
// sequences too is UTF-8 with stray bytes, which become U+FFFD (badLine is the first line with
// one); anything else with high bytes is Windows-1252, the encoding of older Windows exports.
func readText(data []byte) (text []byte, encoding string, badLine int) {
	if order := utf16Order(data); order != nil {
		return decodeUTF16(data[2:], order), "utf-16", 0
	}
	if utf8.Valid(data) {
		return data, "utf-8", 0
	}
	multi, first := 0, -1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			if first < 0 {
				first = i
			}
		case size > 1:
			multi++
		}
		i += max(size, 1)
	}
	if multi > 0 {
		return bytes.ToValidUTF8(data, []byte("\uFFFD")), "utf-8 (repaired)", 1 + bytes.Count(data[:first], []byte("\n"))
	}
	return windows1252(data), "windows-1252", 0
}

// windows1252 decodes Windows-1252 text (a superset of Latin-1) to UTF-8.
func windows1252(data []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(data) + len(data)/8)
	for _, c := range data {
		switch {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xA0 && cp1252[c-0x80] != 0:
			b.WriteRune(cp1252[c-0x80])
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.Bytes()
}

// utf16Order returns the byte order a UTF-16 byte order mark at the start of data names, or
// nil when there is none.
func utf16Order(data []byte) binary.ByteOrder {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return binary.LittleEndian
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return binary.BigEndian
	}
	return nil
}

// decodeUTF16 converts UTF-16 text in the given byte order to UTF-8. An odd trailing byte is
// dropped; unpaired surrogates become U+FFFD.
func decodeUTF16(data []byte, order binary.ByteOrder) []byte {
	units := make([]uint16, 0, len(data)/2)
	for i := 0; i+1 < len(data); i += 2 {
		units = append(units, order.Uint16(data[i:]))
	}
	return []byte(string(utf16.Decode(units)))
}

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

// PathID derives a review ID from the document's path below the ingest root: the path without
// its extension, lower-cased, with every run of other characters folded to one dash. The n-th
// review (from 1) of a document holding several gets the suffix "-n" from the second on.
func (d Document) PathID(n int) string {
	p := strings.TrimSuffix(d.Rel, path.Ext(d.Rel))
	id := strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(p), "-"), "-")
	if id == "" {
		id = "review"
	}
	if n > 1 {
		id += "-" + strconv.Itoa(n)
	}
	return id
}

// maxDocumentSize is the largest document ingest reads, in bytes. Larger files are refused with
// an error naming the limit.
const maxDocumentSize = 64 << 20
