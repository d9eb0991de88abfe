package swiftsyntax

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"path"
	"sort"
	"strings"
	"testing"

	"github.com/backwards-backend/bb/internal/scaffold/eject"
	"github.com/backwards-backend/bb/internal/scaffold/swift"
	"github.com/backwards-backend/bb/internal/spec"
)

// stdImporter reads the standard library's export data (from the go tool's build cache)
// once per process and keeps it, so each fuzz input only checks the generated packages.
var (
	stdFset     = token.NewFileSet()
	stdImporter = importer.ForCompiler(stdFset, "gc", nil)
)

// nameSpec is a spec that uses op as an operation name and key as a JSON key in every
// place a name reaches generated code: the handler, its input and output types and
// constructors, request and response models, nested models, list items and a path
// parameter. JSON is YAML, so the fuzzer's strings need no quoting.
func nameSpec(op, key string) []byte {
	doc := map[string]any{
		"version": 1,
		"name":    "Fuzz",
		"endpoints": map[string]any{
			op: map[string]any{
				"method":  "POST",
				"path":    "/things/{id}",
				"request": map[string]any{"body": map[string]any{key: 1, "other": []any{map[string]any{key: "x"}}}},
				"responses": []any{
					map[string]any{"when": map[string]any{"path.id": 1}, "status": 201, "body": map[string]any{key: map[string]any{key: true}, "items": []any{}}},
					map[string]any{"status": 404, "body": map[string]any{"error": "no"}},
				},
			},
			"listThings": map[string]any{
				"method":    "GET",
				"path":      "/things",
				"responses": []any{map[string]any{"body": []any{map[string]any{key: 1, "store": "a"}}}},
			},
		},
	}
	data, _ := json.Marshal(doc)
	return data
}

// FuzzNames makes up operation names and JSON keys: every spec bb accepts must give an
// ejected Go project whose packages type-check (go/types, in process) and Swift that
// parses clean with tree-sitter-swift.
func FuzzNames(f *testing.F) {
	for _, op := range []string{"store", "handlers", "response", "register", "new", "main", "string", "error",
		"api", "getMessages", "userID", "URL", "marshalJSON", "withHeader", "stub", "contract"} {
		f.Add(op, "created_at")
	}
	for _, key := range []string{"store", "Store", "userId", "user_id", "URL", "url", "2fa", "名前", "type", "func",
		"self", "Type", "MarshalJSON", "r", "in", "body", "", "🔥", "a,b", "Items", "items", "init", "error",
		"nul\x00key", "a\u2028b", "bad\xffutf8", injected} {
		f.Add("getThing", key)
	}
	// Load the standard library before fuzzing: it takes a second or more, which the fuzzer
	// would otherwise charge to the first input and take for a hang.
	for _, std := range []string{"net/http", "encoding/json", "log/slog", "embed", "time", "context"} {
		if _, err := stdImporter.Import(std); err != nil {
			f.Fatal(err)
		}
	}
	f.Fuzz(func(t *testing.T, op, key string) {
		s, err := spec.Parse("bb.yaml", nameSpec(op, key))
		if err != nil {
			return // refused by bb check, with a position: nothing is generated
		}
		p, err := eject.Generate(s, eject.Options{})
		if err != nil {
			t.Fatalf("bb check accepts op %q key %q, yet bb eject refuses it: %v", op, key, err)
		}
		if err := typeCheck(p); err != nil {
			t.Fatalf("op %q key %q: the ejected project does not type-check:\n%v", op, key, err)
		}
		files, err := swift.Generate(s, swift.Options{})
		if err != nil {
			t.Fatalf("bb check accepts op %q key %q, yet bb gen swift refuses it: %v", op, key, err)
		}
		for name, src := range files {
			if !strings.HasSuffix(name, ".swift") {
				continue
			}
			ps, err := check(src)
			if err != nil {
				t.Fatal(err)
			}
			if len(ps) > 0 {
				t.Fatalf("op %q key %q: %s does not parse clean: %v\n%s", op, key, name, ps, src)
			}
		}
	})
}

// typeCheck checks the ejected project's own packages (the kernel, api, stubs and
// handlers) with go/types. The store, which needs database drivers, is stood in for by
// the one name the handlers use.
func typeCheck(p *eject.Project) error {
	pkgs := map[string]map[string][]byte{}
	for _, files := range []map[string][]byte{p.Generated, p.Owned} {
		for name, src := range files {
			if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") || !strings.HasPrefix(name, "internal/") {
				continue
			}
			dir := p.Module + "/" + path.Dir(name)
			if pkgs[dir] == nil {
				pkgs[dir] = map[string][]byte{}
			}
			pkgs[dir][path.Base(name)] = src
		}
	}
	pkgs[p.Module+"/internal/store"] = map[string][]byte{"store.go": []byte("package store\n\ntype Store struct{}\n")}
	im := &memImporter{sources: pkgs, done: map[string]*types.Package{}}
	_, err := im.Import(p.Module + "/internal/handlers")
	return err
}

// memImporter type-checks packages from sources in memory, and the standard library
// from GOROOT.
type memImporter struct {
	sources map[string]map[string][]byte
	done    map[string]*types.Package
}

func (m *memImporter) Import(importPath string) (*types.Package, error) {
	if pkg, ok := m.done[importPath]; ok {
		return pkg, nil
	}
	srcs, ok := m.sources[importPath]
	if !ok {
		return stdImporter.Import(importPath)
	}
	names := make([]string, 0, len(srcs))
	for n := range srcs {
		names = append(names, n)
	}
	sort.Strings(names)
	var files []*ast.File
	for _, n := range names {
		f, err := parser.ParseFile(stdFset, importPath+"/"+n, srcs[n], parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	var errs []string
	conf := types.Config{Importer: m, Error: func(err error) {
		if len(errs) < 10 {
			errs = append(errs, err.Error())
		}
	}}
	pkg, _ := conf.Check(importPath, stdFset, files, nil)
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	m.done[importPath] = pkg
	return pkg, nil
}

// injected is a JSON key that would end a comment and run as code if a generator copied
// it into a doc comment as it is.
const injected = "a\nfunc init() { panic(1) }\n//"

// TestNoCodeInjection: keys, query names and summaries from a spec reach doc comments
// escaped, so no line of generated Go or Swift is code the spec wrote.
func TestNoCodeInjection(t *testing.T) {
	doc := map[string]any{
		"version": 1, "name": "Inject",
		"endpoints": map[string]any{"getThing": map[string]any{
			"method": "GET", "path": "/things", "summary": "one\r\nfunc init() { panic(2) }\u2028x\x00",
			"request":   map[string]any{"query": map[string]any{injected: 1}},
			"responses": []any{map[string]any{"body": map[string]any{injected: map[string]any{"x": 1}}}},
		}},
	}
	data, _ := json.Marshal(doc)
	s, err := spec.Parse("bb.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	p, err := eject.Generate(s, eject.Options{})
	if err != nil {
		t.Fatal(err)
	}
	files, err := swift.Generate(s, swift.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name, src := range p.Generated {
		files["eject/"+name] = src
	}
	for name, src := range p.Owned {
		files["eject/"+name] = src
	}
	for name, src := range files {
		for i, line := range strings.Split(string(src), "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "func init() { panic(") || strings.ContainsAny(line, "\x00\r\u2028") {
				t.Errorf("%s:%d: the spec's text runs as code or breaks a comment: %q", name, i+1, line)
			}
		}
	}
	if err := typeCheck(p); err != nil {
		t.Fatal(err)
	}
}
