package spec

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// brokenSpecs seed FuzzParse with the mistakes people make, so the fuzzer starts near the
// error paths as well as the happy ones.
var brokenSpecs = []string{
	"",
	"version: 1\n",
	"version: 2\nendpoints: {}\n",
	"version: 1\nendpoints: [\n",
	"- a\n- b\n",
	"version: 1\nendpoints:\n  get-user: {mehtod: GTE, path: users, responses: []}\n",
	"version: 1\nendpoints:\n  a: {method: GET, path: '/a/{x}/b', responses: [{status: 200}]}\n  b: {method: GET, path: '/a/b/{y}', responses: [{status: 200}]}\n",
	"version: 1\nendpoints:\n  a:\n    method: POST\n    path: /u/{id}/{id}\n    responses:\n      - when: {bdy.user: x, 'body.items[0].id': 1, path.idd: 2, query.q: {a: 1}}\n        stauts: 600\n        delay: 300\n      - status: 204\n        body: {x: 1}\n        bodyFile: ../x.json\n",
	"version: 1\nx: &a [1, 2]\ny: &b [*a, *a, *a]\nendpoints:\n  a: {method: GET, path: /, responses: [{body: {v: *b}}]}\n",
	"version: 1\nendpoints:\n  a: {method: GET, path: /a%zz, responses: [{status: 99, body: .nan}]}\n",
	"version: 1\nendpoints:\n  a: {method: GET, path: /a, responses: [{status: 200}, {when: {query.x: 1}}]}\n",
}

func FuzzParse(f *testing.F) {
	examples, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*", FileName))
	for _, file := range examples {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range brokenSpecs {
		f.Add([]byte(s))
	}
	// bodyFile entries resolve against the bookshelf example, so its seed loads whole.
	file := filepath.Join("..", "..", "examples", "bookshelf", FileName)
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse(file, data)
		if err == nil {
			if s == nil {
				t.Fatal("Parse returned neither a spec nor an error")
			}
			if s.Version != 1 || len(s.Endpoints) == 0 {
				t.Fatalf("valid spec with version %d and %d endpoints", s.Version, len(s.Endpoints))
			}
			for _, e := range s.Endpoints {
				if e.Name == "" || e.Method == "" || !strings.HasPrefix(e.Path, "/") || len(e.Responses) == 0 {
					t.Fatalf("incomplete endpoint %q: method %q path %q, %d responses", e.Name, e.Method, e.Path, len(e.Responses))
				}
				for i, r := range e.Responses {
					if r.Status < 100 || r.Status > 599 {
						t.Fatalf("endpoint %s response %d: status %d", e.Name, i+1, r.Status)
					}
					if r.Body != nil && !json.Valid(r.Body.JSON()) {
						t.Fatalf("endpoint %s response %d: body %s is not JSON", e.Name, i+1, r.Body.JSON())
					}
					// A resource's routes declare what the kernel answers (success, 400,
					// 404, 409), not stub answers tried in order.
					if len(r.When) == 0 && i != len(e.Responses)-1 && e.Resource == nil {
						t.Fatalf("endpoint %s: fallback response %d is not last", e.Name, i+1)
					}
				}
			}
			return
		}
		if s != nil {
			t.Fatal("Parse returned both a spec and an error")
		}
		var list ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			t.Fatalf("Parse error %T %q is not a non-empty ErrorList", err, err)
		}
		// yaml.v3 may place an empty node at the end of the file, one line past the last.
		lines := lineBreaks(data) + 2
		for i, e := range list {
			if e.File != file || e.Msg == "" {
				t.Fatalf("error %d has file %q and message %q", i, e.File, e.Msg)
			}
			if e.Pos.Line < 0 || e.Pos.Line > lines || e.Pos.Line > 0 && e.Pos.Col < 1 {
				t.Fatalf("error %d at %d:%d, outside the %d-line file: %s", i, e.Pos.Line, e.Pos.Col, lines, e.Msg)
			}
			if i > 0 && e.Pos.Line < list[i-1].Pos.Line {
				t.Fatalf("errors out of line order: %v", list)
			}
		}
	})
}

// lineBreaks counts the line breaks YAML sees: \n, \r\n, a lone \r, NEL, LS and PS.
func lineBreaks(data []byte) int {
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	return strings.Count(s, "\n") + strings.Count(s, "\r") + strings.Count(s, "\u0085") +
		strings.Count(s, "\u2028") + strings.Count(s, "\u2029")
}

func FuzzFromJSON(f *testing.F) {
	for _, s := range []string{
		`{"user":"larry"}`,
		`{"messages":["test1","test2"]}`,
		`{"z":1,"a":{"y":[true,null,1.50,"s"],"b":{}},"m":[]}`,
		`[1, -0, 1e3, 1E-3, 12345678901234567890, 0.1]`,
		`"\u00e9\ud83d\ude00<&>\n"`,
		`{"a":1,"a":2}`,
		`null`, ` true `, `""`, `[]`, `{}`,
		`1 }`, `{"a":1}}`, `[1,]`, "\"\xff\"",
		strings.Repeat("[", 100) + strings.Repeat("]", 100),
	} {
		f.Add([]byte(s))
	}
	if data, err := os.ReadFile(filepath.Join("..", "..", "examples", "bookshelf", "responses", "books.json")); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := FromJSON(data)
		if valid := json.Valid(data); valid != (err == nil) {
			t.Fatalf("json.Valid = %v but FromJSON error = %v", valid, err)
		}
		if err != nil {
			return
		}
		out := v.JSON()
		if !json.Valid(out) {
			t.Fatalf("JSON() = %q is not valid JSON", out)
		}
		for _, doc := range [][]byte{out, data} {
			dec := json.NewDecoder(bytes.NewReader(doc))
			dec.UseNumber()
			var x any
			if err := dec.Decode(&x); err != nil {
				t.Fatalf("decode %q: %v", doc, err)
			}
			if !v.Equal(x) {
				t.Fatalf("FromJSON(%q) does not Equal what encoding/json reads from %q", data, doc)
			}
		}
		again, err := FromJSON(out)
		if err != nil || !bytes.Equal(again.JSON(), out) {
			t.Fatalf("FromJSON(JSON()) = %q, %v; want %q", again.JSON(), err, out)
		}
	})
}
