package ingest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// file is one regular file found below an ingest root.
type file struct {
	path string // as the user named it: root joined with rel
	rel  string // below the root, slash-separated
	size int64
}

// walk lists the regular files named by roots (files or folders, recursively), sorted by path
// so that every run sees them in the same order. Hidden files and folders (a leading dot, such
// as .git) are passed over. Roots that do not exist are reported as failures.
func walk(roots []string) ([]file, []Failure) {
	var files []file
	var failures []Failure
	seen := map[string]bool{}
	for _, root := range roots {
		info, err := os.Stat(root)
		if err != nil {
			failures = append(failures, Failure{Path: root, Reason: reason(err)})
			continue
		}
		if !info.IsDir() {
			if !seen[root] {
				seen[root] = true
				files = append(files, file{path: root, rel: filepath.Base(root), size: info.Size()})
			}
			continue
		}
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				failures = append(failures, Failure{Path: path, Reason: reason(err)})
				return nil
			}
			if path != root && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() || seen[path] {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				failures = append(failures, Failure{Path: path, Reason: reason(err)})
				return nil
			}
			rel, _ := filepath.Rel(root, path)
			seen[path] = true
			files = append(files, file{path: path, rel: filepath.ToSlash(rel), size: info.Size()})
			return nil
		})
		if err != nil {
			failures = append(failures, Failure{Path: root, Reason: reason(err)})
		}
	}
	sort.Slice(files, func(i, j int) bool { return files[i].path < files[j].path })
	return files, failures
}

// reason turns a file-system error into a message without the path, which the failure names.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Sprintf("cannot %s: %v", pe.Op, pe.Err)
	}
	return err.Error()
}
