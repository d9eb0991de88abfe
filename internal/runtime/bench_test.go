package runtime_test

// Benchmarks of the stub server's request path, without the network: run them with
//
//	go test -run '^$' -bench . -benchmem ./runtime
//
// Plain `go test` compiles them and runs none; `go test -bench` checks every case's
// answer once before timing it, so a wrong match fails instead of being measured.

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/backwards-backend/bb/internal/contract"
	"github.com/backwards-backend/bb/internal/runtime"
	"github.com/backwards-backend/bb/internal/spec"
)

// discardWriter is the cheapest http.ResponseWriter that still behaves like one: it
// keeps the header map and status and throws the body away, so a benchmark measures bb
// rather than httptest's recorder.
type discardWriter struct {
	h      http.Header
	status int
	body   bytes.Buffer
	keep   bool // keep the body, to check an answer before timing
}

func (w *discardWriter) Header() http.Header { return w.h }

func (w *discardWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
}

func (w *discardWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	if w.keep {
		w.body.Write(b)
	}
	return len(b), nil
}

func (w *discardWriter) reset() {
	clear(w.h)
	w.status = 0
	w.body.Reset()
}

// rewindBody is a request body that can be read again after each request.
type rewindBody struct {
	bytes.Reader
	data []byte
}

func (b *rewindBody) Close() error { return nil }
func (b *rewindBody) rewind()      { b.Reset(b.data) }

// benchCase is one request and the answer it must get.
type benchCase struct {
	name       string
	example    string // folder under examples/
	method     string
	target     string
	header     map[string]string
	body       string
	wantStatus int
	wantBody   string // a prefix of the expected body; "" to skip
}

var matchCases = []benchCase{
	{name: "body_hit", example: "messages", method: "POST", target: "/api/get_messages",
		body: `{"user":"larry"}`, wantStatus: 200, wantBody: `{"messages":["test1","test2"]}`},
	{name: "body_fallback", example: "messages", method: "POST", target: "/api/get_messages",
		body: `{"user":"bob"}`, wantStatus: 404, wantBody: `{"error":"no user found"}`},
	{name: "query", example: "bookshelf", method: "GET", target: "/v1/books?genre=fantasy&page=1",
		wantStatus: 200, wantBody: `[{"id":1,"title":"The Hobbit"`},
	{name: "path_param", example: "bookshelf", method: "GET", target: "/v1/books/2",
		wantStatus: 200, wantBody: `{"id":2,"title":"Piranesi"`},
	{name: "header", example: "bookshelf", method: "POST", target: "/v1/books",
		header: map[string]string{"Authorization": "Bearer nope"},
		body:   `{"title":"Dune"}`, wantStatus: 401, wantBody: `{"error":"sign in first"}`},
	{name: "nested_body", example: "bookshelf", method: "PUT", target: "/v1/books/1/rating",
		body: `{"stars":5,"review":{"text":"Loved it","spoilers":true}}`, wantStatus: 422, wantBody: `{"error":"no spoilers please"}`},
}

func compileExample(b *testing.B, name string) *runtime.Router {
	b.Helper()
	s, err := spec.Load("../../examples/" + name)
	if err != nil {
		b.Fatal(err)
	}
	return runtime.Compile(s, runtime.Options{})
}

// newRequest builds a request once; the benchmark loop only rewinds its body.
func (c benchCase) newRequest(b *testing.B) (*http.Request, *rewindBody) {
	b.Helper()
	req, err := http.NewRequest(c.method, "http://127.0.0.1:4000"+c.target, nil)
	if err != nil {
		b.Fatal(err)
	}
	req.RemoteAddr = "127.0.0.1:50000"
	for k, v := range c.header {
		req.Header.Set(k, v)
	}
	var body *rewindBody
	if c.body != "" {
		req.Header.Set("Content-Type", "application/json")
		body = &rewindBody{data: []byte(c.body)}
		body.rewind()
		req.Body = body
		req.ContentLength = int64(len(c.body))
	}
	return req, body
}

// run serves the case once, checks the answer, then times b.N requests.
func (c benchCase) run(b *testing.B, h http.Handler) {
	req, body := c.newRequest(b)
	w := &discardWriter{h: http.Header{}, keep: true}
	serve := func() {
		if body != nil {
			body.rewind()
			req.Body = body
		}
		w.reset()
		h.ServeHTTP(w, req)
	}
	serve()
	if w.status != c.wantStatus || !bytes.HasPrefix(w.body.Bytes(), []byte(c.wantBody)) {
		b.Fatalf("%s %s: got %d %q, want %d %q…", c.method, c.target, w.status, w.body.String(), c.wantStatus, c.wantBody)
	}
	w.keep = false
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		serve()
	}
}

// BenchmarkMatch times the compiled Router answering one request: CORS headers, routing,
// reading the body, checking each response's conditions in order and writing the answer.
func BenchmarkMatch(b *testing.B) {
	routers := map[string]*runtime.Router{}
	for _, c := range matchCases {
		if routers[c.example] == nil {
			routers[c.example] = compileExample(b, c.example)
		}
	}
	for _, c := range matchCases {
		b.Run(c.name, func(b *testing.B) { c.run(b, routers[c.example]) })
	}
}

// BenchmarkServe times what `bb serve` runs per request on top of the Router: the live
// router lookup, the body limit and the request log (buffered, as bb serve writes it,
// into io.Discard). bare is the same request answered by a handler doing only what
// bench/bare does, the floor bb is compared against.
func BenchmarkServe(b *testing.B) {
	hit := matchCases[0]
	rt := compileExample(b, hit.example)
	b.Run("bb_log", func(b *testing.B) {
		log := runtime.NewLineWriter(io.Discard, 50*time.Millisecond)
		defer log.Flush()
		hit.run(b, runtime.NewServer(rt, log))
	})
	b.Run("bb_nolog", func(b *testing.B) {
		hit.run(b, runtime.NewServer(rt, nil))
	})
	b.Run("bare", func(b *testing.B) {
		hit.run(b, bareHandler())
	})
}

// bareHandler mirrors bench/bare: the same JSON body parsed, the same bytes written.
func bareHandler() http.Handler {
	found := []byte(`{"messages":["test1","test2"]}`)
	notFound := []byte(`{"error":"no user found"}`)
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/get_messages", func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			User string `json:"user"`
		}
		data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
		if err == nil {
			err = json.Unmarshal(data, &in)
		}
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		if in.User == "larry" {
			w.Write(found)
			return
		}
		w.WriteHeader(http.StatusNotFound)
		w.Write(notFound)
	})
	return mux
}

// BenchmarkHolds times one `when` condition against a request. The body cases build a
// fresh Request each time, so they include decoding the JSON body, as a real request does.
func BenchmarkHolds(b *testing.B) {
	messages := compileExample(b, "messages").Spec()
	bookshelf := compileExample(b, "bookshelf").Spec()
	cond := func(s *spec.Spec, endpoint string, response int) *spec.Condition {
		for _, ep := range s.Endpoints {
			if ep.Name == endpoint {
				return &ep.Responses[response].When[0]
			}
		}
		b.Fatalf("no endpoint %s", endpoint)
		return nil
	}
	header := http.Header{}
	header.Set("Authorization", "Bearer secret-token")
	cases := []struct {
		name string
		cond *spec.Condition
		req  func() *contract.Request
		want bool
	}{
		{"body_hit", cond(messages, "getMessages", 0),
			func() *contract.Request { return &contract.Request{Body: []byte(`{"user":"larry"}`)} }, true},
		{"body_miss", cond(messages, "getMessages", 0),
			func() *contract.Request { return &contract.Request{Body: []byte(`{"user":"bob"}`)} }, false},
		{"body_nested", cond(bookshelf, "rateBook", 1),
			func() *contract.Request {
				return &contract.Request{Body: []byte(`{"stars":5,"review":{"text":"Loved it","spoilers":true}}`)}
			}, true},
		{"query_number", cond(bookshelf, "listBooks", 0),
			func() *contract.Request { return &contract.Request{Query: url.Values{"page": {"2"}}} }, true},
		{"header", cond(bookshelf, "addBook", 0),
			func() *contract.Request { return &contract.Request{Header: header} }, true},
		{"path_number", cond(bookshelf, "getBook", 1),
			func() *contract.Request {
				return &contract.Request{PathValue: func(string) string { return "2" }}
			}, true},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			if ok, _, err := holds(c.cond, c.req()); ok != c.want || err != nil {
				b.Fatalf("%s: Holds = %v, %v; want %v", c.cond.Key, ok, err, c.want)
			}
			b.ReportAllocs()
			for b.Loop() {
				holds(c.cond, c.req())
			}
		})
	}
}

// BenchmarkTemplate times a templated answer against the same answer written out: the
// request values, the counter and the typed number filled in for each request. The goal
// is at least 0.8× the static answer's requests per second.
func BenchmarkTemplate(b *testing.B) {
	dir := b.TempDir()
	text := `version: 1
endpoints:
  static:
    method: POST
    path: /static/{id}
    request: {body: {items: [{qty: 2}]}}
    responses:
      - status: 201
        headers: {Location: /api/orders/7}
        body: {id: "7", qty: 2, by: larry, n: 1, note: a fixed answer of a few fields}
  templated:
    method: POST
    path: /templated/{id}
    request: {body: {items: [{qty: 2}]}}
    responses:
      - status: 201
        headers: {Location: "/api/orders/{{ path.id }}"}
        body: {id: "{{ path.id }}", qty: "{{ body.items.0.qty }}", by: "{{ header.X-User }}", n: "{{ counter }}", note: a fixed answer of a few fields}
`
	if err := os.WriteFile(filepath.Join(dir, "bb.yaml"), []byte(text), 0o644); err != nil {
		b.Fatal(err)
	}
	s, err := spec.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	rt := runtime.Compile(s, runtime.Options{})
	for _, c := range []benchCase{
		{name: "static", method: "POST", target: "/static/7", header: map[string]string{"X-User": "larry"},
			body: `{"items":[{"qty":2}]}`, wantStatus: 201, wantBody: `{"id":"7","qty":2,"by":"larry","n":`},
		{name: "templated", method: "POST", target: "/templated/7", header: map[string]string{"X-User": "larry"},
			body: `{"items":[{"qty":2}]}`, wantStatus: 201, wantBody: `{"id":"7","qty":2,"by":"larry","n":`},
	} {
		b.Run(c.name, func(b *testing.B) { c.run(b, runtime.NewServer(rt, nil)) })
	}
}
