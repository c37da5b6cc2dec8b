package main

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/metamortem/metamortem/parallel"
)

// writeIndentedJSON writes v as JSON indented by two spaces, and a newline.
func writeIndentedJSON(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// writeJSONList writes xs exactly as writeIndentedJSON would, byte for byte, but marshals the
// elements on every core and never holds the whole list as one buffer: finalise's list at
// 100,000 reviews is over 100 MB of JSON, and marshalling then indenting it on one core took
// longer than the analysis.
func writeJSONList[T any](w io.Writer, xs []T) error {
	if len(xs) == 0 {
		return writeIndentedJSON(w, xs) // "null" or "[]"
	}
	parts := make([][]byte, len(xs))
	errs := make([]error, len(xs))
	parallel.Each(parallel.Workers(), len(xs), func(_, i int) {
		// Inside the list every line of an element is indented one level further.
		parts[i], errs[i] = json.MarshalIndent(xs[i], "  ", "  ")
	})
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString("[\n")
	for i, part := range parts {
		if errs[i] != nil {
			return errs[i]
		}
		bw.WriteString("  ")
		bw.Write(part)
		if i < len(parts)-1 {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
		parts[i] = nil
	}
	bw.WriteString("]\n")
	return bw.Flush()
}
