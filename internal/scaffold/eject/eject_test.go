package eject

import (
	"bytes"
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/backwards-backend/bb/internal/scaffold/internal/golden"
	"github.com/backwards-backend/bb/internal/spec"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// specCase is one spec of the corpus: every example, the Swift generator's tricky specs
// and eject's own.
type specCase struct {
	name string
	dir  string
}

func specCases(t *testing.T) []specCase {
	t.Helper()
	var cases []specCase
	for _, pattern := range []string{"../../../examples/*", "../swift/testdata/specs/*", "testdata/specs/*"} {
		dirs, _ := filepath.Glob(filepath.Join(pattern, spec.FileName))
		if len(dirs) == 0 {
			t.Fatalf("no specs match %s", pattern)
		}
		for _, f := range dirs {
			name := filepath.Base(filepath.Dir(f))
			if strings.HasPrefix(pattern, "../../../examples") {
				name = "example-" + name
			}
			cases = append(cases, specCase{name, filepath.Dir(f)})
		}
	}
	return cases
}

// storeFor is the store the tests eject a spec's folder with: both databases for the
// messages example, whose store is tested on each; SQLite alone for the bookshelf; none,
// the default, for the rest (TestStoreChoices covers PostgreSQL alone).
func storeFor(dir string) Store {
	switch filepath.Base(dir) {
	case "messages":
		return Store{SQLite: true, Postgres: true}
	case "bookshelf":
		return Store{SQLite: true}
	case "resources", "resource-schema", "chat", "oddnames", "oddvalues":
		// Resources need a database: both, so the tables are tested on each.
		return Store{SQLite: true, Postgres: true}
	}
	return Store{}
}

func generate(t *testing.T, dir string) (*spec.Spec, *Project) {
	t.Helper()
	s, err := spec.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Generate(s, Options{Store: storeFor(dir)})
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	return s, p
}

func allFiles(p *Project) map[string][]byte {
	files := map[string][]byte{}
	for f, data := range p.Owned {
		files[f] = data
	}
	for f, data := range p.Generated {
		files[f] = data
	}
	return files
}

// TestGolden keeps each project under testdata/golden/<name>. Files that come out the
// same for every spec (the api runtime, the store, go.sum) are kept once, with
// example-messages.
func TestGolden(t *testing.T) {
	_, base := generate(t, "../../../examples/messages")
	shared := allFiles(base)
	for _, c := range specCases(t) {
		t.Run(c.name, func(t *testing.T) {
			_, p := generate(t, c.dir)
			files := allFiles(p)
			for f := range files {
				if strings.HasPrefix(f, KernelDir+"/") {
					delete(files, f) // bb's own source: TestKernelCopy checks it
				}
			}
			if c.name != "example-messages" {
				for f, data := range files {
					if bytes.Equal(data, shared[f]) {
						delete(files, f)
					}
				}
			}
			golden.Check(t, filepath.Join("testdata", "golden", c.name), files, *update, "./internal/scaffold/eject")
		})
	}
}

// TestKernelCopy proves that an ejected project holds bb's contract kernel byte for
// byte: every non-test Go file of internal/contract, as it is in this repository, behind
// the header, and nothing else in that folder.
func TestKernelCopy(t *testing.T) {
	// The messages example has a store: both of bb's packages are copied into it.
	_, p := generate(t, "../../../examples/messages")
	for _, pkg := range []struct{ src, dir, header string }{
		{"contract", KernelDir, KernelHeader},
		{"dbkit", DBKitDir, DBKitHeader},
	} {
		src, err := filepath.Glob(filepath.Join("..", "..", pkg.src, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		copied := 0
		for _, f := range src {
			name := filepath.Base(f)
			if strings.HasSuffix(name, "_test.go") || name == "source.go" {
				continue
			}
			want, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			got, ok := p.Generated[pkg.dir+"/"+name]
			if !ok {
				t.Errorf("%s/%s is not copied into the ejected project", pkg.src, name)
				continue
			}
			body, ok := bytes.CutPrefix(got, []byte(pkg.header))
			if !ok || !bytes.Equal(body, want) {
				t.Errorf("%s/%s: the ejected copy is not the header followed by the source byte for byte", pkg.src, name)
			}
			copied++
		}
		for f := range p.Generated {
			if strings.HasPrefix(f, pkg.dir+"/") && !slices.Contains(src, filepath.Join("..", "..", pkg.src, path.Base(f))) {
				t.Errorf("%s is in the ejected project but not in bb's %s", f, pkg.src)
			}
		}
		if copied == 0 {
			t.Fatalf("no %s file copied", pkg.src)
		}
	}
	// A project without a store gets no database plumbing.
	_, none := generate(t, "testdata/specs/play")
	for f := range none.Generated {
		if strings.HasPrefix(f, DBKitDir+"/") {
			t.Errorf("a project without a store holds %s", f)
		}
	}
}

func TestDeterministic(t *testing.T) {
	for _, c := range specCases(t) {
		_, first := generate(t, c.dir)
		_, again := generate(t, c.dir)
		a, b := allFiles(first), allFiles(again)
		if len(a) != len(b) {
			t.Fatalf("%s: %d files, then %d", c.name, len(a), len(b))
		}
		for f := range a {
			if !bytes.Equal(a[f], b[f]) {
				t.Errorf("%s: %s differs between two runs:\n%s", c.name, f, golden.FirstDiff(a[f], b[f]))
			}
		}
	}
}

// generatedRE is how Go tools recognise generated files (go help generate).
var generatedRE = regexp.MustCompile(`(?m)^// Code generated .* DO NOT EDIT\.$`)

// TestOwnership checks bb's files carry the generated header and the developer's never do,
// and that handler files are the developer's.
func TestOwnership(t *testing.T) {
	for _, c := range specCases(t) {
		_, p := generate(t, c.dir)
		for f, data := range p.Generated {
			if first, _, _ := strings.Cut(string(data), "\n"); !generatedRE.MatchString(first) || !strings.HasPrefix(first, "// Code generated by bb") {
				t.Errorf("%s/%s: first line %q is not a Code generated by bb … DO NOT EDIT. header", c.name, f, first)
			}
		}
		for f, data := range p.Owned {
			if generatedRE.Match(data) {
				t.Errorf("%s/%s: a file the developer owns claims to be generated", c.name, f)
			}
		}
		for op, f := range p.Handlers {
			if _, ok := p.Owned[f]; !ok {
				t.Errorf("%s: handler %s of %s is not among the owned files", c.name, f, op)
			}
		}
	}
}

func TestGoName(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"created_at", "CreatedAt"},
		{"user_id", "UserID"},
		{"userId", "UserID"},
		{"url", "URL"},
		{"avatar-url", "AvatarURL"},
		{"2fa", "X2fa"},
		{"type", "Type"},
		{"getMessages", "GetMessages"},
		{"über", "Über"},
		{"名前", "X名前"},
		{"$%", ""},
	} {
		if got := goName(tt.in); got != tt.want {
			t.Errorf("goName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFileName(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"getMessages", "get_messages.go"},
		{"runTest", "run_test_handler.go"},
		{"getLinux", "get_linux_handler.go"},
		{"buildArm64", "build_arm64_handler.go"},
		{"linux", "linux.go"},
		{"handlers", "handlers_handler.go"},
		{"listBooks", "list_books.go"},
	} {
		if got := fileName(tt.in); got != tt.want {
			t.Errorf("fileName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestUniqueNames(t *testing.T) {
	u := uniqueNames{}
	var got []string
	for _, n := range []string{"UserID", "UserID", "", "UserID"} {
		got = append(got, u.claim(n))
	}
	if want := "UserID UserID2 Field UserID3"; strings.Join(got, " ") != want {
		t.Errorf("claims = %q, want %q", strings.Join(got, " "), want)
	}
}

func TestModulePath(t *testing.T) {
	s := &spec.Spec{Name: "My App"}
	for _, tt := range []struct{ in, want, err string }{
		{"", "myapp", ""},
		{"github.com/you/app", "github.com/you/app", ""},
		{"bad path", "", "not a valid Go module path"},
		{"../up", "", "not a valid Go module path"},
	} {
		got, err := ModulePath(s, Options{Module: tt.in})
		if got != tt.want || (err == nil) != (tt.err == "") || (err != nil && !strings.Contains(err.Error(), tt.err)) {
			t.Errorf("ModulePath(%q) = %q, %v; want %q, %q", tt.in, got, err, tt.want, tt.err)
		}
	}
}

// FuzzNames checks every name a spec can give becomes a valid exported Go identifier (or
// nothing at all) and a file name Go always compiles.
func FuzzNames(f *testing.F) {
	for _, s := range []string{"created_at", "2fa", "名前", "$%", "runTest", "getLinux", "type", "", "a_b_test", "x_amd64"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if n := goName(s); n != "" && (!token.IsIdentifier(n) || !token.IsExported(n)) {
			t.Fatalf("goName(%q) = %q, not an exported identifier", s, n)
		}
		file := fileName(s)
		base, ok := strings.CutSuffix(file, ".go")
		if !ok || strings.ContainsAny(base, "/\\.") || base == "" {
			t.Fatalf("fileName(%q) = %q", s, file)
		}
		parts := strings.Split(base, "_")
		if last := parts[len(parts)-1]; len(parts) > 1 && (last == "test" || goosArch[last]) {
			t.Fatalf("fileName(%q) = %q, which Go reads as a build constraint", s, file)
		}
	})
}

func BenchmarkGenerate(b *testing.B) {
	s, err := spec.Load("../../../examples/bookshelf")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Generate(s, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestValidTag(t *testing.T) {
	for _, tt := range []struct {
		key  string
		want bool
	}{
		{"a.b", true}, {"a-b", true}, {"größe", true}, {"x y", true}, {"$ref", true},
		{"", false}, {`say "hi"`, false}, {"a,b", false}, {`back\slash`, false}, {"🔥", false},
	} {
		if got := validTag(tt.key); got != tt.want {
			t.Errorf("validTag(%q) = %v, want %v", tt.key, got, tt.want)
		}
	}
}

// TestAPINamesReserved checks every name package api declares for itself is kept from
// the models, so a spec with a body named Response or Schema cannot break the build.
func TestAPINamesReserved(t *testing.T) {
	_, p := generate(t, "../../../examples/messages")
	reserved := map[string]bool{}
	for _, n := range apiNames {
		reserved[n] = true
	}
	for _, f := range []string{"internal/api/server.gen.go"} {
		file, err := parser.ParseFile(token.NewFileSet(), f, p.Generated[f], parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range file.Decls {
			var names []string
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					names = append(names, d.Name.Name)
				}
			case *ast.GenDecl:
				for _, sp := range d.Specs {
					switch sp := sp.(type) {
					case *ast.TypeSpec:
						names = append(names, sp.Name.Name)
					case *ast.ValueSpec:
						for _, n := range sp.Names {
							names = append(names, n.Name)
						}
					}
				}
			}
			for _, n := range names {
				if token.IsExported(n) && !reserved[n] {
					t.Errorf("%s declares %s, which apiNames does not reserve", f, n)
				}
			}
		}
	}
}
