package spec

import (
	"fmt"
	"strings"
	"testing"
)

// TestWarnings: a body condition on a key the request example (or schema) does not have
// gets a warning with the nearest key it does have; every other condition gets none.
func TestWarnings(t *testing.T) {
	tests := []struct {
		name    string
		request string // the endpoint's request: section, indented under it
		when    string
		want    string // "" for no warning, else "line:col: message"
	}{
		{"key the example has", `body: {to: larry, text: hi}`, `{body.to: larry}`, ""},
		{"misspelt key", `body: {to: larry, text: hi}`, `{body.too: larry}`,
			`9:16: warning: endpoint send: response 1: when key "body.too" names a key the request example does not have, so the generated client can never send it; did you mean "body.to"?`},
		{"case differs", `body: {userName: ann}`, `{body.username: ann}`, `did you mean "body.userName"?`},
		{"nested", `body: {user: {name: ann, age: 3}}`, `{body.user.nmae: ann}`,
			`when key "body.user.nmae" names a key the request example's body.user does not have, so the generated client can never send it; did you mean "body.user.name"?`},
		{"nested, the first step differs", `body: {user: {name: ann}}`, `{body.usr.nmae: ann}`,
			`when key "body.usr.nmae" names a key the request example does not have, so the generated client can never send it; did you mean "body.user"?`},
		{"nothing near", `body: {to: larry, text: hi}`, `{body.recipient: larry}`,
			`names a key the request example does not have, so the generated client can never send it (its keys: to, text); to let the client send it, add it to the request example (null keeps it optional)`},
		// {} types as a map: any key can be sent.
		{"empty object", `body: {}`, `{body.to: larry}`, ""},
		{"inside a list item", `body: {items: [{id: 1}]}`, `{"body.items[0].idd": 1}`,
			`when key "body.items[0].idd" names a key the request example's body.items[0] does not have, so the generated client can never send it; did you mean "body.items[0].id"?`},
		{"inside a list item, dotted", `body: {items: [{id: 1}]}`, `{body.items.0.idd: 1}`, `example's body.items.0 does not have`},
		{"a list at the top", `body: [{id: 1}]`, `{body.0.idd: 1}`, `example's body.0 does not have`},
		// Keys that are numbers are data: the body is a map, and any key can be sent.
		{"key named like an index", `body: {"0": a}`, `{body.1: a}`, ""},
		{"key named like a field", `body: {"a0": a}`, `{body.a1: a}`, `names a key the request example does not have`},
		{"present key, deeper", `body: {user: {name: ann}}`, `{body.user.name: ann}`, ""},
		{"whole body", `body: {to: larry}`, `{body: {to: larry}}`, ""},
		{"null in the example is any value", `body: {meta: null}`, `{body.meta.x: 1}`, ""},
		{"inside a scalar is InferTypes' error", `body: {to: larry}`, `{body.to.x: 1}`, ""},
		{"a key on a list is InferTypes' error", `body: {to: [a]}`, `{body.to.x: 1}`, ""},
		{"no request example", `query: {page: 1}`, `{body.to: larry}`, ""},
		{"not a body condition", `body: {to: larry}`, `{query.too: 1}`, ""},
		{"schema", `schema: {type: object, properties: {to: {type: string}}}`, `{body.too: larry}`,
			`names a key the request schema does not have, so the generated client can never send it; did you mean "body.to"?`},
		{"schema, nothing near", `schema: {type: object, properties: {to: {type: string}}}`, `{body.coupon: x}`,
			`(its keys: to); to let the client send it, add it to the schema's properties`},
		{"schema, nested", `schema: {type: object, properties: {user: {type: object, properties: {name: {type: string}}}}}`, `{body.user.nmae: ann}`,
			`the request schema's body.user does not have`},
		{"open schema", `schema: {type: object, properties: {to: {type: string}}, additionalProperties: true}`, `{body.too: larry}`, ""},
		{"map schema", `schema: {type: object, additionalProperties: {type: string}}`, `{body.anything: x}`, ""},
		{"schema over the example", "body: {too: larry}\n      schema: {type: object, properties: {to: {type: string}}}", `{body.too: larry}`, `the request schema does not have`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := dedent(`
				version: 1
				endpoints:
				  send:
				    method: POST
				    path: /send
				    request:
				      ` + tt.request + `
				    responses:
				      - when: ` + tt.when + `
				      - status: 404
				`)
			s, err := Parse("bb.yaml", []byte(src))
			if strings.Contains(tt.name, "InferTypes' error") {
				if err == nil {
					t.Fatalf("a condition typing refuses must not load:\n%s", src)
				}
				return // a spec error at load, not a warning
			}
			if err != nil {
				t.Fatalf("%v\n%s", err, src)
			}
			ws := s.Warnings()
			if tt.want == "" {
				if len(ws) != 0 {
					t.Errorf("unexpected warnings: %v", ws)
				}
				return
			}
			if len(ws) != 1 {
				t.Fatalf("%d warnings, want 1: %v", len(ws), ws)
			}
			line := fmt.Sprintf("bb.yaml:%d:16: warning: ", 9+strings.Count(tt.request, "\n")) // at the when key
			if got := ws[0].String(); !strings.Contains(got, tt.want) || !strings.HasPrefix(got, line) {
				t.Errorf("warning:\n%s\nwant it to hold:\n%s", got, tt.want)
			}
		})
	}
}

// TestWarningsOrder: warnings come in file order, each at its `when` key.
func TestWarningsOrder(t *testing.T) {
	s, err := Parse("bb.yaml", []byte(dedent(`
		version: 1
		endpoints:
		  b:
		    method: POST
		    path: /b
		    request: {body: {user: ann}}
		    responses:
		      - when: {body.usr: ann, body.user: ann, body.uesr: bob}
		      - status: 404
		  a:
		    method: POST
		    path: /a
		    request: {body: {name: ann}}
		    responses:
		      - when: {body.nam: ann}
		      - status: 404
		`)))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range s.Warnings() {
		at, _, _ := strings.Cut(w.String(), ": warning: ")
		got = append(got, at)
	}
	if want := "bb.yaml:8:16 bb.yaml:8:47 bb.yaml:15:16"; strings.Join(got, " ") != want {
		t.Errorf("positions %q, want %s", got, want)
	}
}

// FuzzWarnings: Warnings never panics on a spec Parse accepts, and every warning names
// its place.
func FuzzWarnings(f *testing.F) {
	for _, s := range []string{
		"version: 1\nendpoints:\n  a:\n    method: POST\n    path: /a\n    request: {body: {to: x, user: {name: a}, items: [{id: 1}]}}\n    responses:\n      - when: {body.too: x, body.user.nmae: a, 'body.items[0].idd': 1, body.items.0.id: 1}\n      - status: 404\n",
		"version: 1\nendpoints:\n  a:\n    method: POST\n    path: /a\n    request: {schema: {type: object, properties: {m: {type: object, additionalProperties: {type: array, items: {type: string}}}}}}\n    responses:\n      - when: {body.m.k.0: x, body.n: 1}\n      - status: 404\n",
		"version: 1\nendpoints:\n  a:\n    method: POST\n    path: /a\n    request: {body: [[{a: null}]]}\n    responses:\n      - when: {'body[0][0].a.b': 1, 'body[0][0].b': 1, body.x: 1}\n      - status: 404\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("bb.yaml", data)
		if err != nil {
			return
		}
		for _, w := range s.Warnings() {
			if w.Pos.Line == 0 || w.File != "bb.yaml" || !strings.Contains(w.Msg, "when key") {
				t.Fatalf("warning without its place: %s", w)
			}
		}
	})
}

// TestWarningsListNames: a resource field named like a list option is warned of once,
// at its first key, whether seeds or a schema give it.
func TestWarningsListNames(t *testing.T) {
	s, err := Parse("bb.yaml", []byte(dedent(`
		version: 1
		resources:
		  posts:
		    seed:
		      - {id: 1, _sort: a, _page: 2, title: t}
		      - {id: 2, _sort: b}
		  tags:
		    schema:
		      type: object
		      required: [id]
		      properties: {id: {type: integer}, _limit: {type: integer}}
		`)))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range s.Warnings() {
		got = append(got, w.String())
	}
	want := []string{
		`bb.yaml:5:17: warning: resource posts: field "_sort" is named like the list's own _sort option, so no list can filter by it; rename it to filter by it`,
		`bb.yaml:5:27: warning: resource posts: field "_page" is named like the list's own _page option, so no list can filter by it; rename it to filter by it`,
		`bb.yaml:11:41: warning: resource tags: field "_limit" is named like the list's own _limit option, so no list can filter by it; rename it to filter by it`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
