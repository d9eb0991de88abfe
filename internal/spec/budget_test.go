package spec

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// aliasBomb is a small spec that stands for a huge one: one string of size bytes,
// anchored once and aliased n times inside a response body.
func aliasBomb(size, n int) []byte {
	var b bytes.Buffer
	b.WriteString("version: 1\nendpoints:\n  get:\n    method: GET\n    path: /a\n    responses:\n      - status: 200\n        body: {big: &big \"")
	b.WriteString(strings.Repeat("x", size))
	b.WriteString("\", copies: [")
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("*big")
	}
	b.WriteString("]}\n")
	return b.Bytes()
}

// offsetOf turns a position back into a byte offset of data, so a test can look at
// what an error points at.
func offsetOf(data []byte, pos Pos) int {
	line, i := 1, 0
	for ; line < pos.Line && i < len(data); i++ {
		if n := breakAt(data, i); n > 0 {
			i += n - 1
			line++
		}
	}
	for col := 1; col < pos.Col && i < len(data); col++ {
		_, w := utf8.DecodeRune(data[i:])
		i += w
	}
	return i
}

// oneError asserts err is an ErrorList of exactly one problem and returns it.
func oneError(t *testing.T, err error) *Error {
	t.Helper()
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 1 {
		t.Fatalf("got %v; want one error", err)
	}
	return list[0]
}

// TestAliasBomb: a large string aliased 100 or 2,000 times in a body is refused at an
// alias, naming the limit and how to raise it, before anything is written out. The bomb
// is the reported one scaled down 16 times (a 64 KiB string against 1 MiB and 512 KiB
// limits), as the race detector makes go.yaml.in/yaml/v3 read a megabyte slowly; the
// full-size bomb, with the default limits, is cmd/bb's TestAliasBombSubprocess.
func TestAliasBomb(t *testing.T) {
	limits := Options{MaxSize: 1 << 20, MaxBodySize: 512 << 10}
	for _, n := range []int{100, 2000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			data := aliasBomb(64<<10, n)
			_, err := limits.Parse(context.Background(), "bb.yaml", data)
			e := oneError(t, err)
			if at := data[offsetOf(data, e.Pos):]; !bytes.HasPrefix(at, []byte("*big")) {
				t.Errorf("error at %d:%d points at %.10q, not at an alias", e.Pos.Line, e.Pos.Col, at)
			}
			for _, want := range []string{"YAML aliases here", "past 1 MiB", "BB_MAX_SPEC_SIZE=2MiB"} {
				if !strings.Contains(e.Msg, want) {
					t.Errorf("message %q lacks %q", e.Msg, want)
				}
			}
			// Past the spec's limit, each body has its own.
			raised := limits
			raised.MaxSize = 1 << 40
			_, err = raised.Parse(context.Background(), "bb.yaml", data)
			e = oneError(t, err)
			if !strings.Contains(e.Msg, "larger than 512 KiB") || !strings.Contains(e.Msg, "BB_MAX_SPEC_BODY=1MiB") {
				t.Errorf("with the spec limit raised: %v", e)
			}
			if at := data[offsetOf(data, e.Pos):]; !bytes.HasPrefix(at, []byte("*big")) {
				t.Errorf("body error at %d:%d points at %.10q, not at an alias", e.Pos.Line, e.Pos.Col, at)
			}
		})
	}
	// Raised far enough, the limits let the 100-alias spec load: they are the only thing
	// that refused it.
	s, err := Options{MaxSize: 64 << 20, MaxBodySize: 64 << 20}.Parse(context.Background(), "bb.yaml", aliasBomb(64<<10, 100))
	if err != nil {
		t.Fatal(err)
	}
	if got := len(s.Endpoints[0].Responses[0].Body.Get("copies").Items); got != 100 {
		t.Errorf("copies has %d items, want 100", got)
	}
}

// TestSizeLimits: each limit, hit with and without aliases, is reported where it is
// passed, with the variable that raises it.
func TestSizeLimits(t *testing.T) {
	defer func(saved int64) { maxExpandedNodes = saved }(maxExpandedNodes)
	maxExpandedNodes = 95 // so that the value limit is met by a line of values
	file := project(t)
	tests := []struct {
		name string
		opts Options
		yaml string
		at   string
		msg  string
	}{
		{"spec file", Options{MaxSize: 40}, `
			version: 1
			endpoints:
			  a: {method: GET, path: /a, responses: [{status: 200}]}
			`, "3:19", "the spec file is larger than 40 bytes, the most bb reads; move large bodies to bodyFiles, or raise the limit with BB_MAX_SPEC_SIZE=80B"},
		{"spec written out, no aliases", Options{MaxSize: 120}, `
			version: 1
			endpoints:
			  a: {method: GET, path: /a, responses: [{body: [a, a, a, a, a, a, a, a, a, a, a, a, a]}]}
			`, "3:62", "the spec grows past 120 bytes as JSON here"},
		{"spec written out, aliases", Options{MaxSize: 400}, `
			version: 1
			endpoints:
			  a: {method: GET, path: /a, responses: [{when: {body.x: &x xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx}}]}
			  b: {method: GET, path: /b, responses: [{body: [*x, *x, *x, *x, *x, *x, *x]}]}
			`, "4:58", "YAML aliases here expand the spec past 400 bytes as JSON, the most bb loads; write the repeated parts out once, or raise the limit with BB_MAX_SPEC_SIZE=800B"},
		{"values, no aliases", Options{}, `
			version: 1
			endpoints:
			  a: {method: GET, path: /a, responses: [{body: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99]}]}
			`, "3:353", "the spec holds more than 95 values here, the most bb loads; move large bodies to bodyFiles, or raise the limit with BB_MAX_SPEC_SIZE=32MiB"},
		{"values, aliases", Options{}, `
			version: 1
			endpoints:
			  a: {method: GET, path: /a, responses: [{when: {body.x: &x [1, 2, 3, 4, 5, 6, 7, 8, 9]}, body: [*x, *x, *x, *x, *x, *x, *x, *x, *x, *x]}]}
			`, "3:118", "YAML aliases expand this file to more than 95 values here; write the repeated parts out or use fewer aliases, or raise the limit with BB_MAX_SPEC_SIZE=32MiB"},
		{"body, no aliases", Options{MaxBodySize: 30}, `
			version: 1
			endpoints:
			  a: {method: GET, path: /a, responses: [{body: {a: 123456789, b: 123456789, c: 1}}]}
			`, "3:67", "this value grows past 30 bytes as JSON here, the most bb takes for one body, schema or example; make it smaller, or raise the limit with BB_MAX_SPEC_BODY=60B"},
		{"body, aliases", Options{MaxBodySize: 30}, `
			version: 1
			endpoints:
			  a: {method: GET, path: /a, responses: [{when: {body.x: &x 123456789}, body: [*x, *x, *x]}]}
			`, "3:88", "YAML aliases here make this value larger than 30 bytes as JSON"},
		{"request schema", Options{MaxBodySize: 20}, `
			version: 1
			endpoints:
			  a:
			    method: POST
			    path: /a
			    request: {schema: {type: object, properties: {}}}
			    responses: [{status: 204}]
			`, "6:38", "this value grows past 20 bytes"},
		{"bodyFile", Options{MaxBodySize: 10}, `
			version: 1
			endpoints:
			  a: {method: GET, path: /a, responses: [{bodyFile: responses/ok.json}]}
			`, "3:53", `bodyFile "responses/ok.json" is larger than 10 bytes, the most bb takes for one body; make it smaller, or raise the limit with BB_MAX_SPEC_BODY=20B`},
		{"an alias inside what it names", Options{}, `
			version: 1
			endpoints:
			  a: {method: GET, path: /a, responses: [{body: &loop {self: [*loop]}}]}
			`, "3:63", "YAML alias *loop refers to a value that holds it, so written out it would never end"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.opts.Parse(context.Background(), file, []byte(dedent(tt.yaml)))
			e := oneError(t, err)
			if at := fmt.Sprintf("%d:%d", e.Pos.Line, e.Pos.Col); at != tt.at || !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("got %s: %s\nwant %s: …%s…", at, e.Msg, tt.at, tt.msg)
			}
		})
	}
	// Raising the size limit raises the value limit with it, as the message says.
	for _, tt := range tests {
		if strings.HasPrefix(tt.name, "values") {
			if _, err := (Options{MaxSize: 2 * DefaultMaxSize}).Parse(context.Background(), file, []byte(dedent(tt.yaml))); err != nil {
				t.Errorf("%s, with %s=32MiB: %v", tt.name, EnvMaxSize, err)
			}
		}
	}
}

// TestBodyFileReadOnce: a bodyFile named by many responses is read and checked once,
// and each response gets the same bytes.
func TestBodyFileReadOnce(t *testing.T) {
	file := project(t)
	var b strings.Builder
	b.WriteString("version: 1\nendpoints:\n")
	for i := range 50 {
		fmt.Fprintf(&b, "  e%d: {method: GET, path: /e%d, responses: [{bodyFile: responses/ok.json}]}\n", i, i)
	}
	p := &parser{file: file, dir: filepath.Dir(file), ctx: context.Background()}
	s := p.parse([]byte(b.String()))
	if len(p.errs) > 0 {
		t.Fatal(p.errs)
	}
	if len(p.bodyFiles) != 1 {
		t.Errorf("read %d bodyFiles, want 1", len(p.bodyFiles))
	}
	first := s.Endpoints[0].Responses[0].BodyData
	for _, e := range s.Endpoints {
		if d := e.Responses[0].BodyData; &d[0] != &first[0] {
			t.Fatalf("%s got its own copy of the file", e.Name)
		}
	}
}

// TestReadFileLimit: the spec file is read through a bounded reader, and a larger one is
// a positioned error, from Load and from ReadFile alike.
func TestReadFileLimit(t *testing.T) {
	file := filepath.Join(t.TempDir(), FileName)
	text := "version: 1\nendpoints:\n  a: {method: GET, path: /a, responses: [{status: 200}]}\n"
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := Options{MaxSize: 30}
	for name, load := range map[string]func() error{
		"ReadFile": func() error { _, err := opts.ReadFile(file); return err },
		"Load":     func() error { _, err := opts.Load(context.Background(), file); return err },
	} {
		e := oneError(t, load())
		if e.File != file || e.Pos != (Pos{Line: 3, Col: 9}) || !strings.Contains(e.Msg, "larger than 30 bytes") {
			t.Errorf("%s: %v", name, e)
		}
	}
	if _, err := (Options{MaxSize: int64(len(text))}).ReadFile(file); err != nil {
		t.Errorf("a file exactly at the limit: %v", err)
	}
	if _, err := opts.ReadFile(file + ".missing"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a missing file: %v, want an os.ErrNotExist", err)
	}
}

// TestParseCancelled: loading stops with the context's error once it ends.
func TestParseCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "messages", FileName))
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string][]byte{"good": data, "broken": []byte("a: [1\n"), "bomb": aliasBomb(1<<20, 10)} {
		if s, err := (Options{}).Parse(ctx, "bb.yaml", text); s != nil || !errors.Is(err, context.Canceled) {
			t.Errorf("%s: got %v, %v; want context.Canceled", name, s, err)
		}
	}
}

// TestTooManyProblems: a spec with thousands of mistakes reports the first hundred and
// says how many more there are.
func TestTooManyProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString("version: 1\nendpoints:\n  a: {method: GET, path: /a, responses: [{status: 200}]}\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "x%d: 1\n", i)
	}
	_, err := Parse("bb.yaml", []byte(b.String()))
	var list ErrorList
	if !errors.As(err, &list) || len(list) != maxErrors+1 {
		t.Fatalf("got %d errors, want %d", len(list), maxErrors+1)
	}
	if want := "2900 more problems not shown"; !strings.Contains(list[0].Msg, want) {
		t.Errorf("first error %q; want it to say %q", list[0].Msg, want)
	}
}

// TestLongTextClipped: a message quotes at most the start of a long value.
func TestLongTextClipped(t *testing.T) {
	_, err := Parse("bb.yaml", []byte("version: "+strings.Repeat("x", 100000)+"\nendpoints: {}\n"))
	if err == nil || len(err.Error()) > 400 || !strings.Contains(err.Error(), "(97.7 KiB in all)") {
		t.Errorf("got %d bytes of errors: %.500s", len(err.Error()), err)
	}
}
