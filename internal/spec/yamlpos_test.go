package spec

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestYAMLSyntaxErrorPositions: a YAML syntax error is reported at the line and column
// where the parser found it, not at column 1 of the line go.yaml.in/yaml/v3 names (which
// is sometimes where the construct began, or one line early).
func TestYAMLSyntaxErrorPositions(t *testing.T) {
	tests := []struct {
		name, yaml, at, msg string
	}{
		{"tab indentation", "version: 1\nendpoints:\n\tx: 1\n", "3:1", "tabs are not allowed for indentation; indent with spaces"},
		{"tab after spaces", "version: 1\nendpoints:\n  x:\n  \tmethod: GET\n", "4:3", "tabs are not allowed for indentation; indent with spaces"},
		{"key indented less than its siblings", "version: 1\nendpoints:\n  a: 1\n b: 2\n", "4:2", "did not find expected key"},
		{"key indented less, on line 2", "a:\n  b: 1\n c: 2\n", "3:2", "did not find expected key"},
		{"list item where a key belongs", "a: 1\n- b\n", "2:1", "did not find expected key"},
		{"list dedented under its key", "aaaa: 1\nbbbb:\n    - x\n  - y\n", "4:3", "did not find expected key"},
		{"key after list items (at its colon)", "a:\n  - b\n  c: d\n", "3:4", "did not find expected '-' indicator"},
		{"second colon on a line", "version: 1\nname: a: b\n", "2:8", "mapping values are not allowed in this context"},
		{"colon on a continuation line", "key: value\n  bad: 2\n", "2:6", "mapping values are not allowed in this context"},
		{"colons after non-ASCII keys count characters", "é: ü: x\n", "1:5", "mapping values are not allowed in this context"},
		{"unclosed double quote (at the quote)", "version: 1\nname: \"abc\nendpoints: {}\n", "2:7", "found unexpected end of stream"},
		{"unclosed single quote, first line", "a: 'x\n", "1:4", "found unexpected end of stream"},
		{"unclosed list (after its last item)", "version: 1\nendpoints: [1, 2\n", "2:16", "did not find expected ',' or ']'"},
		{"unclosed list, first line", "a: [1\n", "1:5", "did not find expected ',' or ']'"},
		{"unclosed mapping", "version: 1\nendpoints: {a: 1, b\n", "2:19", "did not find expected ',' or '}'"},
		{"list opened at the end", "version: 1\nendpoints: [\n", "2:12", "did not find expected node content"},
		{"CRLF line ends", "a: b\r\nc: [\r\n", "2:4", "did not find expected node content"},
		{"line without a colon", "a: b\nc\n", "2:1", "could not find expected ':'"},
		{"character that starts no token", "a: @x\n", "1:4", "found character that cannot start any token"},
		{"backquote", "a: `x\n", "1:4", "found character that cannot start any token"},
		{"unknown alias (at the alias)", "version: 1\nx: *nope\n", "2:4", "unknown anchor 'nope' referenced"},
		{"unknown alias after anchors", "a: &x 1\nb: &x 2\nc: *y\n", "3:4", "unknown anchor 'y' referenced"},
		{"duplicate directive (at its end)", "%YAML 1.1\n%YAML 1.1\n---\na: 1\n", "2:9", "found duplicate %YAML directive"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("bb.yaml", []byte(tt.yaml))
			e := oneError(t, err)
			if at := fmt.Sprintf("%d:%d", e.Pos.Line, e.Pos.Col); at != tt.at || e.Msg != "not valid YAML: "+tt.msg {
				t.Errorf("got %s: %s\nwant %s: not valid YAML: %s", at, e.Msg, tt.at, tt.msg)
			}
		})
	}
}

// TestYAMLErrorPositionBounded: finding the column costs a bounded amount of re-reading;
// in a file too large for that, the error keeps the line yaml names.
func TestYAMLErrorPositionBounded(t *testing.T) {
	defer func(saved int) { probeBudget = saved }(probeBudget)
	probeBudget = 16 << 10
	var b strings.Builder
	b.WriteString("version: 1\nendpoints:\n")
	for b.Len() < 3*probeBudget {
		fmt.Fprintf(&b, "  e%d: {method: GET, path: /e%d, responses: [{status: 200}]}\n", b.Len(), b.Len())
	}
	lines := strings.Count(b.String(), "\n")
	b.WriteString("  x: [\n")
	_, err := Parse("bb.yaml", []byte(b.String()))
	e := oneError(t, err)
	if e.Pos.Line < lines || e.Pos.Line > lines+1 || e.Pos.Col != 1 || !strings.HasPrefix(e.Msg, "not valid YAML") {
		t.Errorf("got %d:%d: %s; want line %d or %d, column 1", e.Pos.Line, e.Pos.Col, e.Msg, lines, lines+1)
	}
}

// TestBinaryGarbage: bytes that are not YAML text at all get an error with a line and
// column, not a bare message.
func TestBinaryGarbage(t *testing.T) {
	tests := []struct {
		name, text, at, msg string
	}{
		{"NUL bytes", "\x00\x00\x00\x00", "1:1", "the control character U+0000 here is not allowed in YAML"},
		{"a NUL in a value", "version: 1\nname: a\x00b\n", "2:8", "U+0000"},
		{"invalid UTF-8", "version: 1\nname: caf\xe9\n", "2:10", "the file is not UTF-8 text: byte 0xe9 here is not part of a character"},
		{"a C1 control", "version: 1\n\u0080\n", "2:1", "U+0080"},
		{"DEL", "a: \x7f\n", "1:4", "U+007F"},
		{"UTF-16", "\xff\xfev\x00", "1:1", "the file is UTF-16 text; save it as UTF-8"},
		{"after a NEL line break", "a: 1\u0085b: \x01", "2:4", "U+0001"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("bb.yaml", []byte(tt.text))
			e := oneError(t, err)
			if at := fmt.Sprintf("%d:%d", e.Pos.Line, e.Pos.Col); at != tt.at || !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("got %s: %s\nwant %s: …%s…", at, e.Msg, tt.at, tt.msg)
			}
		})
	}
	// Random bytes, whatever they hold, are an error with a position in the file.
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 200 {
		data := make([]byte, 1+r.IntN(2000))
		for j := range data {
			data[j] = byte(r.Uint32())
		}
		_, err := Parse("bb.yaml", data)
		var list ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			t.Fatalf("random input %d: %v", i, err)
		}
		if e := list[0]; e.Pos.Line < 1 || e.Pos.Col < 1 || e.Pos.Line > lineBreaks(data)+1 {
			t.Errorf("random input %d: error at %d:%d: %s", i, e.Pos.Line, e.Pos.Col, e.Msg)
		}
	}
}
