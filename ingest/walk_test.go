package ingest

import (
	"path/filepath"
	"slices"
	"testing"
)

func TestWalkBundlesRelationalExports(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"export/incident.csv": "id,title\n1,db down\n",
		"export/task.csv":     "id,incident_id\n7,1\n",
		"export/notes.md":     "# notes\n",
		"other/task.csv":      "id,incident_id\n8,2\n",
	})
	bundle := Format{Name: "test-bundle", Bundle: func(names []string) []string {
		if slices.Contains(names, "incident.csv") && slices.Contains(names, "task.csv") {
			return []string{"task.csv", "incident.csv"}
		}
		return nil
	}}
	saved := formats
	formats = append([]Format{bundle}, formats...)
	defer func() { formats = saved }()

	files, failures := walk([]string{dir})
	if len(failures) > 0 {
		t.Fatal(failures)
	}
	var got []string
	for _, f := range files {
		got = append(got, f.rel)
	}
	want := []string{"export", "export/notes.md", "other/task.csv"}
	if !slices.Equal(got, want) {
		t.Fatalf("walk() rels = %q; want %q", got, want)
	}
	b := files[0]
	if b.path != filepath.Join(dir, "export") || !slices.Equal(b.bundle, []string{"incident.csv", "task.csv"}) {
		t.Fatalf("bundle = %+v; want folder export with incident.csv, task.csv", b)
	}
	data, err := b.read()
	if err != nil {
		t.Fatal(err)
	}
	if want := "-- incident.csv --\nid,title\n1,db down\n-- task.csv --\nid,incident_id\n7,1\n"; string(data) != want {
		t.Errorf("bundle read() = %q; want %q", data, want)
	}
	if f, ok := b.format(data); !ok || f.Name != "test-bundle" {
		t.Errorf("bundle format = %q, %v; want test-bundle", f.Name, ok)
	}
}
