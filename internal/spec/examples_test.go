package spec

import (
	"github.com/backwards-backend/bb/internal/contract"

	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// caseLine renders a case compactly for the tables: the request line, the headers in
// the order listed, and the body.
func caseLine(c Case, headers ...string) string {
	s := c.Target()
	for _, h := range headers {
		if v := c.Header.Get(h); v != "" {
			s += " " + h + ": " + v
		}
	}
	if c.Body != nil {
		s += " " + c.Body.String()
	}
	if c.Unreachable != "" {
		s += " UNREACHABLE " + c.Unreachable
	}
	return s
}

func TestCases(t *testing.T) {
	tests := []struct {
		name    string
		yaml    string // the endpoints: section's one endpoint, named e
		headers []string
		want    []string
	}{
		{
			name: "messages: the fallback gets another user",
			yaml: `
				method: POST
				path: /api/get_messages
				request: {body: {user: larry}}
				responses:
				  - when: {body.user: larry}
				    body: {messages: [a]}
				  - status: 404`,
			want: []string{
				`POST /api/get_messages {"user":"larry"}`,
				`POST /api/get_messages {"user":"not-larry"}`,
			},
		},
		{
			name: "path values avoid every earlier one",
			yaml: `
				method: GET
				path: /books/{id}
				responses:
				  - when: {path.id: 1}
				  - when: {path.id: 2}
				  - status: 404`,
			want: []string{"GET /books/1", "GET /books/2", "GET /books/3"},
		},
		{
			name: "a query value that matches no earlier condition is kept",
			yaml: `
				method: GET
				path: /books
				request: {query: {page: 1, genre: fantasy}}
				responses:
				  - when: {query.page: 2}
				  - when: {query.genre: fantasy}
				  - status: 200`,
			want: []string{
				"GET /books?genre=fantasy&page=2",
				"GET /books?genre=fantasy&page=1",
				"GET /books?genre=not-fantasy&page=1",
			},
		},
		{
			name: "numbers in query compare by value, so 2.0 is changed too",
			yaml: `
				method: GET
				path: /books
				request: {query: {page: 2.0}}
				responses:
				  - when: {query.page: 2}
				  - status: 200`,
			want: []string{"GET /books?page=2", "GET /books?page=3"},
		},
		{
			name: "headers are matched case-insensitively; booleans are negated",
			yaml: `
				method: POST
				path: /x
				request: {headers: {x-mode: fast}, body: {flag: true}}
				responses:
				  - when: {header.X-Mode: fast, body.flag: true}
				  - when: {header.x-mode: slow}
				  - status: 400`,
			headers: []string{"X-Mode"},
			want: []string{
				`POST /x X-Mode: fast {"flag":true}`,
				`POST /x X-Mode: slow {"flag":false}`,
				`POST /x X-Mode: not-fast {"flag":false}`,
			},
		},
		{
			name: "body paths make objects and arrays as needed",
			yaml: `
				method: POST
				path: /x
				responses:
				  - when: {"body.items[1].id": 7}
				  - when: {body.user.name: ann}
				  - status: 400`,
			want: []string{
				`POST /x {"items":[null,{"id":7}]}`,
				`POST /x {"user":{"name":"ann"}}`,
				`POST /x`,
			},
		},
		{
			name: "a placeholder for a path parameter nothing gives a value",
			yaml: `
				method: GET
				path: /things/{slug}/{n}
				responses:
				  - when: {path.n: a b/c}`,
			want: []string{"GET /things/example/a%20b%2Fc"},
		},
		{
			name: "an earlier response that tests the same values cannot be passed",
			yaml: `
				method: POST
				path: /x
				responses:
				  - when: {body.a: 1}
				  - when: {body.a: 1, body.b: 2}
				  - status: 404`,
			want: []string{
				`POST /x {"a":1}`,
				`POST /x {"a":1,"b":2} UNREACHABLE not reachable, add an example: response 1 (when body.a) answers first; write the request that reaches it under this response's ` + "`example:`" + ` (body, query, headers, path)`,
				`POST /x`,
			},
		},
		{
			name: "an example reaches what derivation cannot",
			yaml: `
				method: POST
				path: /users/{id}
				request: {body: {user: {name: ann}}, headers: {X-Key: k}}
				responses:
				  - when: {body.user: {name: ann}}
				  - when: {body.user.name: ann}
				    example: {body: {user: {name: ann, age: 3}}, path: {id: 9}}
				  - status: 404`,
			headers: []string{"X-Key"},
			want: []string{
				`POST /users/example X-Key: k {"user":{"name":"ann"}}`,
				`POST /users/9 X-Key: k {"user":{"name":"ann","age":3}}`,
				`POST /users/example X-Key: k {"user":{}}`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "version: 1\nendpoints:\n  e:\n" + indent(dedent(tt.yaml), "    ")
			s, err := Parse("bb.yaml", []byte(src))
			if err != nil {
				t.Fatalf("Parse: %v\n%s", err, src)
			}
			cases := Cases(s.Endpoints[0])
			if len(cases) != len(tt.want) {
				t.Fatalf("%d cases, want %d", len(cases), len(tt.want))
			}
			for i, c := range cases {
				if got := caseLine(c, tt.headers...); got != tt.want[i] {
					t.Errorf("case %d:\n got %s\nwant %s", i+1, got, tt.want[i])
				}
				if c.Index != i+1 || c.Response != s.Endpoints[0].Responses[i] {
					t.Errorf("case %d: Index %d, wrong Response", i+1, c.Index)
				}
			}
		})
	}
}

func indent(s, prefix string) string {
	lines := strings.Split(s, "\n")
	for i := range lines {
		lines[i] = prefix + lines[i]
	}
	return strings.Join(lines, "\n") + "\n"
}

func TestCasesBorrowPathValues(t *testing.T) {
	s, err := Load(filepath.Join("..", "..", "examples", "bookshelf"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range s.Endpoints {
		if e.Name == "removeBook" {
			c := Cases(e)[0]
			if c.Path != "/v1/books/1" || c.Name() != "removeBook response 1 (204)" {
				t.Errorf("removeBook: %s %s", c.Name(), c.Target())
			}
		}
	}
}

func TestExampleErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{
			name: "an example that does not reach its response",
			yaml: `
				method: POST
				path: /x
				responses:
				  - when: {body.a: 1}
				  - status: 404
				    example: {body: {a: 1}}`,
			want: "bb.yaml:9:18: endpoint e: response 2: its example does not reach it: response 1 (when body.a) answers first",
		},
		{
			name: "an example whose own conditions fail",
			yaml: `
				method: GET
				path: /x
				responses:
				  - when: {query.q: 1}
				    example:
				      query: {q: 2}`,
			want: `bb.yaml:9:11: endpoint e: response 1: its example does not reach it: its condition query.q: 1 does not hold (the request has "2")`,
		},
		{
			name: "a misspelt example key",
			yaml: `
				method: GET
				path: /x/{id}
				responses:
				  - example: {qurey: {a: 1}, path: {idd: 1}}`,
			want: "bb.yaml:7:19: unknown key \"qurey\" in endpoint e: response 1: example; did you mean \"query\"?\n" +
				"bb.yaml:7:41: endpoint e: response 1: example.path: \"idd\" is not a parameter of path \"/x/{id}\"; did you mean \"id\"?",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "version: 1\nendpoints:\n  e:\n" + indent(dedent(tt.yaml), "    ")
			_, err := Parse("bb.yaml", []byte(src))
			if err == nil || err.Error() != tt.want {
				t.Errorf("Parse error:\n%v\nwant:\n%s\n%s", err, tt.want, src)
			}
		})
	}
}

// FuzzCases checks on any spec bb accepts that every case it calls reachable reaches its
// response when sent through net/http's ServeMux (the router bb serve and ejected servers
// use) and read with the stub server's condition rules.
func FuzzCases(f *testing.F) {
	examples, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*", FileName))
	for _, file := range examples {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	file := filepath.Join("..", "..", "examples", "bookshelf", FileName)
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse(file, data)
		if err != nil {
			return
		}
		for _, e := range s.Endpoints {
			for _, c := range Cases(e) {
				if c.Unreachable != "" {
					if c.Response.Example != nil {
						t.Fatalf("%s: Parse accepted an example that does not reach it: %s", c.Name(), c.Unreachable)
					}
					continue
				}
				got := answer(t, e, c)
				if got != c.Index {
					t.Fatalf("%s: %s reaches response %d", c.Name(), caseLine(c), got)
				}
			}
		}
	})
}

// answer sends c through a ServeMux holding only its endpoint and returns the index of
// the response that answers it, -1 when the mux does not route it to the endpoint.
func answer(t *testing.T, e *Endpoint, c Case) int {
	got := -1
	mux := http.NewServeMux()
	mux.HandleFunc(e.Pattern(), func(w http.ResponseWriter, r *http.Request) {
		var body []byte
		if c.Body != nil {
			body = c.Body.JSON()
		}
		got = e.Answering(contract.NewRequest(r, body))
	})
	target := "http://127.0.0.1" + c.Path
	if len(c.Query) > 0 {
		target += "?" + c.Query.Encode()
	}
	req := httptest.NewRequest(c.Method, target, nil)
	for k, vs := range c.Header {
		req.Header[k] = vs
	}
	mux.ServeHTTP(httptest.NewRecorder(), req)
	return got
}
