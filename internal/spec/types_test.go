package spec

import (
	"github.com/backwards-backend/bb/internal/contract"
	"sort"

	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// show renders a type compactly: objects as Name{key:type, key?:type}, nullable with a
// trailing ?, optional fields with ? after the key.
func show(t *Type) string {
	if t == nil {
		return "-"
	}
	var s string
	switch t.Kind {
	case TypeArray:
		s = "[" + show(t.Elem) + "]"
	case TypeMap:
		s = "{:" + show(t.Elem) + "}"
	case TypeObject:
		var fs []string
		for _, f := range t.Object.Fields {
			opt := ""
			if f.Optional {
				opt = "?"
			}
			fs = append(fs, f.Key+opt+":"+show(f.Type))
		}
		s = t.Object.Name + "{" + strings.Join(fs, ", ") + "}"
	case TypeString:
		s = "string"
		if len(t.Enum) > 0 {
			s += "(" + strings.Join(t.Enum, "|") + ")"
		}
	default:
		s = t.Kind.String()
	}
	if t.Nullable {
		s += "?"
	}
	return s
}

func parseSpec(t *testing.T, src string) *Spec {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, FileName)
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(file)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return s
}

func infer(t *testing.T, src string) *TypeSet {
	t.Helper()
	ts, err := InferTypes(parseSpec(t, src), InferOptions{})
	if err != nil {
		t.Fatalf("infer: %v", err)
	}
	return ts
}

// oneResponse builds a spec whose only endpoint answers with each body in turn.
func oneResponse(bodies ...string) string {
	var b strings.Builder
	b.WriteString("version: 1\nname: T\nendpoints:\n  getThing:\n    method: GET\n    path: /thing\n    responses:\n")
	for i, body := range bodies {
		if i < len(bodies)-1 {
			fmt.Fprintf(&b, "      - when: {query.n: %d}\n        body: %s\n", i, body)
		} else {
			fmt.Fprintf(&b, "      - body: %s\n", body)
		}
	}
	return b.String()
}

func TestInferenceRules(t *testing.T) {
	tests := []struct {
		name   string
		bodies []string
		want   string
	}{
		{"scalars", []string{`{s: a, i: 1, d: 1.5, b: true}`}, "GetThingResponse{s:string, i:int, d:double, b:bool}"},
		{"optional when missing", []string{`{a: 1, b: 2}`, `{a: 3}`}, "GetThingResponse{a:int, b?:int?}"},
		{"optional when added later", []string{`{a: 1}`, `{a: 3, c: x}`}, "GetThingResponse{a:int, c?:string?}"},
		{"null makes nullable", []string{`{a: 1}`, `{a: null}`}, "GetThingResponse{a?:int?}"},
		{"null first", []string{`{a: null}`, `{a: x}`}, "GetThingResponse{a?:string?}"},
		{"only null", []string{`{a: null}`}, "GetThingResponse{a?:any?}"},
		{"int and double merge", []string{`{n: 1}`, `{n: 2.5}`}, "GetThingResponse{n:double}"},
		{"int and double in an array", []string{`[1, 2.5, 3]`}, "[double]"},
		{"fraction zero stays double", []string{`{n: 1.0}`}, "GetThingResponse{n:double}"},
		{"date-time", []string{`{at: "2024-01-02T03:04:05Z"}`}, "GetThingResponse{at:date-time}"},
		{"date-time fraction and offset", []string{`{at: "2024-01-02T03:04:05.123+02:00"}`}, "GetThingResponse{at:date-time}"},
		{"date only is a string", []string{`{at: "2024-01-02"}`}, "GetThingResponse{at:string}"},
		{"bad date is a string", []string{`{at: "2024-13-02T03:04:05Z"}`}, "GetThingResponse{at:string}"},
		{"date and text merge to string", []string{`{at: "2024-01-02T03:04:05Z"}`, `{at: soon}`}, "GetThingResponse{at:string}"},
		{"empty array", []string{`{tags: []}`}, "GetThingResponse{tags:[any]}"},
		{"empty array then typed", []string{`{tags: []}`, `{tags: [a]}`}, "GetThingResponse{tags:[string]}"},
		{"mixed array", []string{`{xs: [1, a, true]}`}, "GetThingResponse{xs:[any]}"},
		{"mixed kinds across examples", []string{`{x: 1}`, `{x: a}`}, "GetThingResponse{x:any}"},
		{"array of objects with differing keys", []string{`{messages: [{id: 1, text: hi}, {id: 2, image: x.png}]}`},
			"GetThingResponse{messages:[Message{id:int, text?:string?, image?:string?}]}"},
		{"top-level array of objects", []string{`[{id: 1}]`}, "[Thing{id:int}]"},
		{"top-level empty array", []string{`[]`}, "[any]"},
		{"top-level scalar", []string{`42`}, "int"},
		{"top-level string", []string{`hello`}, "string"},
		{"nested objects named after keys", []string{`{user: {address: {city: x}}}`}, "GetThingResponse{user:User{address:Address{city:string}}}"},
		{"deep nesting", []string{`{a: {b: {c: {d: {e: {f: 1}}}}}}`}, "GetThingResponse{a:A{b:B{c:C{d:D{e:E{f:int}}}}}}"},
		{"nested arrays", []string{`{grid: [[{x: 1}]]}`}, "GetThingResponse{grid:[[Grid{x:int}]]}"},
		{"nullable object", []string{`{series: null}`, `{series: {name: x}}`}, "GetThingResponse{series?:Series{name:string}?}"},
		{"object and scalar", []string{`{x: {a: 1}}`, `{x: 2}`}, "GetThingResponse{x:any}"},
		{"empty object is a map", []string{`{meta: {}}`}, "GetThingResponse{meta:{:any}}"},
		{"empty at the top is a map", []string{`{}`}, "{:any}"},
		{"empty, then keys", []string{`{meta: {}}`, `{meta: {a: 1}}`}, "GetThingResponse{meta:Meta{a?:int?}}"},
		{"keys differing across examples", []string{`{stock: {warehouse_a: 3}}`, `{stock: {warehouse_b: 5.5}}`}, "GetThingResponse{stock:{:double}}"},
		{"keys differing, values of several kinds", []string{`{x: {name: a}}`, `{x: {age: 1}}`}, "GetThingResponse{x:X{name?:string?, age?:int?}}"},
		{"keys differing at the top", []string{`{a: 1}`, `{b: 2}`}, "GetThingResponse{a?:int?, b?:int?}"},
		{"number keys", []string{`{scores: {"1": 10, "2": 7.5}}`}, "GetThingResponse{scores:{:double}}"},
		{"date keys", []string{`{visits: {"2024-05-01": 3}}`}, "GetThingResponse{visits:{:int}}"},
		{"uuid keys", []string{`{users: {"3f2b8a6e-1c4d-4e5f-9a0b-1c2d3e4f5a6b": {name: ann}}}`}, "GetThingResponse{users:{:User{name:string}}}"},
		{"email keys", []string{`{roles: {"ann@example.com": admin}}`}, "GetThingResponse{roles:{:string}}"},
		{"id keys at the top", []string{`{"1": {name: a}, "2": {name: b}}`}, "{:Thing{name:string}}"},
		{"a digit-leading name is a field", []string{`{2fa: true}`}, "GetThingResponse{2fa:bool}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := infer(t, oneResponse(tt.bodies...))
			if got := show(ts.Endpoints[0].Response); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestNamingRules(t *testing.T) {
	tests := []struct {
		name string
		body string
		want string
	}{
		{"array keys singularised", `{categories: [{id: 1}], people: [{id: 2}], boxes: [{id: 3}]}`,
			"GetThingResponse{categories:[Category{id:int}], people:[Person{id:int}], boxes:[Box{id:int}]}"},
		{"snake and kebab keys", `{book_series: {id: 1}, user-profile: {id: 2}}`,
			"GetThingResponse{book_series:BookSeries{id:int}, user-profile:UserProfile{id:int}}"},
		{"collision takes the parent's name", `{book: {series: {id: 1}}, author: {series: {name: x}}}`,
			"GetThingResponse{book:Book{series:Series{id:int}}, author:Author{series:AuthorSeries{name:string}}}"},
		{"same shape shares one name", `{book: {series: {id: 1}}, author: {series: {id: 2}}}`,
			"GetThingResponse{book:Book{series:Series{id:int}}, author:Author{series:Series{id:int}}}"},
		{"collision prefixes the nearest parent", `{a: {x: {p: 1}}, b: {a: {x: {q: 1}}}}`,
			"GetThingResponse{a:A{x:X{p:int}}, b:B{a:BA{x:BAX{q:int}}}}"},
		{"collision falls back to a number", `{x: {p: 1}, y_x: {q: 1}, y: {x: {r: 1}}}`,
			"GetThingResponse{x:X{p:int}, y_x:YX{q:int}, y:Y{x:YX2{r:int}}}"},
		{"no language's names reserved here (generators pass theirs)", `{data: {x: 1}, type: {y: 1}, error: {z: 1}}`,
			"GetThingResponse{data:Data{x:int}, type:Type{y:int}, error:Error{z:int}}"},
		{"digit-leading keys take the parent's name", `{2fa: {on: true}}`, "GetThingResponse{2fa:GetThingResponse2fa{on:bool}}"},
		{"unicode keys", `{名前: {x: 1}, café: {y: 1}}`, "GetThingResponse{名前:名前{x:int}, café:Café{y:int}}"},
		{"symbol-only keys", `{"$": {x: 1}}`, "GetThingResponse{$:Object{x:int}}"},
		{"case-insensitive collisions", `{user_id: {x: 1}, userID: {y: 1}}`,
			"GetThingResponse{user_id:UserId{x:int}, userID:GetThingResponseUserID{y:int}}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := infer(t, oneResponse(tt.body))
			if got := show(ts.Endpoints[0].Response); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestWords(t *testing.T) {
	tests := map[string][]string{
		"created_at":  {"created", "at"},
		"created-at":  {"created", "at"},
		"createdAt":   {"created", "At"},
		"CreatedAt":   {"Created", "At"},
		"userID":      {"user", "ID"},
		"URLString":   {"URL", "String"},
		"v2Api":       {"v2", "Api"},
		"2fa_enabled": {"2fa", "enabled"},
		"X-Total-Count": {
			"X", "Total", "Count"},
		"名前":         {"名前"},
		"cafe\u0301": {"cafe"},
		"$":          nil,
		"a.b c/d":    {"a", "b", "c", "d"},
	}
	for in, want := range tests {
		if got := Words(in); !reflect.DeepEqual(got, want) {
			t.Errorf("Words(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSingular(t *testing.T) {
	tests := map[string]string{
		"messages": "message", "categories": "category", "people": "person", "children": "child",
		"boxes": "box", "addresses": "address", "matches": "match", "wishes": "wish",
		"statuses": "status", "houses": "house", "heroes": "hero", "leaves": "leaf",
		"series": "series", "news": "news", "data": "data", "status": "status", "class": "class",
		"analysis": "analysis", "Books": "Book", "People": "Person", "item": "item", "iOS": "iOS",
		"movies": "movie", "responses": "response", "ideas": "idea", "CATEGORIES": "CATEGORY",
	}
	for in, want := range tests {
		if got := Singular(in); got != want {
			t.Errorf("Singular(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEndpointTypes(t *testing.T) {
	ts := infer(t, `version: 1
name: T
endpoints:
  listBooks:
    method: GET
    path: /books
    request:
      query: {page: 1, q: dune, tags: [a, b], since: "2024-01-01T00:00:00Z"}
    responses:
      - when: {query.sort: asc}
        body: []
      - when: {query.tags: c}
        body: []
      - body: [{id: 1}]
  getBook:
    method: GET
    path: /books/{id}/{slug}
    responses:
      - when: {path.id: 1, path.slug: 2}
        body: {id: 1}
      - when: {path.id: 2, path.slug: dune}
        status: 204
      - when: {path.id: 3}
        status: 404
        body: {error: nope}
      - status: 500
        body: {error: boom, code: 7}
  addBook:
    method: POST
    path: /books
    request:
      body: {title: Dune}
    responses:
      - when: {body.title: Dune}
        status: 201
        body: {id: 3}
      - status: 400
        body: {message: bad}
  removeBook:
    method: DELETE
    path: /books/{id}
    responses:
      - status: 204
`)
	var got []string
	for _, e := range ts.Endpoints {
		var ps []string
		for _, p := range e.Path {
			ps = append(ps, p.Name+":"+show(p.Type))
		}
		for _, p := range e.Query {
			ps = append(ps, "?"+p.Name+":"+show(p.Type))
		}
		got = append(got, fmt.Sprintf("%s(%s) %s -> %s ! %s", e.Endpoint.Name, strings.Join(ps, ", "), show(e.Request), show(e.Response), show(e.Error)))
	}
	want := []string{
		"listBooks(?page:int, ?q:string, ?tags:[string], ?since:date-time, ?sort:string) - -> [Book{id:int}] ! -",
		// One shape in three places is one type, named for the noun the operations share.
		"getBook(id:int, slug:string) - -> Book{id:int}? ! GetBookErrorResponse{error:string, code?:int?}",
		// Names go by operation name, not file order: addBook names ErrorResponse first.
		"addBook() AddBookRequest{title:string} -> Book{id:int} ! ErrorResponse{message:string}",
		"removeBook(id:int) - -> - ! -",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var names []string
	for _, o := range ts.Objects {
		names = append(names, o.Name)
	}
	if want := "AddBookRequest Book ErrorResponse GetBookErrorResponse"; strings.Join(names, " ") != want {
		t.Errorf("objects = %s, want %s", strings.Join(names, " "), want)
	}
}

func TestSharedErrorType(t *testing.T) {
	ts := infer(t, `version: 1
name: T
endpoints:
  a:
    method: GET
    path: /a
    responses: [{status: 404, body: {error: x}}]
  b:
    method: GET
    path: /b
    responses: [{status: 401, body: {error: y}}]
`)
	if ts.Endpoints[0].Error.Object != ts.Endpoints[1].Error.Object {
		t.Errorf("identical error bodies should share one type")
	}
	if len(ts.Objects) != 1 || ts.Objects[0].Name != "ErrorResponse" {
		t.Errorf("objects = %v", ts.Objects)
	}
}

func TestReservedOption(t *testing.T) {
	ts, err := InferTypes(parseSpec(t, oneResponse(`{client: {x: 1}}`)), InferOptions{Reserved: []string{"Client"}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := show(ts.Endpoints[0].Response), "GetThingResponse{client:GetThingResponseClient{x:int}}"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestInferBodyFile(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.json"), []byte(`[{"id": 1, "at": "2024-01-01T00:00:00Z"}]`), 0o644)
	os.WriteFile(filepath.Join(dir, "b.html"), []byte(`<html>`), 0o644)
	os.WriteFile(filepath.Join(dir, FileName), []byte(`version: 1
name: T
endpoints:
  listThings:
    method: GET
    path: /things
    responses:
      - bodyFile: a.json
  page:
    method: GET
    path: /page
    responses:
      - bodyFile: b.html
`), 0o644)
	s, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	// b.html is sent as it is: it types nothing, and it is no error.
	ts, err := InferTypes(s, InferOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ts.Endpoints[1].Response != nil {
		t.Errorf("an HTML bodyFile is typed as %s", show(ts.Endpoints[1].Response))
	}
	if got, want := show(ts.Endpoints[0].Response), "[Thing{id:int, at:date-time}]"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestInferDeterministic(t *testing.T) {
	src := oneResponse(`{a: {x: {p: 1}}, b: {a: {x: {q: 1}}}, c: {a: {x: {r: 1}}}, tags: [], d: [{k: 1}, {l: 2}]}`)
	first := show(infer(t, src).Endpoints[0].Response)
	for range 20 {
		if got := show(infer(t, src).Endpoints[0].Response); got != first {
			t.Fatalf("not deterministic:\n%s\n%s", first, got)
		}
	}
}

func TestConditionFitsRequest(t *testing.T) {
	for _, tt := range []struct{ when, want string }{
		{"body.user: larry", ""},
		{"body.a.b: d", `when body.a.b: a is a string, so there is nothing inside it`},
		{"body.user.name: x", `user is a string, so there is nothing inside it`},
		{"body.user: 5", `it compares user with 5, which the request types as a string`},
		{"body.n: 1.5", `it compares n with 1.5, which the request types as an integer`},
		{"body.n: 2", ""},
		{"body.x: 2.5", ""},
		{`"body.tags[0]": a`, ""},
		{"body.tags.k: a", `tags is a list, so it has no key "k"`},
		{"body.extra.deep: 1", ""},
		{"body.meta.any: 1", ""},
		{"body.user: null", `it compares user with null`},
	} {
		text := "version: 1\nname: T\nendpoints:\n  e:\n    method: POST\n    path: /e\n    request:\n      body: {user: larry, n: 1, x: 1.5, a: f, tags: [a], meta: {}}\n    responses:\n      - when: {" + tt.when + "}\n        status: 200\n      - status: 404\n"
		// Loading refuses such a spec, as every generator would.
		_, err := Parse("bb.yaml", []byte(text))
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.when, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "bb.yaml:10:")):
			t.Errorf("%s: err %v, want one at line 10 saying %q", tt.when, err, tt.want)
		}
	}
}

// TestMergePatch: a PATCH body is a JSON Merge Patch, so every key of every object in
// it is optional and may be null; arrays are replaced whole and keep their item rules.
func TestMergePatch(t *testing.T) {
	s := parseSpec(t, `version: 1
name: T
endpoints:
  updateThing:
    method: PATCH
    path: /things/{id}
    request:
      body: {title: a, meta: {color: red}, tags: [{name: x}]}
    responses:
      - status: 204
  addThing:
    method: POST
    path: /things
    request:
      body: {title: a}
    responses:
      - status: 201
`)
	ts, err := InferTypes(s, InferOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := show(ts.Endpoints[0].Request), "UpdateThingRequest{title?:string?, meta?:Meta{color?:string?}?, tags?:[Tag{name:string}]?}"; got != want {
		t.Errorf("PATCH body:\n got %s\nwant %s", got, want)
	}
	if !ts.Endpoints[0].Request.Object.MergePatch || ts.Endpoints[1].Request.Object.MergePatch {
		t.Error("only the PATCH body is a merge patch")
	}
	if got, want := show(ts.Endpoints[1].Request), "AddThingRequest{title:string}"; got != want {
		t.Errorf("POST body: got %s, want %s", got, want)
	}
}

func TestErrorFormat(t *testing.T) {
	spec := func(responses string) string {
		return "version: 1\nname: T\nendpoints:\n  a:\n    method: GET\n    path: /a\n    responses:\n" + responses + "  b:\n    method: GET\n    path: /b\n    responses:\n      - status: 404\n        body: {message: no b, code: 7}\n"
	}
	for _, tt := range []struct {
		responses string
		want      contract.ErrorFormat
	}{
		{"      - status: 404\n        body: {message: no a}\n", contract.ErrorFormat{Key: "message"}},
		{"      - status: 404\n        body: {error: no a, message: x}\n", contract.ErrorFormat{Key: "message"}},
		{"      - status: 404\n        body: {reason: no a}\n", contract.ErrorFormat{}},
		{"      - status: 422\n        headers: {Content-Type: application/problem+json}\n        body: {title: bad}\n", contract.ErrorFormat{Problem: true}},
		{"      - status: 200\n        body: {error: fine}\n", contract.ErrorFormat{Key: "message"}},
	} {
		if got := parseSpec(t, spec(tt.responses)).ErrorFormat(); got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.responses, got, tt.want)
		}
	}
}

// TestNamesIgnoreFileOrder: the same spec with its endpoints in another order gives every
// type the same name.
func TestNamesIgnoreFileOrder(t *testing.T) {
	a := "  getThing:\n    method: GET\n    path: /a\n    responses:\n      - when: {query.a: 1}\n        body: {x: {p: 1}}\n      - status: 404\n        body: {error: no}\n"
	b := "  addThing:\n    method: POST\n    path: /b\n    responses:\n      - when: {query.b: 1}\n        body: {x: {q: true}}\n      - status: 400\n        body: {message: bad}\n"
	names := func(src string) string {
		ts, err := InferTypes(parseSpec(t, "version: 1\nname: T\nendpoints:\n"+src), InferOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, et := range ts.Endpoints {
			out = append(out, et.Endpoint.Name+"="+show(et.Response)+"!"+show(et.Error))
		}
		sort.Strings(out)
		return strings.Join(out, " ")
	}
	if x, y := names(a+b), names(b+a); x != y {
		t.Errorf("names depend on the file's order:\n%s\n%s", x, y)
	}
}
