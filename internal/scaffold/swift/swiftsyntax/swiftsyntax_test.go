// Package swiftsyntax checks the Swift that bb generates with tree-sitter-swift, so the
// golden files are known to parse without a Swift toolchain. It holds tests only.
package swiftsyntax

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/swift"
)

// hardKeywords are the words The Swift Programming Language reserves in declarations,
// statements, expressions and types: as a name they need backticks. tree-sitter-swift
// accepts most of them as identifiers; swiftc does not.
var hardKeywords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
		associatedtype borrowing class consuming deinit enum extension fileprivate func import
		init inout internal let nonisolated open operator precedencegroup private protocol public
		rethrows static struct subscript typealias var
		break case catch continue default defer do else fallthrough for guard if in repeat
		return switch throw where while
		Any as await false is nil self Self super throws true try`) {
		hardKeywords[w] = true
	}
}

// exprKeywords are keywords that tree-sitter reports as identifiers where Swift uses
// them legitimately in expressions: Self.helper(), super.x, Any as a type.
var exprKeywords = map[string]bool{"self": true, "Self": true, "super": true, "Any": true, "init": true}

// declParents are the nodes whose identifier child declares a name.
var declParents = map[string]bool{
	"pattern": true, "parameter": true, "function_declaration": true, "enum_entry": true,
	"class_declaration": true, "protocol_declaration": true, "typealias_declaration": true,
}

// notAsLabel are the keywords that cannot be argument labels.
var notAsLabel = map[string]bool{"inout": true, "var": true, "let": true}

// problem is one finding in a Swift file.
type problem struct {
	line, col int
	msg       string
	snippet   string
}

func (p problem) String() string {
	return fmt.Sprintf("%d:%d: %s\n    %s", p.line, p.col, p.msg, p.snippet)
}

// check parses src and reports syntax errors, missing nodes and reserved words used as
// names without backticks.
func check(src []byte) ([]problem, error) {
	parser := sitter.NewParser()
	parser.SetLanguage(swift.GetLanguage())
	tree, err := parser.ParseCtx(context.Background(), nil, src)
	if err != nil {
		return nil, err
	}
	defer tree.Close()
	lines := strings.Split(string(src), "\n")
	var out []problem
	report := func(n *sitter.Node, msg string) {
		pt := n.StartPoint()
		snippet := ""
		if int(pt.Row) < len(lines) {
			snippet = strings.TrimSpace(lines[pt.Row])
		}
		out = append(out, problem{int(pt.Row) + 1, int(pt.Column) + 1, msg, snippet})
	}
	var walk func(n *sitter.Node)
	walk = func(n *sitter.Node) {
		switch {
		case n.IsMissing():
			report(n, fmt.Sprintf("missing %s", n.Type()))
		case n.IsError() || n.Type() == "ERROR":
			report(n, fmt.Sprintf("syntax error at %q", shorten(n.Content(src))))
		case n.Type() == "simple_identifier" || n.Type() == "type_identifier":
			if msg := keywordUse(n, src); msg != "" {
				report(n, msg)
			}
		}
		for i := 0; i < int(n.ChildCount()); i++ {
			walk(n.Child(i))
		}
	}
	walk(tree.RootNode())
	return out, nil
}

// keywordUse explains why an identifier node is a reserved word swiftc would refuse there,
// or returns "".
func keywordUse(n *sitter.Node, src []byte) string {
	name := n.Content(src)
	if !hardKeywords[name] {
		return "" // not a keyword, or escaped with backticks
	}
	parent := n.Parent()
	if parent == nil {
		return ""
	}
	switch pt := parent.Type(); {
	case pt == "navigation_suffix":
		return "" // after a dot, keywords name members (SE-0071), and .self and .init are built in
	case pt == "value_argument_label" || pt == "parameter" && isLabel(n):
		if notAsLabel[name] {
			return fmt.Sprintf("%q cannot be an argument label without backticks", name)
		}
		return ""
	case declParents[pt]:
		return fmt.Sprintf("reserved word %q declared as a name without backticks (in %s)", name, pt)
	case exprKeywords[name]:
		return ""
	}
	return fmt.Sprintf("reserved word %q used as a name without backticks (in %s)", name, parent.Type())
}

// isLabel reports whether the parameter identifier n is followed by a second identifier:
// then it is the external label, and the second is the local name.
func isLabel(n *sitter.Node) bool {
	next := n.NextNamedSibling()
	return next != nil && next.Type() == "simple_identifier"
}

func shorten(s string) string {
	s = strings.ReplaceAll(s, "\n", "⏎")
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

// TestGoldenSwiftParses parses every Swift file of every golden case.
func TestGoldenSwiftParses(t *testing.T) {
	root := filepath.Join("..", "testdata", "golden")
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".swift") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	if len(files) < 20 {
		t.Fatalf("found only %d Swift files under %s; run go test ./scaffold/swift -update first", len(files), root)
	}
	cases := map[string]bool{}
	for _, f := range files {
		rel, _ := filepath.Rel(root, f)
		cases[strings.Split(filepath.ToSlash(rel), "/")[0]] = true
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		probs, err := check(src)
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		for _, p := range probs {
			t.Errorf("%s:%s", rel, p)
		}
	}
	t.Logf("checked %d Swift files in %d golden cases", len(files), len(cases))
}

// TestCheckFindsProblems proves the checker flags what it must: a file it passes is
// worth something only if it fails bad ones.
func TestCheckFindsProblems(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"unescaped property", "struct A {\n    public var default: Int\n}\n", `reserved word "default"`},
		{"unescaped let", "struct A {\n    let class: String\n}\n", `reserved word "class"`},
		{"unescaped parameter", "struct A {\n    init(protocol: Int) {}\n}\n", `reserved word "protocol"`},
		{"unescaped local name", "func f(in x: Int, y self: Int) {}\n", `reserved word "self"`},
		{"inout as a label", "func f(inout x: Int) {}\n", `"inout" cannot be an argument label`},
		{"unescaped enum case", "enum CodingKeys: String, CodingKey {\n    case where = \"w\"\n}\n", `reserved word "where"`},
		{"unescaped function", "struct A {\n    func repeat() {}\n}\n", `reserved word "repeat"`},
		{"unescaped struct name", "struct Type {}\nstruct protocol {}\n", `reserved word "protocol"`},
		{"unescaped reference", "func f(`in`: Int) { print(in) }\n", `"in"`},
		{"syntax error", "struct A {\n    public var x: Int = \n}\n", "syntax error"},
		{"missing brace", "struct A {\n    var x: Int\n", "missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			probs, err := check([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			var all []string
			for _, p := range probs {
				all = append(all, p.String())
			}
			if !strings.Contains(strings.Join(all, "\n"), tt.want) {
				t.Errorf("want a problem containing %q, got %q", tt.want, all)
			}
		})
	}
	ok := "struct A: Codable {\n    public var `default`: Int\n    public var `self`: String\n" +
		"    init(`default`: Int, `self` selfValue: String, in x: Int) {\n" +
		"        self.`default` = `default`\n        self.`self` = selfValue\n    }\n" +
		"    enum CodingKeys: String, CodingKey {\n        case `default` = \"d\"\n        case `self`\n    }\n}\n" +
		"func g(a: A) { _ = a.default; f(in: 1); _ = A.self; _ = Self.self }\nfunc f(in x: Int) {}\n"
	probs, err := check([]byte(ok))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probs {
		t.Errorf("valid Swift flagged: %s", p)
	}
}

// TestReadmeSwiftParses parses every ```swift block of every golden package's README
// and of docs/swift.md: the usage example, the configuration, the SwiftUI view model and
// the test with a fake are meant to be pasted into an app as they are.
func TestReadmeSwiftParses(t *testing.T) {
	readmes, _ := filepath.Glob(filepath.Join("..", "testdata", "golden", "*", "README.md"))
	if len(readmes) < 5 {
		t.Fatalf("found only %d golden READMEs", len(readmes))
	}
	readmes = append(readmes, filepath.Join("..", "..", "..", "..", "docs", "swift.md"))
	blocks := 0
	for _, f := range readmes {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rest := string(src)
		for {
			_, after, ok := strings.Cut(rest, "```swift\n")
			if !ok {
				break
			}
			block, tail, _ := strings.Cut(after, "```")
			rest = tail
			blocks++
			// Top-level await and statements parse as a script's.
			probs, err := check([]byte(block))
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range probs {
				t.Errorf("%s, swift block %d:%s", f, blocks, p)
			}
		}
	}
	if blocks < 4*len(readmes) {
		t.Fatalf("found %d swift blocks in %d READMEs; expected at least 4 each", blocks, len(readmes))
	}
}
