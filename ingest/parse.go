package ingest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/metamortem/metamortem"
)

// ErrUnknownFormat means no importer recognises a document.
var ErrUnknownFormat = errors.New("not a review format metamortem reads")

// ReadReviews reads one file and returns the reviews it defines and the name of its format,
// for tools that look at documents one at a time (metamortem lint) rather than ingesting
// them. Errors carry the path, and the line where the importer knows it.
func ReadReviews(path string) ([]metamortem.Review, string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, "", err
	}
	doc := NewDocument(path, filepath.Base(path), data)
	data = doc.Data
	if looksBinary(data) {
		return nil, "", fmt.Errorf("%s: binary file: %w", path, ErrUnknownFormat)
	}
	format, ok := Detect(path, data)
	if !ok {
		return nil, "", fmt.Errorf("%s: %w", path, ErrUnknownFormat)
	}
	res, err := format.Parse(doc)
	if err != nil {
		return nil, format.Name, *failure(path, err)
	}
	for i := range res.Reviews {
		if res.Reviews[i].Source.Path == "" {
			res.Reviews[i].Source = metamortem.Source{Path: path, Format: format.Name, SHA256: doc.SHA256}
		}
	}
	return res.Reviews, format.Name, nil
}
