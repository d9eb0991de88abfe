package spec

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// mustParse parses a spec that must be valid.
func mustParse(t *testing.T, src string) *Spec {
	t.Helper()
	s, err := Parse(filepath.Join(t.TempDir(), FileName), []byte(dedent(src)))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return s
}

// oneWhen is a spec with one POST endpoint whose first response has the given `when`.
func oneWhen(when string) string {
	return `
		version: 1
		endpoints:
		  find:
		    method: POST
		    path: /find/{id}
		    responses:
		      - when:
		          ` + when + `
		      - status: 404
		`
}

func TestParseBodyPaths(t *testing.T) {
	tests := []struct {
		key  string
		want []Step
	}{
		{"body.user", []Step{{Key: "user", Index: -1}}},
		{"body.user.name", []Step{{Key: "user", Index: -1}, {Key: "name", Index: -1}}},
		{"body.items[0].id", []Step{{Key: "items", Index: -1}, {Index: 0}, {Key: "id", Index: -1}}},
		{"body.a.0.b", []Step{{Key: "a", Index: -1}, {Key: "0", Index: 0}, {Key: "b", Index: -1}}},
		{"body.grid[1][2]", []Step{{Key: "grid", Index: -1}, {Index: 1}, {Index: 2}}},
		{"body.[3]", []Step{{Index: 3}}},
		{"body.a.07", []Step{{Key: "a", Index: -1}, {Key: "07", Index: -1}}}, // not a canonical index: a key
		{"body.snake_case-key", []Step{{Key: "snake_case-key", Index: -1}}},
		{"body", nil},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			s := mustParse(t, oneWhen(`"`+tt.key+`": 1`))
			c := s.Endpoints[0].Responses[0].When[0]
			if c.Source != SourceBody || c.Key != tt.key {
				t.Errorf("condition = %s %q, want body %q", c.Source, c.Key, tt.key)
			}
			if !reflect.DeepEqual(c.Steps, tt.want) {
				t.Errorf("Steps = %+v, want %+v", c.Steps, tt.want)
			}
		})
	}
}

func TestParseConditions(t *testing.T) {
	s := mustParse(t, `
		version: 1
		endpoints:
		  find:
		    method: get
		    path: /find/{id}
		    responses:
		      - when: {query.page: 2, header.X-Mode: fast, path.id: 7, body.ok: true}
		        status: 201
		        headers: {X-Count: 3, X-Ok: true}
		        delay: 150ms
		        body: {ok: true}
		      - status: 404
		`)
	e := s.Endpoints[0]
	if e.Method != "GET" {
		t.Errorf("Method = %q, want lower-case get read as GET", e.Method)
	}
	if got, want := e.Pattern(), "GET /find/{id}"; got != want {
		t.Errorf("Pattern = %q, want %q", got, want)
	}
	if !reflect.DeepEqual(e.Params, []string{"id"}) {
		t.Errorf("Params = %v", e.Params)
	}
	r := e.Responses[0]
	var got []string
	for _, c := range r.When {
		got = append(got, string(c.Source)+"|"+c.Name+"|"+c.Value.String())
	}
	want := []string{"query|page|2", "header|X-Mode|\"fast\"", "path|id|7", "body|ok|true"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("conditions = %q, want %q", got, want)
	}
	if r.Status != 201 || r.Delay != 150*time.Millisecond {
		t.Errorf("status %d delay %v, want 201 150ms", r.Status, r.Delay)
	}
	var hs [][2]string
	for _, h := range r.Headers {
		hs = append(hs, [2]string{h.Name, h.Value})
	}
	if !reflect.DeepEqual(hs, [][2]string{{"X-Count", "3"}, {"X-Ok", "true"}}) {
		t.Errorf("Headers = %+v", r.Headers)
	}
	if fb := e.Responses[1]; len(fb.When) != 0 || fb.Status != 404 || fb.Body != nil {
		t.Errorf("fallback = %+v", fb)
	}
}

func TestParseValues(t *testing.T) {
	s := mustParse(t, `
		version: 1
		name: my shop
		endpoints:
		  show:
		    method: GET
		    path: /show/
		    responses:
		      - body:
		          zebra: 1
		          apple: 1.0
		          mango: 1e3
		          kiwi: [-2, 0.5, 1.5e-7, 12345678901234567890, 0x1F, 1_000]
		          date: 2024-01-02
		          quoted: "1"
		          empty: ~
		          yes: true
		          nested: {b: 2, a: [x, {y: z}]}
		`)
	if s.Name != "my shop" || s.TypeName() != "MyShop" {
		t.Errorf("Name %q TypeName %q", s.Name, s.TypeName())
	}
	if got, want := s.Endpoints[0].Pattern(), "GET /show/{$}"; got != want {
		t.Errorf("Pattern = %q, want %q (a trailing slash is that exact path)", got, want)
	}
	body := s.Endpoints[0].Responses[0].Body
	const want = `{"zebra":1,"apple":1.0,"mango":1000.0,"kiwi":[-2,0.5,1.5e-07,12345678901234567890,31,1000],` +
		`"date":"2024-01-02","quoted":"1","empty":null,"yes":true,"nested":{"b":2,"a":["x",{"y":"z"}]}}`
	if got := string(body.JSON()); got != want {
		t.Errorf("body JSON\n got %s\nwant %s", got, want)
	}
	if !json.Valid(body.JSON()) {
		t.Errorf("body JSON is not valid JSON")
	}
	for key, isInt := range map[string]bool{"zebra": true, "apple": false, "mango": false} {
		if got := body.Get(key).IsInt(); got != isInt {
			t.Errorf("%s IsInt = %v, want %v", key, got, isInt)
		}
	}
	if body.Get("missing") != nil {
		t.Errorf("Get of a missing key is not nil")
	}
	if p := body.Get("apple").Pos; p != (Pos{Line: 10, Col: 18}) {
		t.Errorf("apple value at %+v, want 10:18", p)
	}
}

func TestParseNumberLiterals(t *testing.T) {
	tests := []struct{ yaml, num string }{
		{"1", "1"},
		{"-1", "-1"},
		{"1.0", "1.0"},
		{"1.50", "1.5"},
		{"1e3", "1000.0"},
		{"1E3", "1000.0"},
		{"2.5e3", "2500.0"},
		{"1e21", "1e+21"},
		{"1e-7", "1e-07"},
		{".5", "0.5"},
		{"0o17", "15"},
		{"18446744073709551615", "18446744073709551615"},
	}
	for _, tt := range tests {
		t.Run(tt.yaml, func(t *testing.T) {
			s := mustParse(t, `
				version: 1
				endpoints:
				  show:
				    method: GET
				    path: /show
				    responses:
				      - body: {n: `+tt.yaml+`}
				`)
			n := s.Endpoints[0].Responses[0].Body.Get("n")
			if n.Kind != Number || n.Num != tt.num {
				t.Errorf("%s read as %s %q, want number %q", tt.yaml, n.Kind, n.Num, tt.num)
			}
		})
	}
}

func TestParseAnchorsAndAliases(t *testing.T) {
	s := mustParse(t, `
		version: 1
		endpoints:
		  list:
		    method: GET
		    path: /list
		    responses:
		      - body: &book {id: 1, tags: &tags [a, b]}
		  show:
		    method: GET
		    path: /show
		    responses:
		      - body: {book: *book, tags: *tags}
		`)
	got := s.Endpoints[1].Responses[0].Body.String()
	if want := `{"book":{"id":1,"tags":["a","b"]},"tags":["a","b"]}`; got != want {
		t.Errorf("aliased body = %s, want %s", got, want)
	}
}

func TestParseRequestAndServer(t *testing.T) {
	s := mustParse(t, `
		version: 1
		server: {port: 4100, host: 0.0.0.0}
		endpoints:
		  add:
		    summary: Adds one.
		    method: POST
		    path: /things
		    request:
		      query: {dryRun: true, page: 1}
		      headers: {Authorization: Bearer x}
		      body: {name: ada}
		    responses:
		      - status: 201
		`)
	if s.Version != 1 || s.Server != (Server{Port: 4100, Host: "0.0.0.0"}) {
		t.Errorf("Version %d Server %+v", s.Version, s.Server)
	}
	e := s.Endpoints[0]
	if e.Summary != "Adds one." || e.Request.Body.String() != `{"name":"ada"}` {
		t.Errorf("Summary %q body %s", e.Summary, e.Request.Body)
	}
	var q []string
	for _, nv := range e.Request.Query {
		q = append(q, nv.Name+"="+nv.Value.Text())
	}
	if !reflect.DeepEqual(q, []string{"dryRun=true", "page=1"}) {
		t.Errorf("query = %v", q)
	}
	if h := e.Request.Headers; len(h) != 1 || h[0].Name != "Authorization" || h[0].Value.Text() != "Bearer x" {
		t.Errorf("headers = %+v", h)
	}
}

func TestParseNameDefaultsToFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my-app")
	s, err := Parse(filepath.Join(dir, FileName), []byte("version: 1\nendpoints:\n  a: {method: GET, path: /, responses: [{status: 200}]}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Name != "MyApp" || s.Dir != dir {
		t.Errorf("Name %q Dir %q, want MyApp and the spec's folder", s.Name, s.Dir)
	}
}

func TestParseBodyFile(t *testing.T) {
	file := project(t)
	s, err := Parse(file, []byte(dedent(`
		version: 1
		endpoints:
		  show:
		    method: GET
		    path: /show
		    responses:
		      - bodyFile: responses/ok.json
		        headers: {Content-Type: application/json}
		`)))
	if err != nil {
		t.Fatal(err)
	}
	r := s.Endpoints[0].Responses[0]
	if r.BodyFile != "responses/ok.json" || r.BodyPath != filepath.Join(filepath.Dir(file), "responses", "ok.json") {
		t.Errorf("BodyFile %q BodyPath %q", r.BodyFile, r.BodyPath)
	}
}

// TestExamples loads every example project: they are the specs the README points at.
func TestExamples(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*", FileName))
	if len(dirs) < 2 {
		t.Fatalf("found %d examples, want at least messages and bookshelf", len(dirs))
	}
	for _, file := range dirs {
		t.Run(filepath.Base(filepath.Dir(file)), func(t *testing.T) {
			s, err := Load(filepath.Dir(file))
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if len(s.Endpoints) == 0 {
				t.Fatal("no endpoints")
			}
			for _, e := range s.Endpoints {
				if e.Method == "" || e.Path == "" || len(e.Responses) == 0 {
					t.Errorf("endpoint %s is incomplete: %+v", e.Name, e)
				}
			}
		})
	}
	s, err := Load(filepath.Join("..", "..", "examples", "messages"))
	if err != nil {
		t.Fatal(err)
	}
	e := s.Endpoints[0]
	if e.Name != "getMessages" || e.Pattern() != "POST /api/get_messages" || len(e.Responses) != 2 {
		t.Fatalf("messages example: %s %s with %d responses", e.Name, e.Pattern(), len(e.Responses))
	}
	if got := e.Responses[0].Body.String(); got != `{"messages":["test1","test2"]}` {
		t.Errorf("messages body = %s", got)
	}
	if got := e.Responses[1].Body.String(); e.Responses[1].Status != 404 || got != `{"error":"no user found"}` {
		t.Errorf("messages fallback = %d %s", e.Responses[1].Status, got)
	}
}

func TestLocate(t *testing.T) {
	dir := t.TempDir()
	if _, err := Locate(dir); err == nil || !strings.Contains(err.Error(), "bb init") {
		t.Errorf("Locate of a folder without bb.yaml: %v, want a hint to run bb init", err)
	}
	if _, err := Locate(filepath.Join(dir, "nope")); err == nil || !strings.Contains(err.Error(), "no such file or folder") {
		t.Errorf("Locate of a missing path: %v", err)
	}
	file := filepath.Join(dir, FileName)
	if err := os.WriteFile(file, []byte("version: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{dir, file} {
		if got, err := Locate(path); err != nil || got != file {
			t.Errorf("Locate(%q) = %q, %v; want %q", path, got, err, file)
		}
	}
}
