package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/metamortem/metamortem/parallel"
)

// file is one regular file found below an ingest root, or a bundle: the member files of a
// relational export in one folder, read as one document.
type file struct {
	path string // as the user named it: root joined with rel (for a bundle, the folder)
	rel  string // below the root, slash-separated
	size int64
	// modified is the file's modification time in UTC, to microseconds as the store keeps
	// it (for a bundle, its latest member's).
	modified time.Time
	// bundle lists a bundle's member file names, sorted; bundleFormat reads them.
	bundle       []string
	bundleFormat Format
}

// read returns the file's bytes; a bundle's are its members as a txtar archive, one
// "-- name --" header per member, so its hash changes when any member does.
func (f file) read() ([]byte, error) {
	if f.bundle == nil {
		return os.ReadFile(f.path)
	}
	var buf bytes.Buffer
	for _, name := range f.bundle {
		data, err := os.ReadFile(filepath.Join(f.path, name))
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&buf, "-- %s --\n", name)
		buf.Write(data)
		if len(data) > 0 && data[len(data)-1] != '\n' {
			buf.WriteByte('\n')
		}
	}
	return buf.Bytes(), nil
}

// format returns the format a file with these bytes is read as: a bundle's own, or the one
// detected from its name and content.
func (f file) format(data []byte) (Format, bool) {
	if f.bundle != nil {
		return f.bundleFormat, true
	}
	return Detect(f.path, data)
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
				files = append(files, file{path: root, rel: filepath.Base(root), size: info.Size(), modified: modTime(info)})
			}
			continue
		}
		var found []fs.DirEntry
		var paths []string
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				failures = append(failures, Failure{Path: path, Reason: reason(err)})
				return nil
			}
			if path != root && hidden(d.Name()) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() || seen[path] {
				return nil
			}
			seen[path] = true
			found, paths = append(found, d), append(paths, path)
			return nil
		})
		if err != nil {
			failures = append(failures, Failure{Path: root, Reason: reason(err)})
		}
		infos, errs := statAll(found)
		for i, path := range paths {
			if errs[i] != nil {
				failures = append(failures, Failure{Path: path, Reason: reason(errs[i])})
				continue
			}
			rel, _ := filepath.Rel(root, path)
			files = append(files, file{path: path, rel: filepath.ToSlash(rel), size: infos[i].Size(), modified: modTime(infos[i])})
		}
	}
	files = bundleFiles(files)
	sort.Slice(files, func(i, j int) bool { return files[i].path < files[j].path })
	return files, failures
}

// statWorkers is how many goroutines ask for files' sizes and times at once: each asks the
// kernel (lstat) and mostly waits, so more than the cores helps on a cold cache.
const statWorkers = 8

// statAll returns each entry's size and times, asking for several at once: re-ingesting an
// unchanged corpus of 100,000 files spent most of its time in these calls, one after another.
func statAll(entries []fs.DirEntry) ([]fs.FileInfo, []error) {
	infos, errs := make([]fs.FileInfo, len(entries)), make([]error, len(entries))
	parallel.Blocks(statWorkers, len(entries), 64, func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			infos[i], errs[i] = entries[i].Info()
		}
	})
	return infos, errs
}

// bundleFiles replaces the member files of every relational export (a folder whose file names
// a bundle format recognises) by one bundle file for the folder.
func bundleFiles(files []file) []file {
	byDir := map[string][]int{}
	var dirs []string
	for i, f := range files {
		dir := filepath.Dir(f.path)
		if _, ok := byDir[dir]; !ok {
			dirs = append(dirs, dir)
		}
		byDir[dir] = append(byDir[dir], i)
	}
	drop := map[int]bool{}
	var bundles []file
	for _, dir := range dirs {
		names := map[string]int{}
		var list []string
		for _, i := range byDir[dir] {
			names[filepath.Base(files[i].path)] = i
			list = append(list, filepath.Base(files[i].path))
		}
		sort.Strings(list)
		for _, format := range formats {
			if format.Bundle == nil {
				continue
			}
			members := format.Bundle(list)
			if len(members) == 0 {
				continue
			}
			sort.Strings(members)
			first := files[names[members[0]]]
			b := file{path: dir, rel: path.Dir(first.rel), bundle: members, bundleFormat: format}
			for _, m := range members {
				i, ok := names[m]
				if !ok || drop[i] {
					b.bundle = nil
					break
				}
				b.size += files[i].size
				if files[i].modified.After(b.modified) {
					b.modified = files[i].modified
				}
			}
			if b.bundle == nil {
				continue
			}
			for _, m := range members {
				drop[names[m]] = true
			}
			bundles = append(bundles, b)
		}
	}
	kept := bundles
	for i, f := range files {
		if !drop[i] {
			kept = append(kept, f)
		}
	}
	return kept
}

// modTime is a file's modification time as the store keeps it: UTC, to the microsecond.
func modTime(info fs.FileInfo) time.Time {
	return info.ModTime().UTC().Truncate(time.Microsecond)
}

// hidden reports whether a file or folder name is hidden (a leading dot). .github and
// .gitlab are not: ownership files (CODEOWNERS, component_owners.yml) live there.
func hidden(name string) bool {
	return strings.HasPrefix(name, ".") && name != ".github" && name != ".gitlab"
}

// reason turns a file-system error into a message without the path, which the failure names.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Sprintf("cannot %s: %v", pe.Op, pe.Err)
	}
	return err.Error()
}
