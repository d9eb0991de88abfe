package spec

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"go.yaml.in/yaml/v3"
)

// treeDiff says where two YAML trees differ in what bb reads of them (everything but the
// comments), or "" when they do not.
func treeDiff(want, got *yaml.Node, at string) string {
	switch {
	case want == nil && got == nil:
		return ""
	case want == nil || got == nil:
		return fmt.Sprintf("%s: want %v, got %v", at, want, got)
	}
	if want.Kind != got.Kind || want.Style != got.Style || want.Tag != got.Tag || want.Value != got.Value ||
		want.Anchor != got.Anchor || want.Line != got.Line || want.Column != got.Column ||
		(want.Alias == nil) != (got.Alias == nil) || len(want.Content) != len(got.Content) {
		return fmt.Sprintf("%s:\nwant kind %d style %d tag %q value %q anchor %q at %d:%d with %d children\n got kind %d style %d tag %q value %q anchor %q at %d:%d with %d children",
			at, want.Kind, want.Style, want.Tag, want.Value, want.Anchor, want.Line, want.Column, len(want.Content),
			got.Kind, got.Style, got.Tag, got.Value, got.Anchor, got.Line, got.Column, len(got.Content))
	}
	if (want.Content == nil) != (got.Content == nil) {
		return fmt.Sprintf("%s: want Content nil %v, got nil %v", at, want.Content == nil, got.Content == nil)
	}
	for i := range want.Content {
		if d := treeDiff(want.Content[i], got.Content[i], fmt.Sprintf("%s/%d", at, i)); d != "" {
			return d
		}
	}
	return ""
}

// checkFast reports whether fastYAML read data, and fails t when it read it otherwise
// than yaml.v3 does.
func checkFast(t *testing.T, data []byte) bool {
	t.Helper()
	got := fastYAML(data)
	if got == nil {
		return false
	}
	var want yaml.Node
	if err := yaml.Unmarshal(data, &want); err != nil {
		t.Fatalf("fastYAML read text yaml.v3 refuses (%v):\n%s", err, data)
	}
	if d := treeDiff(&want, got, "doc"); d != "" {
		t.Fatalf("fastYAML differs from yaml.v3 at %s\nfor:\n%s", d, data)
	}
	return true
}

// yamlSeeds are the specs of the repository (examples/ and every testdata/ folder), the
// broken and alias-heavy specs other fuzz targets start from, and a generated spec.
func yamlSeeds(t testing.TB) map[string][]byte {
	out := map[string][]byte{}
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		slash := filepath.ToSlash(path)
		if d.IsDir() || !strings.Contains(slash, "/testdata/") && !strings.Contains(slash, "/examples/") {
			return nil
		}
		switch filepath.Ext(path) {
		case ".yaml", ".yml":
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			out[slash] = data
		case ".txtar":
			a, err := txtar.ParseFile(path)
			if err != nil {
				return err
			}
			for _, f := range a.Files {
				if ext := filepath.Ext(f.Name); ext == ".yaml" || ext == ".yml" {
					out[slash+"/"+f.Name] = f.Data
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range brokenSpecs {
		out[fmt.Sprint("broken", i)] = []byte(s)
	}
	for i, s := range aliasHeavy() {
		out[fmt.Sprint("alias", i)] = []byte(s)
	}
	for i, s := range fastYAMLCases {
		out[fmt.Sprint("case", i)] = []byte(s.in)
	}
	out["big"] = []byte(bigSpec(20))
	out["big_crlf"] = []byte(strings.ReplaceAll(bigSpec(20), "\n", "\r\n"))
	return out
}

// fastYAMLCases are what fastYAML reads and what it leaves to yaml.v3 (read false).
var fastYAMLCases = []struct {
	in   string
	read bool
}{
	{"a: 1\n", true},
	{"a: 1", true},
	{"a:\n", true},
	{"a:", true},
	{"a:\nb: 2\n", true},
	{"a:\n  b:\n  # c\n\n", true},
	{"x:\n  a:\nb: 1\n", true},
	{"  op1:\n    method: GET\n  op2:\n    method: POST\n", true},
	{"# head\n\na: 1 # line\n# foot\n", true},
	{"a: b c  \nd: 'e''f'\ng: \"h\\ti\\u00e9\\x41\"\n", true},
	{"a: [1, 2.5, -3, 0x1F, 1e3, .inf, ~, null, true, False, yes, 2001-12-14, '', \"\"]\n", true},
	{"a: {b: c, 'd': \"e\", f: [g, {h: i}], j: {}}\n", true},
	{"a: {\"b\":1, c: d}\n", true},
	{"a:\n- 1\n- b: 2\n  c: 3\n-\n- - x\n  - y\nd: 4\n", true},
	{"- a\n-   b: 1\n    c: 2\n-\n  d\n", true},
	{"a: [b,\n  c]\n", true},
	{"a: {b: c # note\n  , d: e}\n", true},
	{"url: http://x/y?z=1#frag\nk: a#b\n", true},
	{"a : b\n", true},
	{"café: naïve\nb: {é: ü}\n", true},
	{"a: 2001-12-14t21:59:43.10-05:00\nb: 0b101\nc: -0o17\nd: 1_000\ne: +12\nf: 0.\ng: -.5\n", true},
	{"a: |\n  x\n   y\n\n  z\nb: 1\n", true},
	{"a: |-\n    x\n\n", true},
	{"a: |+\n  x\n\n\nb: >\n  one\n  two\n\n  three\n", true},
	{"a: >- # c\n  x\n  y \n  z\n", true},
	{"a: |\n  x", true},
	{"a: |2\n   x\n", false},
	{"a: |\n\n  x\n", false},
	{"a: >\n  x\n    y\n", false},
	{"a: 1\r\nb:\r\n  - c # d\r\n  - 'e'\r\nf: |\r\n  g\r\n\r\n  h\r\n", true},
	{"a: 1\rb: 2\n", false},
	{"", false},
	{"# only a comment\n", false},
	{"a: &x 1\nb: *x\n", false},
	{"a: !!str 1\n", false},
	{"---\na: 1\n", false},
	{"a: 1\n---\nb: 2\n", false},
	{"%YAML 1.1\n---\na: 1\n", false},
	{"? a\n: b\n", false},
	{"[a]: b\n", false},
	{"a:\tb\n", false},
	{"a: b\n  c\n", false},
	{"a: 'b\n  c'\n", false},
	{"a: {b: c, d}\n", false},
	{"a: [b: c]\n", false},
	{"a: [b, ]\n", false},
	{"<<: {a: 1}\n", false},
	{"a: b: c\n", false},
	{"a:\n  b: 1\n c: 2\n", false},
	{"a: 1\n  b: 2\n", false},
	{"a: \"b\"#c\n", false},
	{"a: - b\n", false},
	{"a: \"\\/\"\n", false},
	{"a: [b\n  c]\n", false},
}

func TestFastYAMLCases(t *testing.T) {
	for _, c := range fastYAMLCases {
		if read := checkFast(t, []byte(c.in)); read != c.read {
			t.Errorf("fastYAML read %q: %v, want %v", c.in, read, c.read)
		}
	}
}

// TestFastYAMLSeeds: fastYAML reads every spec of the repository as yaml.v3 does, and
// reads the examples and a generated spec itself rather than leaving them to yaml.v3.
func TestFastYAMLSeeds(t *testing.T) {
	read := 0
	seeds := yamlSeeds(t)
	for name, data := range seeds {
		ok := checkFast(t, data)
		if ok {
			read++
		}
		if !ok && (strings.HasPrefix(name, "big") || strings.HasPrefix(name, "../../examples/")) {
			t.Errorf("fastYAML left %s to yaml.v3", name)
		}
	}
	t.Logf("fastYAML read %d of %d seeds", read, len(seeds))
}

// maxFuzzSeed leaves the largest files (OpenAPI goldens) out of the fuzz corpus: Go's
// fuzzer minimizes each new input byte by byte, and large ones stall it.
const maxFuzzSeed = 8 << 10

// FuzzFastYAML: for any text, fastYAML either declines or builds the tree yaml.v3 builds,
// and it never reads text that yaml.v3 refuses.
func FuzzFastYAML(f *testing.F) {
	for _, data := range yamlSeeds(f) {
		if len(data) <= maxFuzzSeed {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkFast(t, data)
		var doc yaml.Node
		if yaml.Unmarshal(data, &doc) == nil {
			checkInts(t, &doc)
		}
	})
}

// checkInts fails t when smallInt, plainBool or decimal reads a scalar of n's tree
// otherwise than yaml.v3 decodes it.
func checkInts(t *testing.T, n *yaml.Node) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!int" {
		if got, ok := smallInt(n.Value); ok {
			var want int
			if err := n.Decode(&want); err != nil || got != want {
				t.Fatalf("smallInt(%q) = %d; yaml.v3 decodes %d (%v)", n.Value, got, want, err)
			}
		}
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
		if got, ok := plainBool(n.Value); ok {
			var want bool
			if err := n.Decode(&want); err != nil || got != want {
				t.Fatalf("plainBool(%q) = %v; yaml.v3 decodes %v (%v)", n.Value, got, want, err)
			}
		}
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!float" {
		if got, ok := decimal(n.Value); ok {
			var want float64
			if err := n.Decode(&want); err != nil || got != want {
				t.Fatalf("decimal(%q) = %v; yaml.v3 decodes %v (%v)", n.Value, got, want, err)
			}
		}
	}
	for _, c := range n.Content {
		checkInts(t, c)
	}
}

// TestSmallInt: smallInt reads what yaml.v3 decodes to the same int, and declines the rest.
func TestSmallInt(t *testing.T) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte("[0, 7, 200, 999999999, 0123, 1_000, 0x1F, +1, -1, 1234567890, true, False, TRUE, 9.5, -0.25, 1.0, 00.5, 1e3, 1_0.5, .5, -.5]"), &doc); err != nil {
		t.Fatal(err)
	}
	checkInts(t, &doc)
	for _, s := range []string{"0", "7", "200", "404", "999999999", "0123", "012", "1_000", "0x1F", "+1", "-1", "1234567890", ""} {
		got, ok := smallInt(s)
		if !ok {
			continue
		}
		var want int
		if err := yaml.Unmarshal([]byte(s), &want); err != nil || got != want {
			t.Errorf("smallInt(%q) = %d; yaml.v3 decodes %d (%v)", s, got, want, err)
		}
	}
}
