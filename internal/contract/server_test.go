package contract

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestServer(t *testing.T) {
	srv := Server{Errors: ErrorFormat{Key: "message"}}
	op := &Operation{Name: "add", Body: &Schema{Kind: KindObject, Fields: []Field{{Key: "n", Required: true, Schema: &Schema{Kind: KindInt}}}}}
	mux := srv.NewMux()
	mux.Handle("POST /add", srv.Route(op, func(r *http.Request, rq *Request) (Response, error) {
		var in struct{ N int64 }
		if err := DecodeBody(rq, op.Body, &in); err != nil {
			return Response{}, err
		}
		switch in.N {
		case 0:
			return Response{}, nil // an empty output is a handler bug: 500
		case 1:
			panic("boom")
		case 2:
			return Response{}, errors.New("failed")
		case 3:
			return Response{}, &HTTPError{Status: 409, Msg: "taken"}
		}
		return JSONResponse(201, "", map[string]int64{"n": in.N}).WithHeader("Location", "/n"), nil
	}))
	h := mux
	for _, tt := range []struct {
		method, path, body string
		status             int
		want               string
	}{
		{"POST", "/add", `{"n":4.0}`, 201, `{"n":4}`},
		{"POST", "/add", `{"n":"x"}`, 400, `"message":"body.n: expected integer, got string \"x\""`},
		{"POST", "/add", `{"n":0}`, 500, `{"message":"internal server error"}`},
		{"POST", "/add", `{"n":1}`, 500, `{"message":"internal server error"}`},
		{"POST", "/add", `{"n":2}`, 500, `{"message":"internal server error"}`},
		{"POST", "/add", `{"n":3}`, 409, `{"message":"taken"}`},
		{"GET", "/add", ``, 405, `{"message":"method GET is not allowed on /add"}`},
		{"GET", "/nope", ``, 404, `{"message":"no endpoint GET /nope"}`},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(tt.method, tt.path, strings.NewReader(tt.body)))
		if rec.Code != tt.status || !strings.Contains(rec.Body.String(), tt.want) {
			t.Errorf("%s %s %s: %d %s; want %d with %s", tt.method, tt.path, tt.body, rec.Code, rec.Body, tt.status, tt.want)
		}
		if tt.status == 201 && rec.Header().Get("Location") != "/n" {
			t.Errorf("WithHeader lost: %v", rec.Header())
		}
		if tt.status == 405 && rec.Header().Get("Allow") == "" {
			t.Errorf("405 without Allow")
		}
	}
}

func TestRequestLog(t *testing.T) {
	answer := func(status int) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(status) })
	}
	var buf bytes.Buffer
	l, err := NewRequestLog(&buf, "")
	if err != nil {
		t.Fatal(err)
	}
	l.Handler(answer(201)).ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("POST", "/a%20b/\"x\"", nil))
	var line map[string]any
	if err := json.Unmarshal(buf.Bytes(), &line); err != nil || !strings.HasSuffix(buf.String(), "}\n") {
		t.Fatalf("not one JSON line: %q (%v)", buf.String(), err)
	}
	if line["msg"] != "request" || line["level"] != "INFO" || line["method"] != "POST" || line["path"] != `/a b/"x"` || line["status"] != 201.0 {
		t.Errorf("line: %v", line)
	}
	if _, err := time.Parse(time.RFC3339Nano, line["time"].(string)); err != nil {
		t.Errorf("time: %v", err)
	}
	buf.Reset()
	l, _ = NewRequestLog(&buf, "errors")
	l.Handler(answer(200)).ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	l.Handler(answer(404)).ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/x", nil))
	if strings.Count(buf.String(), "\n") != 1 || !strings.Contains(buf.String(), `"status":404`) {
		t.Errorf("errors level logged %q", buf.String())
	}
	buf.Reset()
	l, _ = NewRequestLog(&buf, "off")
	l.Handler(answer(500)).ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	if buf.Len() != 0 {
		t.Errorf("off logged %q", buf.String())
	}
	if _, err := NewRequestLog(&buf, "loud"); err == nil || !strings.Contains(err.Error(), "LOG_REQUESTS=loud") {
		t.Errorf("bad level: %v", err)
	}
	l, _ = NewRequestLog(io.Discard, "all")
	// The time reads as time.Format writes it, the second formatted once.
	for _, at := range []time.Time{time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC), time.Date(2026, 1, 2, 3, 4, 5, 987654321, time.FixedZone("x", 5400)), time.Date(2026, 1, 2, 3, 4, 6, 0, time.UTC)} {
		got := string(l.appendTime(nil, at))
		if want := at.Format("2006-01-02T15:04:05.000000000Z07:00"); got != want {
			t.Errorf("time %s, want %s", got, want)
		}
	}
	// Writing a line allocates nothing.
	start := time.Now()
	if n := testing.AllocsPerRun(100, func() { l.line(start, "GET", "/v1/books/1", 200, time.Millisecond) }); n != 0 {
		t.Errorf("a log line costs %v allocations", n)
	}
}

// lockedBuffer is a bytes.Buffer safe for a LogBuffer's timer to write to.
type lockedBuffer struct {
	mu     sync.Mutex
	b      bytes.Buffer
	writes int
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.writes++
	return l.b.Write(p)
}

func (l *lockedBuffer) String() (string, int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String(), l.writes
}

// TestLogBuffer: lines wait and go out together, in order: on Flush, when the buffer
// fills, on Close, and on their own soon after they were written.
func TestLogBuffer(t *testing.T) {
	var out lockedBuffer
	b := NewLogBuffer(&out)
	b.Write([]byte("one\n"))
	b.Write([]byte("two\n"))
	if got, n := out.String(); n != 0 && got != "one\ntwo\n" {
		t.Fatalf("written before a flush, and not whole: %q", got)
	}
	if err := b.Flush(); err != nil {
		t.Fatal(err)
	}
	if got, n := out.String(); got != "one\ntwo\n" || n != 1 {
		t.Fatalf("after Flush: %q in %d writes, want both lines in one", got, n)
	}
	// A full buffer is written at once.
	line := strings.Repeat("x", 1023) + "\n"
	for range logBufferSize / len(line) {
		b.Write([]byte(line))
	}
	if got, _ := out.String(); len(got) != len("one\ntwo\n")+logBufferSize {
		t.Errorf("a full buffer waited: %d bytes written", len(got))
	}
	// A line on its own is written without a Flush.
	b.Write([]byte("three\n"))
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		if got, _ := out.String(); strings.HasSuffix(got, "three\n") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("a line waited for good")
		}
	}
	b.Write([]byte("four\n"))
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if got, _ := out.String(); !strings.HasSuffix(got, "three\nfour\n") {
		t.Errorf("Close left lines behind: %q", got[len(got)-20:])
	}
	// Writing a line allocates nothing.
	if n := testing.AllocsPerRun(100, func() { b.Write([]byte("five\n")) }); n != 0 {
		t.Errorf("a line costs %v allocations", n)
	}
}

// BenchmarkRequestLog: the line RequestLog writes, against slog's JSON handler writing
// the same one.
func BenchmarkRequestLog(b *testing.B) {
	start := time.Now()
	b.Run("RequestLog", func(b *testing.B) {
		l, _ := NewRequestLog(io.Discard, "all")
		b.ReportAllocs()
		for b.Loop() {
			l.line(start, "GET", "/v1/books/1", 200, time.Millisecond)
		}
	})
	b.Run("slog", func(b *testing.B) {
		log := slog.New(slog.NewJSONHandler(io.Discard, nil))
		b.ReportAllocs()
		for b.Loop() {
			log.Info("request", "method", "GET", "path", "/v1/books/1", "status", 200, "ms", float64(time.Millisecond.Microseconds())/1000)
		}
	})
}

func TestCheckResponse(t *testing.T) {
	ok := &Schema{Kind: KindObject, Fields: []Field{{Key: "id", Required: true, Schema: &Schema{Kind: KindInt}}}}
	bad := &Schema{Kind: KindObject, Fields: []Field{{Key: "error", Required: true, Schema: &Schema{Kind: KindString}}}}
	schemas := map[string][2]*Schema{"getBook": {ok, bad}}
	for _, tt := range []struct {
		op     string
		status int
		body   string
		fails  bool
	}{
		{"getBook", 200, `{"id":1}`, false},
		{"getBook", 201, `{"id":"1"}`, true},
		{"getBook", 404, `{"error":"no"}`, false},
		{"getBook", 404, `{"id":1}`, true},
		{"nope", 200, `{}`, true},
	} {
		if err := CheckResponse(schemas, tt.op, tt.status, []byte(tt.body)); (err != nil) != tt.fails {
			t.Errorf("%s %d %s: %v", tt.op, tt.status, tt.body, err)
		}
	}
}

func TestCORSFor(t *testing.T) {
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(204) })
	routes := map[string]string{"getBook": "GET /books/{id}"}
	if h := CORSFor("", routes, nil, nil, next); h == nil {
		t.Fatal("nil handler")
	}
	ask := func(origins string) http.Header {
		req := httptest.NewRequest("OPTIONS", "/books/1", nil)
		req.Header.Set("Origin", "http://localhost:5173")
		req.Header.Set("Access-Control-Request-Method", "GET")
		rec := httptest.NewRecorder()
		CORSFor(origins, routes, []string{"X-Bb-Scenario"}, nil, next).ServeHTTP(rec, req)
		return rec.Header()
	}
	if h := ask(""); h.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("CORS off still answers: %v", h)
	}
	if h := ask("*"); h.Get("Access-Control-Allow-Origin") != "*" || !strings.Contains(h.Get("Access-Control-Allow-Methods"), "GET") {
		t.Errorf("* : %v", h)
	}
	if h := ask("http://localhost:5173, not an origin"); h.Get("Access-Control-Allow-Credentials") != "true" {
		t.Errorf("a listed origin with a bad entry beside it: %v", h)
	}
}
