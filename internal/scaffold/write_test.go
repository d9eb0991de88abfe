package scaffold

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func gen(body string) []byte { return []byte("// " + Marker + "\n" + body + "\n") }

func writeFile(t *testing.T, dir, rel string, data []byte) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, dir, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func exists(dir, rel string) bool {
	_, err := os.Stat(filepath.Join(dir, filepath.FromSlash(rel)))
	return err == nil
}

func TestWriteGenerated(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"Package.swift":               []byte("// swift-tools-version:5.9\n// " + Marker + "\n"),
		"README.md":                   []byte("<!-- " + Marker + " -->\n"),
		"Sources/AAPI/Client.swift":   gen("client"),
		"Sources/AAPI/Models/A.swift": gen("a"),
		"Sources/AAPI/Models/B.swift": gen("b"),
	}
	res, err := WriteGenerated(dir, files)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Written) != 5 || len(res.Unchanged)+len(res.Removed)+len(res.Skipped) != 0 {
		t.Fatalf("first write: %+v", res)
	}

	// Again: nothing changes, and no file is touched.
	st, _ := os.Stat(filepath.Join(dir, "Sources", "AAPI", "Client.swift"))
	res, err = WriteGenerated(dir, files)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Unchanged) != 5 || res.Changed() {
		t.Fatalf("second write: %+v", res)
	}
	st2, _ := os.Stat(filepath.Join(dir, "Sources", "AAPI", "Client.swift"))
	if !st.ModTime().Equal(st2.ModTime()) {
		t.Errorf("an unchanged file was rewritten")
	}

	// The user's own files, inside and outside the generated folders.
	writeFile(t, dir, "Sources/AAPI/Extensions.swift", []byte("extension A {}\n"))
	writeFile(t, dir, "Tests/AAPITests/ATests.swift", gen("a copy the user keeps in tests"))
	writeFile(t, dir, "notes.txt", gen("notes"))

	// B goes away, A changes, C appears.
	delete(files, "Sources/AAPI/Models/B.swift")
	files["Sources/AAPI/Models/A.swift"] = gen("a2")
	files["Sources/AAPI/Models/C.swift"] = gen("c")
	res, err = WriteGenerated(dir, files)
	if err != nil {
		t.Fatal(err)
	}
	want := Result{
		Written:   []string{"Sources/AAPI/Models/A.swift", "Sources/AAPI/Models/C.swift"},
		Unchanged: []string{"Package.swift", "README.md", "Sources/AAPI/Client.swift"},
		Removed:   []string{"Sources/AAPI/Models/B.swift"},
	}
	if !reflect.DeepEqual(res, want) {
		t.Errorf("got %+v\nwant %+v", res, want)
	}
	if exists(dir, "Sources/AAPI/Models/B.swift") {
		t.Errorf("stale B.swift was not removed")
	}
	for _, keep := range []string{"Sources/AAPI/Extensions.swift", "Tests/AAPITests/ATests.swift", "notes.txt"} {
		if !exists(dir, keep) {
			t.Errorf("%s belongs to the user but was removed", keep)
		}
	}
	if got := readFile(t, dir, "Sources/AAPI/Models/A.swift"); !strings.Contains(got, "a2") {
		t.Errorf("A.swift = %q", got)
	}
}

func TestWriteGeneratedKeepsUserFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "README.md", []byte("# My own readme\n"))
	res, err := WriteGenerated(dir, map[string][]byte{"README.md": gen("readme"), "Sources/X/A.swift": gen("a")})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res.Skipped, []string{"README.md"}) {
		t.Errorf("skipped = %v", res.Skipped)
	}
	if got := readFile(t, dir, "README.md"); got != "# My own readme\n" {
		t.Errorf("the user's README was overwritten: %q", got)
	}
	if !strings.Contains(res.String(), "left alone") {
		t.Errorf("String() = %q", res.String())
	}
}

func TestWriteGeneratedRemovesRenamedModule(t *testing.T) {
	dir := t.TempDir()
	if _, err := WriteGenerated(dir, map[string][]byte{"Sources/OldAPI/A.swift": gen("a")}); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "Sources/OldAPI/.build/cache", gen("hidden folders are never entered"))
	res, err := WriteGenerated(dir, map[string][]byte{"Sources/NewAPI/A.swift": gen("a")})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res.Removed, []string{"Sources/OldAPI/A.swift"}) {
		t.Errorf("removed = %v", res.Removed)
	}
	if !exists(dir, "Sources/OldAPI/.build/cache") {
		t.Errorf("a file in a hidden folder was removed")
	}

	// With nothing else in it, the old folder goes too.
	dir2 := t.TempDir()
	WriteGenerated(dir2, map[string][]byte{"Sources/OldAPI/Models/A.swift": gen("a")})
	if _, err := WriteGenerated(dir2, map[string][]byte{"Sources/NewAPI/A.swift": gen("a")}); err != nil {
		t.Fatal(err)
	}
	if exists(dir2, "Sources/OldAPI") {
		t.Errorf("the emptied folder Sources/OldAPI was left behind")
	}
	if !exists(dir2, "Sources/NewAPI/A.swift") {
		t.Errorf("Sources/NewAPI/A.swift missing")
	}
}

func TestWriteGeneratedRejectsUnsafePaths(t *testing.T) {
	for _, p := range []string{"../x.swift", "/abs.swift", "a/../../b", ""} {
		if _, err := WriteGenerated(t.TempDir(), map[string][]byte{p: gen("x")}); err == nil {
			t.Errorf("%q: no error", p)
		}
	}
}

func TestWriteGeneratedLeavesNoTempFiles(t *testing.T) {
	dir := t.TempDir()
	if _, err := WriteGenerated(dir, map[string][]byte{"Sources/X/A.swift": gen("a")}); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "Sources", "X"))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".bb-") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}
