package spec

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// corpus is every spec bb's tests serve, generate and export: the examples and the
// generators' test specs.
func corpus(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pattern := range []string{"../../examples/*/bb.yaml", "../scaffold/swift/testdata/specs/*/bb.yaml",
		"../scaffold/eject/testdata/specs/*/bb.yaml", "../openapi/testdata/specs/*/bb.yaml"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 10 {
		t.Fatalf("only %d corpus specs found", len(files))
	}
	return files
}

// loadBoth loads data read from file whole and in pieces (through cache), and fails
// the test when the two differ in anything: the spec, its types, or the errors.
func loadBoth(t *testing.T, file string, data []byte, cache *Cache) (split bool) {
	t.Helper()
	ctx := context.Background()
	whole, werr := Options{}.parseWhole(ctx, file, data)
	if werr == nil {
		werr = whole.infer(nil)
	}
	o := Options{Cache: cache}
	s, sp := o.splitParse(ctx, file, data, filepath.Dir(file))
	got, err := o.Parse(ctx, file, data)
	if fmt.Sprint(err) != fmt.Sprint(werr) {
		t.Fatalf("%s: errors differ:\nin pieces: %v\nwhole:     %v", file, err, werr)
	}
	if werr != nil {
		return false
	}
	if a, b := dump(got), dump(whole); a != b {
		t.Fatalf("%s: the spec read in pieces differs from the whole:\n%s", file, firstDiff(a, b))
	}
	ta, _ := got.Types()
	tb, _ := whole.Types()
	if a, b := dump(ta), dump(tb); a != b {
		t.Fatalf("%s: the types read in pieces differ from the whole:\n%s", file, firstDiff(a, b))
	}
	return s != nil && sp != nil
}

// TestSplitLoadEqualsWhole loads every corpus spec, and edits of each, endpoint by
// endpoint through one Cache as bb serve's reloads do, and whole, and requires the
// same spec, the same types and the same errors from both.
func TestSplitLoadEqualsWhole(t *testing.T) {
	defer func(n int) { minSplit = n }(minSplit)
	minSplit = 1
	splits := 0
	for _, file := range corpus(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(filepath.Dir(file)), func(t *testing.T) {
			cache := NewCache()
			if loadBoth(t, file, data, cache) {
				splits++
			}
			// Broken outside the endpoints: YAML that does not parse, a misspelt key.
			for _, tail := range []string{"server: {port: [}\n", "nmae: x\n", "endpoints:\n  again: {}\n"} {
				loadBoth(t, file, concat(data, []byte("\n"+tail)), cache)
			}
			l, ok := cut(data)
			if !ok {
				return
			}
			for i, pc := range l.pieces {
				if i > 2 && i < len(l.pieces)-2 && i%4 != 0 {
					continue // the first, the last and some between keep the test short
				}
				for _, edit := range pieceEdits(data[pc.start:pc.end]) {
					edited := concat(data[:pc.start], edit, data[pc.end:])
					loadBoth(t, file, edited, cache)
					// And back, as an undo does.
					loadBoth(t, file, data, cache)
				}
				if i+1 < len(l.pieces) {
					next := l.pieces[i+1]
					swapped := concat(data[:pc.start], data[next.start:next.end], data[pc.start:pc.end], data[next.end:])
					loadBoth(t, file, swapped, cache)
				}
				removed := concat(data[:pc.start], data[pc.end:])
				loadBoth(t, file, removed, cache)
			}
		})
	}
	if splits < 10 {
		t.Fatalf("only %d specs were read in pieces; the test compares nothing", splits)
	}
}

// pieceEdits are edits of one endpoint's text: a comment line (every later line moves
// down), a changed number, a changed word, and a line removed.
func pieceEdits(text []byte) [][]byte {
	var out [][]byte
	lines := bytes.SplitAfter(text, []byte("\n"))
	if len(lines) > 1 {
		out = append(out, concat(lines[0], []byte("    # edited\n"), bytes.Join(lines[1:], nil)))
		out = append(out, concat(bytes.Join(lines[:len(lines)-2], nil), lines[len(lines)-1]))
	}
	for _, swap := range [][2]string{{"200", "201"}, {"1", "7"}, {"true", "false"}, {": ", ": x"}} {
		if i := bytes.Index(text, []byte(swap[0])); i >= 0 {
			out = append(out, concat(text[:i], []byte(swap[1]), text[i+len(swap[0]):]))
		}
	}
	return out
}

func concat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

// TestCacheReadsOnlyWhatChanged: a reload after an edit of one endpoint reads that
// endpoint's text again, and no other.
func TestCacheReadsOnlyWhatChanged(t *testing.T) {
	file := filepath.Join(project(t), "bb.yaml")
	data := []byte(bigSpec(200))
	cache := NewCache()
	if _, err := (Options{Cache: cache}).Parse(context.Background(), file, data); err != nil {
		t.Fatal(err)
	}
	if cache.read != 200 {
		t.Fatalf("the first load read %d endpoints, want 200", cache.read)
	}
	edited := bytes.Replace(data, []byte("name: item7,"), []byte("name: item7b,"), 1)
	s, err := (Options{Cache: cache}).Parse(context.Background(), file, edited)
	if err != nil {
		t.Fatal(err)
	}
	if cache.read != 1 {
		t.Fatalf("a reload after one endpoint's edit read %d endpoints, want 1", cache.read)
	}
	if got := s.Endpoints[7].Responses[0].Body.Get("name").Str; got != "item7b" {
		t.Fatalf("the edited endpoint answers name %q", got)
	}
	// A line added to one endpoint moves every later one down: they are moved, not read.
	moved := bytes.Replace(edited, []byte("  op7:\n"), []byte("  op7:\n    summary: seven\n"), 1)
	s, err = (Options{Cache: cache}).Parse(context.Background(), file, moved)
	if err != nil {
		t.Fatal(err)
	}
	if cache.read != 1 {
		t.Fatalf("a reload after a line was added to one endpoint read %d endpoints, want 1", cache.read)
	}
	if got, want := s.Endpoints[150].Pos.Line, bytes.Count(moved[:bytes.Index(moved, []byte("  op150:"))], []byte("\n"))+1; got != want {
		t.Fatalf("op150 is at line %d, want %d", got, want)
	}
}

// dump spells out a value and everything it points to, unexported fields included, so
// two loads can be compared whole. Compiled templates are spelt by their type only:
// their source is in the spec's values.
func dump(x any) string {
	var b strings.Builder
	seen := map[uintptr]int{}
	var walk func(v reflect.Value, depth int)
	walk = func(v reflect.Value, depth int) {
		if depth > 200 {
			b.WriteString("…")
			return
		}
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() {
				b.WriteString("nil")
				return
			}
			if strings.HasPrefix(v.Type().Elem().PkgPath(), "text/template") || v.Type().Elem().Name() == "Template" && strings.HasSuffix(v.Type().Elem().PkgPath(), "contract") {
				b.WriteString(v.Type().String())
				return
			}
			if id, ok := seen[v.Pointer()]; ok {
				fmt.Fprintf(&b, "@%d", id)
				return
			}
			seen[v.Pointer()] = len(seen)
			b.WriteString("&")
			walk(v.Elem(), depth+1)
		case reflect.Interface:
			if v.IsNil() {
				b.WriteString("nil")
				return
			}
			b.WriteString(v.Elem().Type().String())
			walk(v.Elem(), depth+1)
		case reflect.Struct:
			b.WriteString("{")
			for i := range v.NumField() {
				if v.Type().Field(i).Name == "memo" {
					continue // what a Cache keeps to load faster
				}
				fmt.Fprintf(&b, "%s:", v.Type().Field(i).Name)
				walk(v.Field(i), depth+1)
				b.WriteString(" ")
			}
			b.WriteString("}\n")
		case reflect.Slice, reflect.Array:
			if v.Kind() == reflect.Slice && v.IsNil() {
				b.WriteString("nil")
				return
			}
			b.WriteString("[")
			for i := range v.Len() {
				walk(v.Index(i), depth+1)
				b.WriteString(",")
			}
			b.WriteString("]")
		case reflect.Map:
			if v.IsNil() {
				b.WriteString("nil")
				return
			}
			keys := v.MapKeys()
			type kv struct{ k, v string }
			var items []kv
			for _, k := range keys {
				var kb strings.Builder
				fmt.Fprint(&kb, k)
				old := b
				b = strings.Builder{}
				walk(v.MapIndex(k), depth+1)
				items = append(items, kv{kb.String(), b.String()})
				b = old
			}
			sort.Slice(items, func(i, j int) bool { return items[i].k < items[j].k })
			b.WriteString("map[")
			for _, it := range items {
				fmt.Fprintf(&b, "%s:%s,", it.k, it.v)
			}
			b.WriteString("]")
		case reflect.Func, reflect.Chan, reflect.UnsafePointer:
			b.WriteString(v.Type().String())
		case reflect.String:
			fmt.Fprintf(&b, "%q", v.String())
		case reflect.Bool:
			fmt.Fprint(&b, v.Bool())
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			fmt.Fprint(&b, v.Int())
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			fmt.Fprint(&b, v.Uint())
		case reflect.Float32, reflect.Float64:
			fmt.Fprint(&b, v.Float())
		default:
			fmt.Fprintf(&b, "<%s>", v.Kind())
		}
	}
	walk(reflect.ValueOf(x), 0)
	return b.String()
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n  in pieces: %.400s\n  whole:     %.400s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d", len(al), len(bl))
}

// TestSplitRouteClash: routes that clash in a spec read in pieces, checked beside the
// typing, are reported as the whole reader reports them, before any type error, with or
// without a Cache.
func TestSplitRouteClash(t *testing.T) {
	file := filepath.Join(project(t), "bb.yaml")
	base := bigSpec(100)
	clash := strings.Replace(base, "path: /api/r96/{id}", "path: /api/r0/{id}", 1)
	wild := strings.Replace(base, "path: /api/r98/{id}", "path: /api/{x}/7", 1)
	typed := strings.Replace(clash, "      - when: {path.id: 1}\n        body: {id: 1, name: item50,", "      - when: {body.name.first: x}\n        body: {id: 1, name: item50,", 1)
	for name, text := range map[string]string{"clash": clash, "wild": wild, "clash_and_type": typed} {
		data := []byte(text)
		defer func(n int) { minSplit = n }(minSplit)
		minSplit = 1 << 30
		_, whole := Parse(file, data)
		minSplit = 1
		if whole == nil {
			t.Fatalf("%s: loads without an error", name)
		}
		for _, o := range []Options{{}, {Cache: NewCache()}} {
			if _, err := o.Parse(context.Background(), file, data); err == nil || err.Error() != whole.Error() {
				t.Errorf("%s: read in pieces: %v\nwhole: %v", name, err, whole)
			}
		}
	}
}

// TestNormalizePattern: normalizePattern erases what the regular expression it stands
// for matches.
func TestNormalizePattern(t *testing.T) {
	re := regexp.MustCompile(`\{[A-Za-z_][A-Za-z0-9_]*\}`)
	for _, p := range []string{"GET /users/{id}", "GET /a/{x}/{y_2}/b", "/{}", "/{1a}", "/{a", "/{a}{b}", "/{{a}}", "/{a-b}", "/é/{é}/{_}", "/{a}}", "", "{a}"} {
		if got, want := normalizePattern(p), re.ReplaceAllString(p, "{}"); got != want {
			t.Errorf("normalizePattern(%q) = %q, want %q", p, got, want)
		}
	}
}
