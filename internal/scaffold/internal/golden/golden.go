// Package golden compares what a generator makes with a golden directory, for the
// generators' tests: go test -update rewrites the directory instead.
package golden

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Check compares files (slash-separated paths → contents) with the tree under dir, or,
// with update, replaces that tree with files. pkg names the package in the messages,
// for the command that updates it.
func Check(t *testing.T, dir string, files map[string][]byte, update bool, pkg string) {
	t.Helper()
	if update {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		for p, data := range files {
			f := filepath.Join(dir, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(f, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	want := ReadTree(t, dir)
	for _, p := range SortedKeys(files) {
		w, ok := want[p]
		if !ok {
			t.Errorf("%s: generated but not in the golden files (run go test %s -update)", p, pkg)
			continue
		}
		if !bytes.Equal(files[p], w) {
			t.Errorf("%s differs from the golden file (run go test %s -update):\n%s", p, pkg, FirstDiff(w, files[p]))
		}
	}
	for _, p := range SortedKeys(want) {
		if _, ok := files[p]; !ok {
			t.Errorf("%s: in the golden files but no longer generated", p)
		}
	}
}

// ReadTree reads every file under dir, by slash-separated path relative to it.
func ReadTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = data
		return nil
	})
	if err != nil {
		t.Fatalf("reading golden files: %v (run the test with -update)", err)
	}
	return out
}

// SortedKeys lists the paths of files in order.
func SortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// FirstDiff shows the first line where want and got differ.
func FirstDiff(want, got []byte) string {
	wl := strings.Split(string(want), "\n")
	gl := strings.Split(string(got), "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n  want: %s\n  got:  %s", i+1, w, g)
		}
	}
	return "(no line differs)"
}
