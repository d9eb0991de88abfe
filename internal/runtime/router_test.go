package runtime

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/backwards-backend/bb/internal/spec"
)

func loadRouter(t testing.TB, path string, opt Options) *Router {
	t.Helper()
	s, err := spec.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	rt := Compile(s, opt)
	return rt
}

// routerFromText compiles a spec written inline, in a temp folder with the given files.
func routerFromText(t testing.TB, text string, files map[string]string, opt Options) *Router {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	file := filepath.Join(dir, "bb.yaml")
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return loadRouter(t, file, opt)
}

type call struct {
	name    string
	method  string
	target  string
	body    string
	header  map[string]string
	status  int
	want    string            // the exact body, when set
	has     []string          // substrings the body must hold
	headers map[string]string // response headers that must be present
}

func (c call) run(t *testing.T, h http.Handler) {
	t.Helper()
	var body io.Reader
	if c.body != "" {
		body = strings.NewReader(c.body)
	}
	req := httptest.NewRequest(c.method, c.target, body)
	for k, v := range c.header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	got := rec.Body.String()
	if rec.Code != c.status {
		t.Errorf("%s: status %d, want %d (body %s)", c.name, rec.Code, c.status, got)
	}
	if c.want != "" && got != c.want {
		t.Errorf("%s: body\n got %s\nwant %s", c.name, got, c.want)
	}
	for _, s := range c.has {
		if !strings.Contains(got, s) {
			t.Errorf("%s: body %s lacks %q", c.name, got, s)
		}
	}
	for k, v := range c.headers {
		if g := rec.Header().Get(k); g != v {
			t.Errorf("%s: header %s = %q, want %q", c.name, k, g, v)
		}
	}
}

func TestMessagesExample(t *testing.T) {
	h := NewServer(loadRouter(t, "../../examples/messages", Options{}), nil)
	for _, c := range []call{
		{name: "larry", method: "POST", target: "/api/get_messages", body: `{"user":"larry"}`, status: 200,
			want: `{"messages":["test1","test2"]}`, headers: map[string]string{"Content-Type": "application/json"}},
		{name: "larry with spaces", method: "POST", target: "/api/get_messages", body: ` { "user" : "larry" } `, status: 200, want: `{"messages":["test1","test2"]}`},
		{name: "other user", method: "POST", target: "/api/get_messages", body: `{"user":"bob"}`, status: 404, want: `{"error":"no user found"}`},
		{name: "no body falls back", method: "POST", target: "/api/get_messages", status: 404, want: `{"error":"no user found"}`},
		{name: "user is a number", method: "POST", target: "/api/get_messages", body: `{"user":1}`, status: 404},
		{name: "not JSON", method: "POST", target: "/api/get_messages", body: `user=larry`, status: 400,
			has: []string{`"error":"endpoint getMessages has a body condition, so the request body must be JSON: invalid character`}, headers: map[string]string{"Content-Type": "application/json"}},
		{name: "trailing garbage", method: "POST", target: "/api/get_messages", body: `{"user":"larry"} x`, status: 400},
		{name: "wrong method", method: "GET", target: "/api/get_messages", status: 405,
			headers: map[string]string{"Allow": "OPTIONS, POST"}, has: []string{`"allowed":["OPTIONS","POST"]`}},
		{name: "unknown route", method: "POST", target: "/api/get_message", body: `{"user":"larry"}`, status: 404,
			has: []string{`"closest":["POST /api/get_messages"]`, `no endpoint answers POST /api/get_message`}},
		{name: "far route names none", method: "GET", target: "/completely/elsewhere/entirely", status: 404, has: []string{`"closest":[]`}},
		{name: "CORS on answers", method: "POST", target: "/api/get_messages", body: `{"user":"larry"}`, status: 200,
			headers: map[string]string{"Access-Control-Allow-Origin": "*"}},
		{name: "preflight", method: "OPTIONS", target: "/api/get_messages", status: 204,
			header: map[string]string{"Origin": "http://localhost:3000", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type, authorization"},
			headers: map[string]string{"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Credentials": "",
				"Access-Control-Allow-Methods": "POST", "Access-Control-Allow-Headers": "Authorization, Content-Type"}},
	} {
		c.run(t, h)
	}
}

func TestBookshelfExample(t *testing.T) {
	h := NewServer(loadRouter(t, "../../examples/bookshelf", Options{}), nil)
	books, err := os.ReadFile("../../examples/bookshelf/responses/books.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []call{
		{name: "query page", method: "GET", target: "/v1/books?page=2", status: 200, want: `[]`, headers: map[string]string{"X-Total-Count": "3"}},
		{name: "query number compares by value", method: "GET", target: "/v1/books?page=2.0", status: 200, want: `[]`},
		{name: "query genre", method: "GET", target: "/v1/books?genre=fantasy", status: 200, has: []string{`"title":"The Hobbit"`}, headers: map[string]string{"X-Total-Count": "1"}},
		{name: "repeated query value", method: "GET", target: "/v1/books?genre=scifi&genre=fantasy", status: 200, has: []string{`The Hobbit`}},
		{name: "bodyFile fallback", method: "GET", target: "/v1/books", status: 200, want: string(books), headers: map[string]string{"Content-Type": "application/json"}},
		{name: "path param 1", method: "GET", target: "/v1/books/1", status: 200, has: []string{`"series":null`, `"published_at":"1937-09-21T00:00:00Z"`}},
		{name: "path param 2", method: "GET", target: "/v1/books/2", status: 200, has: []string{`"series":{"name":"Standalone","position":1}`}},
		{name: "path param other", method: "GET", target: "/v1/books/99", status: 404, want: `{"error":"book not found"}`},
		{name: "header condition", method: "POST", target: "/v1/books", body: `{"title":"Dune"}`, header: map[string]string{"Authorization": "Bearer secret-token"}, status: 201,
			headers: map[string]string{"Location": "/v1/books/3"}},
		{name: "header missing", method: "POST", target: "/v1/books", body: `{"title":"Dune"}`, status: 401, headers: map[string]string{"WWW-Authenticate": "Bearer"}},
		{name: "nested body condition", method: "PUT", target: "/v1/books/1/rating", body: `{"stars":4,"review":{"spoilers":true}}`, status: 422, has: []string{"no spoilers"}},
		{name: "number condition", method: "PUT", target: "/v1/books/1/rating", body: `{"stars":0.0}`, status: 422, has: []string{"between 1 and 5"}},
		{name: "body fallback", method: "PUT", target: "/v1/books/1/rating", body: `{"stars":5}`, status: 200},
		{name: "no content", method: "DELETE", target: "/v1/books/1", status: 204, want: ""},
		{name: "HEAD on a GET route", method: "HEAD", target: "/v1/books/1", status: 200},
		{name: "405 lists methods", method: "PATCH", target: "/v1/books/7", status: 405, headers: map[string]string{"Allow": "DELETE, GET, HEAD, OPTIONS"}},
	} {
		c.run(t, h)
	}
}

func TestConditions(t *testing.T) {
	rt := routerFromText(t, `
version: 1
endpoints:
  search:
    method: POST
    path: /search/{kind}
    responses:
      - when:
          body.filters[1].tag: new
          query.sort: asc
        body: {hit: index-and-query}
      - when: {body.items.0: 7}
        body: {hit: dot-index}
      - when: {body: [1, 2]}
        body: {hit: whole-body}
      - when: {body.flag: true, path.kind: books}
        body: {hit: bool-and-path}
      - when: {body.missing: null}
        body: {hit: explicit-null}
      - when: {header.X-Client: ios}
        body: {hit: header}
      - when: {body.obj: {b: 2, a: 1}}
        body: {hit: object-any-order}
`, nil, Options{})
	h := NewServer(rt, nil)
	for _, c := range []call{
		{name: "index and query", method: "POST", target: "/search/x?sort=asc", body: `{"filters":[{"tag":"old"},{"tag":"new"}]}`, status: 200, want: `{"hit":"index-and-query"}`},
		{name: "all conditions must hold", method: "POST", target: "/search/x?sort=desc", body: `{"filters":[{"tag":"old"},{"tag":"new"}]}`, status: 404, has: []string{`response 1: query.sort: want \"asc\", got \"desc\"`}},
		{name: "index out of range", method: "POST", target: "/search/x?sort=asc", body: `{"filters":[{"tag":"new"}]}`, status: 404},
		{name: "dot index", method: "POST", target: "/search/x", body: `{"items":[7.0]}`, status: 200, want: `{"hit":"dot-index"}`},
		{name: "whole body", method: "POST", target: "/search/x", body: `[1,2]`, status: 200, want: `{"hit":"whole-body"}`},
		{name: "bool and path", method: "POST", target: "/search/books", body: `{"flag":true}`, status: 200, want: `{"hit":"bool-and-path"}`},
		{name: "path differs", method: "POST", target: "/search/films", body: `{"flag":true}`, status: 404, has: []string{`response 4: path.kind: want \"books\", got \"films\"`}},
		{name: "null must be present", method: "POST", target: "/search/x", body: `{"missing":null}`, status: 200, want: `{"hit":"explicit-null"}`},
		{name: "absent is not null", method: "POST", target: "/search/x", body: `{}`, status: 404},
		{name: "header case-insensitive name", method: "POST", target: "/search/x", header: map[string]string{"x-client": "ios"}, status: 200, want: `{"hit":"header"}`},
		{name: "object key order ignored", method: "POST", target: "/search/x", body: `{"obj":{"a":1,"b":2}}`, status: 200, want: `{"hit":"object-any-order"}`},
		{name: "no fallback: 404 says why", method: "POST", target: "/search/x", body: `{"obj":{"a":1}}`, status: 404, has: []string{`"endpoint":"search"`, `"unmatched":[`}},
	} {
		c.run(t, h)
	}
}

func TestBodyLimit(t *testing.T) {
	rt := routerFromText(t, "version: 1\nendpoints:\n  echo:\n    method: POST\n    path: /echo\n    responses: [{body: {ok: true}}]\n", nil, Options{MaxBody: 16})
	h := NewServer(rt, nil)
	call{name: "under", method: "POST", target: "/echo", body: `{"a":1}`, status: 200}.run(t, h)
	call{name: "over", method: "POST", target: "/echo", body: strings.Repeat("x", 17), status: 413, has: []string{"larger than 16 bytes"}}.run(t, h)
}

func TestNoCORS(t *testing.T) {
	h := NewServer(loadRouter(t, "../../examples/messages", Options{NoCORS: true}), nil)
	req := httptest.NewRequest("POST", "/api/get_messages", strings.NewReader(`{"user":"larry"}`))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if v := rec.Header().Get("Access-Control-Allow-Origin"); v != "" {
		t.Errorf("CORS header sent with NoCORS: %q", v)
	}
}

func TestDelay(t *testing.T) {
	rt := routerFromText(t, "version: 1\nendpoints:\n  slow:\n    method: GET\n    path: /slow\n    responses: [{delay: 30ms, body: {ok: true}}]\n", nil, Options{})
	h := NewServer(rt, nil)
	start := time.Now()
	call{name: "slow", method: "GET", target: "/slow", status: 200}.run(t, h)
	if d := time.Since(start); d < 30*time.Millisecond {
		t.Errorf("answered after %v, before the 30ms delay", d)
	}
}

func TestBodyFileContentType(t *testing.T) {
	rt := routerFromText(t, "version: 1\nendpoints:\n  page:\n    method: GET\n    path: /page\n    responses: [{bodyFile: static/page.html}]\n",
		map[string]string{"static/page.html": "<h1>hi</h1>"}, Options{})
	call{name: "html", method: "GET", target: "/page", status: 200, want: "<h1>hi</h1>", headers: map[string]string{"Content-Type": "text/html; charset=utf-8"}}.run(t, NewServer(rt, nil))
}

// TestCompileServesWhatTheSpecRead: the server sends the bodyFile bytes the spec was
// validated with; a later change to the file reaches clients only through a reload,
// which validates it again.
func TestCompileServesWhatTheSpecRead(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "data.json"), []byte(`{"v":1}`), 0o644)
	file := filepath.Join(dir, "bb.yaml")
	os.WriteFile(file, []byte("version: 1\nendpoints:\n  x:\n    method: GET\n    path: /x\n    responses:\n      - bodyFile: data.json\n"), 0o644)
	s, err := spec.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "data.json"), []byte("{nope"), 0o644)
	call{name: "validated bytes", method: "GET", target: "/x", status: 200, want: `{"v":1}`}.run(t, NewServer(Compile(s, Options{}), nil))
}

func TestRequestLog(t *testing.T) {
	var out strings.Builder
	log := NewLineWriter(&out, 0)
	h := NewServer(loadRouter(t, "../../examples/messages", Options{}), log)
	for _, body := range []string{`{"user":"larry"}`, `{"user":"bob"}`} {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("POST", "/api/get_messages", strings.NewReader(body)))
	}
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("POST", "/api/send_message?to=bob", strings.NewReader(`{"text":"hi"}`)))
	got := out.String()
	for _, want := range []string{
		"POST /api/get_messages 200 ",
		"getMessages → response 1\n",
		"POST /api/get_messages 404 ",
		"getMessages → response 2 (fallback)\n",
		"POST /api/send_message?to=bob 404 ",
		"no endpoint (closest: POST /api/get_messages); to stub it, add under endpoints: in bb.yaml:\n" +
			"  sendMessage:\n    method: POST\n    path: /api/send_message\n    request:\n      query: {to: \"bob\"}\n      body: {\"text\":\"hi\"}\n" +
			"    responses:\n      - status: 200\n        body: {}   # the JSON the app expects\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("log lacks %q:\n%s", want, got)
		}
	}
}

func TestSnippet(t *testing.T) {
	for _, c := range []struct {
		method, path string
		query        map[string][]string
		body         string
		want         string
	}{
		{"GET", "/users/42/posts/7", nil, "", "  getUsersPosts:\n    method: GET\n    path: /users/{userId}/posts/{postId}\n"},
		{"GET", "/v2/feed", map[string][]string{"limit": {"20"}, "q": {"cats"}}, "", "  getFeed:\n    method: GET\n    path: /v2/feed\n    request:\n      query: {limit: 20, q: \"cats\"}\n"},
		{"POST", "/api/login", nil, `{"email":"a@b.c"}`, "  login:\n    method: POST\n    path: /api/login\n    request:\n      body: {\"email\":\"a@b.c\"}\n"},
		{"DELETE", "/items/550e8400-e29b-41d4-a716-446655440000", nil, "", "  deleteItems:\n    method: DELETE\n    path: /items/{itemId}\n"},
		{"PUT", "/a/1/2", nil, "not json", "  updateA:\n    method: PUT\n    path: /a/{aId}/{id}\n    responses:"},
		{"GET", "/", nil, "", "  get:\n    method: GET\n    path: /\n"},
		{"POST", "/v1/books/1/", nil, "", "  createBooks:\n    method: POST\n    path: /v1/books/{bookId}/\n"},
	} {
		got := Snippet(nil, c.method, c.path, c.query, []byte(c.body))
		if !strings.HasPrefix(got, c.want) {
			t.Errorf("Snippet(%s %s) =\n%s\nwant prefix\n%s", c.method, c.path, got, c.want)
		}
		// The snippet must itself be a valid endpoint.
		doc := "version: 1\nendpoints:\n" + got
		if _, err := spec.Parse(filepath.Join(t.TempDir(), "bb.yaml"), []byte(doc)); err != nil {
			t.Errorf("snippet for %s %s does not parse: %v\n%s", c.method, c.path, err, doc)
		}
	}
}

func TestLongPathHasNoClosest(t *testing.T) {
	h := NewServer(loadRouter(t, "../../examples/bookshelf", Options{}), nil)
	// Edit distance on a path this long would take minutes; bb names no closest route.
	long := "/v1/books/" + strings.Repeat("a", 200_000) + "/x"
	call{name: "long path", method: "GET", target: long, status: 404, has: []string{`"closest":[]`}}.run(t, h)
}

func TestLogEscapesControlCharacters(t *testing.T) {
	var out strings.Builder
	rt := routerFromText(t, "version: 1\nendpoints:\n  h:\n    method: GET\n    path: /h\n    responses: [{when: {header.Authorization: Bearer secret-token}, status: 204}]\n", nil, Options{})
	h := NewServer(rt, NewLineWriter(&out, 0))
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/x%1b]0;owned%07%0aFAKE", nil))
	req := httptest.NewRequest("GET", "/h", nil)
	req.Header.Set("Authorization", "\x1b[2J")
	h.ServeHTTP(httptest.NewRecorder(), req)
	got := out.String()
	if strings.ContainsAny(got, "\x1b\x07") || strings.Contains(got, "\nFAKE") {
		t.Errorf("log holds raw control characters:\n%q", got)
	}
	if !strings.Contains(got, "path: /x%1b]0;owned%07%0aFAKE") {
		t.Errorf("snippet path is not the escaped path:\n%s", got)
	}
	if !strings.Contains(got, `header.Authorization: want "Bearer secret-token", got "\x1b[2J"`) {
		t.Errorf("miss does not quote the header:\n%s", got)
	}
}

func TestHTTPDetails(t *testing.T) {
	rt := routerFromText(t, `
version: 1
endpoints:
  byHost:
    method: GET
    path: /host
    responses:
      - when: {header.Host: api.local}
        body: {host: api.local}
      - status: 404
  varies:
    method: GET
    path: /varies
    responses: [{headers: {Vary: Accept}, body: {ok: true}}]
`, nil, Options{CORSOrigins: "http://localhost:3000"})
	h := NewServer(rt, nil)
	req := httptest.NewRequest("GET", "/host", nil)
	req.Host = "api.local"
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Errorf("header.Host condition: %d %s", rec.Code, rec.Body)
	}
	req = httptest.NewRequest("GET", "/varies", nil)
	req.Header.Set("Origin", "http://localhost:3000")
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if got := rec.Header().Values("Vary"); !slices.Contains(got, "Origin") || !slices.Contains(got, "Accept") {
		t.Errorf("Vary = %q, want both Origin and Accept", got)
	}
	call{name: "plain OPTIONS", method: "OPTIONS", target: "/varies", status: 204, headers: map[string]string{"Allow": "GET, HEAD, OPTIONS"}}.run(t, h)
	// The body limit holds for the router on its own too.
	small := routerFromText(t, "version: 1\nendpoints:\n  e:\n    method: POST\n    path: /e\n    responses: [{when: {body.a: 1}, body: {}}, {status: 204}]\n", nil, Options{MaxBody: 16})
	call{name: "router limit", method: "POST", target: "/e", body: strings.Repeat(" ", 64), status: 413}.run(t, small)
}

func TestSpecOptionsEndpointBeatsPreflight(t *testing.T) {
	rt := routerFromText(t, "version: 1\nendpoints:\n  opts:\n    method: OPTIONS\n    path: /o\n    responses: [{status: 200, body: {mine: true}}]\n", nil, Options{})
	call{name: "spec OPTIONS", method: "OPTIONS", target: "/o", status: 200, want: `{"mine":true}`,
		header: map[string]string{"Origin": "http://x", "Access-Control-Request-Method": "GET"}}.run(t, NewServer(rt, nil))
}

func TestSnippetFromEscapedPathParses(t *testing.T) {
	for _, p := range []string{"/files/my%20file", "/users/%23frag", "/a%7Bb%7D"} {
		doc := "version: 1\nendpoints:\n" + Snippet(nil, "GET", p, nil, nil)
		if _, err := spec.Parse(filepath.Join(t.TempDir(), "bb.yaml"), []byte(doc)); err != nil {
			t.Errorf("snippet for %s does not parse: %v\n%s", p, err, doc)
		}
	}
}

func TestRedirectIsExplainedInTheLog(t *testing.T) {
	var out strings.Builder
	rt := routerFromText(t, "version: 1\nendpoints:\n  dir:\n    method: GET\n    path: /dir/\n    responses: [{body: {ok: true}}]\n", nil, Options{})
	h := NewServer(rt, NewLineWriter(&out, 0))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/dir", nil))
	if rec.Code < 300 || rec.Code >= 400 || !strings.Contains(out.String(), "redirected to /dir/, the path as the spec writes it") {
		t.Errorf("status %d, log %q", rec.Code, out.String())
	}
	call{name: "exact trailing slash", method: "GET", target: "/dir/", status: 200}.run(t, h)
	call{name: "no prefix match", method: "GET", target: "/dir/more", status: 404}.run(t, h)
}

// TestRouterNilBody: a Router is an http.Handler anyone may call, with a request whose
// Body is nil (as a hand-built server-side request can be).
func TestRouterNilBody(t *testing.T) {
	rt := loadRouter(t, "../../examples/bookshelf", Options{})
	req := httptest.NewRequest("GET", "/v1/books?page=2", nil)
	req.Body = nil
	rec := httptest.NewRecorder()
	rt.ServeHTTP(rec, req)
	if rec.Code != 200 || rec.Body.String() != "[]" {
		t.Errorf("got %d %s", rec.Code, rec.Body)
	}
}

// TestTrailingSlash: as in the ejected server (contract's TestSlash), a path that differs
// by a trailing slash is redirected both ways for GET and HEAD; other methods get a 404
// naming the spec's path, and the log never offers a stub for the duplicate.
func TestTrailingSlash(t *testing.T) {
	var out strings.Builder
	rt := routerFromText(t, `version: 1
endpoints:
  sendMessage:
    method: POST
    path: /api/send_message
    responses: [{body: {ok: true}}]
  getList:
    method: GET
    path: /api/list/
    responses: [{body: {items: []}}]
  getMessage:
    method: GET
    path: /api/messages/{id}
    responses: [{body: {id: 1}}]
`, nil, Options{})
	h := NewServer(rt, NewLineWriter(&out, 0))
	for _, c := range []call{
		{name: "add a slash", method: "GET", target: "/api/list", status: 307, headers: map[string]string{"Location": "/api/list/"}},
		{name: "drop a slash", method: "GET", target: "/api/messages/7/?full=1", status: 307, headers: map[string]string{"Location": "/api/messages/7?full=1"}},
		{name: "HEAD too", method: "HEAD", target: "/api/messages/7/", status: 307, headers: map[string]string{"Location": "/api/messages/7"}},
		{name: "POST is not redirected", method: "POST", target: "/api/send_message/", body: `{"a":1}`, status: 404,
			want: `{"error":"no endpoint POST /api/send_message/; did you mean /api/send_message?"}` + "\n"},
	} {
		c.run(t, h)
	}
	log := out.String()
	for _, want := range []string{
		"GET /api/list 307", "redirected to /api/list/, the path as the spec writes it",
		"redirected to /api/messages/7, the path as the spec writes it",
		"POST /api/send_message/ 404", "no endpoint; did you mean /api/send_message? (the spec's path differs by a trailing slash)",
	} {
		if !strings.Contains(log, want) {
			t.Errorf("the log lacks %q:\n%s", want, log)
		}
	}
	if strings.Contains(log, "to stub it") {
		t.Errorf("the log suggests a stub for a path the spec has, but for a slash:\n%s", log)
	}
}
