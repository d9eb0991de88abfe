package verify_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/backwards-backend/bb/internal/runtime"
	"github.com/backwards-backend/bb/internal/spec"
	"github.com/backwards-backend/bb/internal/tables"
	"github.com/backwards-backend/bb/internal/verify"
)

func load(t *testing.T, path string) *spec.Spec {
	t.Helper()
	s, err := spec.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func parse(t *testing.T, yaml string) *spec.Spec {
	t.Helper()
	s, err := spec.Parse(filepath.Join(t.TempDir(), "bb.yaml"), []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// serve answers like `bb serve` would, on a loopback port, its resources' records in a
// state file of its own.
func serve(t *testing.T, s *spec.Spec) *httptest.Server {
	t.Helper()
	store := tables.Open(filepath.Join(t.TempDir(), "state.db"))
	t.Cleanup(func() { store.Close() })
	if _, err := runtime.SyncState(context.Background(), store, s); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(runtime.Compile(s, runtime.Options{Store: store}))
	t.Cleanup(srv.Close)
	return srv
}

func text(t *testing.T, rep verify.Report) string {
	t.Helper()
	var b bytes.Buffer
	if err := rep.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestExamplesPassAgainstServe is the promise of bb verify: the stub server answers its
// own spec, every example, exactly, so every case passes even in strict mode; its
// resources, kept in a state file, pass their round trip (seven steps).
func TestExamplesPassAgainstServe(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*", "bb.yaml"))
	if len(dirs) == 0 {
		t.Fatal("no examples found")
	}
	for _, file := range dirs {
		t.Run(filepath.Base(filepath.Dir(file)), func(t *testing.T) {
			s := load(t, file)
			srv := serve(t, s)
			for _, strict := range []bool{false, true} {
				rep := verify.Run(context.Background(), s, verify.Options{BaseURL: srv.URL, Strict: strict})
				cases := 7 * len(s.Resources)
				for _, e := range s.Endpoints {
					if e.Resource == nil {
						cases += len(e.Responses)
					}
				}
				if rep.Failed != 0 || rep.Passed != cases || rep.Warnings != 0 {
					t.Errorf("strict %v: %d passed, %d failed, %d warnings, want %d passed:\n%s", strict, rep.Passed, rep.Failed, rep.Warnings, cases, text(t, rep))
				}
			}
		})
	}
}

func TestMessagesReport(t *testing.T) {
	s := load(t, filepath.Join("..", "..", "examples", "messages"))
	srv := serve(t, s)
	rep := verify.Run(context.Background(), s, verify.Options{BaseURL: srv.URL + "/"})
	want := `PASS getMessages response 1 (200) POST /api/get_messages
PASS getMessages response 2 (404) POST /api/get_messages
2 passed, 0 failed
`
	if got := text(t, rep); got != want {
		t.Errorf("report:\n%s\nwant:\n%s", got, want)
	}
	if rep.Results[1].Body != `{"user":"not-larry"}` {
		t.Errorf("the fallback was reached with %s", rep.Results[1].Body)
	}
}

// driftSpec has one endpoint per way a backend can drift from its spec.
const driftSpec = `version: 1
name: Drift
endpoints:
  wrongStatus:
    method: POST
    path: /messages
    request: {body: {user: larry}}
    responses:
      - when: {body.user: larry}
        body: {messages: [a, b]}
      - status: 404
        body: {error: no user found}
  missingKey:
    method: GET
    path: /missing
    responses:
      - body: {id: 1, title: Dune}
  wrongType:
    method: GET
    path: /type
    responses:
      - body: {messages: [a], count: 2, ok: true}
  notNullable:
    method: GET
    path: /null
    responses:
      - body: {title: Dune, series: null}
  notJSON:
    method: GET
    path: /html
    responses:
      - body: {ok: true}
  wrongContentType:
    method: GET
    path: /ctype
    responses:
      - body: {ok: true}
  numbers:
    method: GET
    path: /numbers
    responses:
      - body: {id: 1, rating: 4.5, when: "2026-01-02T15:04:05Z", tags: [x]}
  extraKey:
    method: GET
    path: /extra
    responses:
      - body: {id: 1}
  values:
    method: GET
    path: /values
    responses:
      - headers: {X-Total-Count: 3}
        body: {messages: [test1, test2], n: 1}
  noBody:
    method: DELETE
    path: /things/{id}
    responses:
      - status: 204
`

func drifted(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	js := func(status int, body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(status)
			w.Write([]byte(body))
		}
	}
	mux.HandleFunc("POST /messages", js(200, `{"messages":["a"]}`)) // the fallback answers 200 too
	mux.HandleFunc("GET /missing", js(200, `{"id":1}`))
	mux.HandleFunc("GET /type", js(200, `{"messages":"a","count":"2","ok":1}`))
	mux.HandleFunc("GET /null", js(200, `{"title":null,"series":null}`))
	mux.HandleFunc("GET /html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html>oops</html>"))
	})
	mux.HandleFunc("GET /ctype", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(`{"ok":true}`))
	})
	mux.HandleFunc("GET /numbers", js(200, `{"id":1.5,"rating":4,"when":"yesterday","tags":["x",2]}`))
	mux.HandleFunc("GET /extra", js(200, `{"id":1.0,"debug":"on"}`))
	mux.HandleFunc("GET /values", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Total-Count", "4")
		js(200, `{"messages":["test1","test3","x"],"n":1.0,"m":2}`)(w, r)
	})
	mux.HandleFunc("DELETE /things/{id}", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestDrift(t *testing.T) {
	s := parse(t, driftSpec)
	srv := drifted(t)
	rep := verify.Run(context.Background(), s, verify.Options{BaseURL: srv.URL})
	want := map[string][]string{
		"wrongStatus response 1 (200)": nil,
		"wrongStatus response 2 (404)": {`status: expected 404, got 200 (body: {"messages":["a"]})`},
		"missingKey response 1 (200)":  {`$.title: expected string, got no such key`},
		"wrongType response 1 (200)": {
			`$.messages: expected array, got string "a"`,
			`$.count: expected integer, got string "2"`,
			`$.ok: expected boolean, got number 1`,
		},
		"notNullable response 1 (200)": {`$.title: expected string, got null`},
		"notJSON response 1 (200)": {
			`content type: expected application/json, got "text/html"`,
			`$: expected a JSON body, got "<html>oops</html>" (not JSON: invalid character '<' looking for beginning of value)`,
		},
		"wrongContentType response 1 (200)": {`content type: expected application/json, got "text/plain"`},
		"numbers response 1 (200)": {
			`$.id: expected integer, got number 1.5`,
			`$.when: expected date-time string (RFC 3339, e.g. 2026-01-02T15:04:05Z), got string "yesterday"`,
			`$.tags[1]: expected string, got number 2`,
		},
		"extraKey response 1 (200)": nil,
		"values response 1 (200)":   nil, // values differ, but only --strict compares them
		"noBody response 1 (204)":   nil,
	}
	if len(rep.Results) != len(want) {
		t.Fatalf("%d results, want %d:\n%s", len(rep.Results), len(want), text(t, rep))
	}
	for _, res := range rep.Results {
		w, ok := want[res.Name]
		if !ok {
			t.Errorf("unexpected case %s", res.Name)
			continue
		}
		if strings.Join(res.Failures, "\n") != strings.Join(w, "\n") {
			t.Errorf("%s failures:\n%s\nwant:\n%s", res.Name, strings.Join(res.Failures, "\n"), strings.Join(w, "\n"))
		}
		if (len(w) == 0) != (res.Outcome == verify.Pass) {
			t.Errorf("%s: outcome %s", res.Name, res.Outcome)
		}
	}
	if rep.Passed != 4 || rep.Failed != 7 || rep.OK() {
		t.Errorf("%d passed, %d failed", rep.Passed, rep.Failed)
	}
	extra := rep.Results[8]
	if extra.Name != "extraKey response 1 (200)" || len(extra.Warnings) != 1 || extra.Warnings[0] != `$.debug: unexpected key, not in the spec (got string "on")` {
		t.Errorf("extra key: %+v", extra)
	}
	out := text(t, rep)
	for _, line := range []string{
		"PASS wrongStatus response 1 (200) POST /messages\n",
		"FAIL wrongStatus response 2 (404) POST /messages\n  sent: {\"user\":\"not-larry\"}\n  status: expected 404, got 200",
		"PASS extraKey response 1 (200) GET /extra\n  warning: $.debug: unexpected key",
		"  warning: $.m: unexpected key, not in the spec (got number 2)\nPASS noBody response 1 (204) DELETE /things/example\n2 warnings\n4 passed, 7 failed\n",
	} {
		if !strings.Contains(out, line) {
			t.Errorf("report lacks %q:\n%s", line, out)
		}
	}
}

func TestStrict(t *testing.T) {
	s := parse(t, driftSpec)
	srv := drifted(t)
	rep := verify.Run(context.Background(), s, verify.Options{BaseURL: srv.URL, Strict: true, Only: []string{"values", "wrongStatus"}})
	if len(rep.Results) != 3 {
		t.Fatalf("--only ran %d cases:\n%s", len(rep.Results), text(t, rep))
	}
	got := strings.Join(rep.Results[2].Failures, "\n")
	want := `header X-Total-Count: expected "3", got "4"
$.messages: expected 2 items, got 3
$.messages[1]: expected "test2", got "test3"
$.m: expected no such key, got number 2`
	if got != want {
		t.Errorf("strict failures:\n%s\nwant:\n%s", got, want)
	}
	if f := rep.Results[0].Failures; len(f) != 1 || f[0] != `$.messages: expected 2 items, got 1` {
		t.Errorf("strict wrongStatus: %q", f)
	}
}

func TestConnectionRefusedAndTimeout(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String()
	ln.Close()
	s := load(t, filepath.Join("..", "..", "examples", "messages"))
	start := time.Now()
	rep := verify.Run(context.Background(), s, verify.Options{BaseURL: closed, Timeout: 5 * time.Second})
	// It says so once, and stops: every other case would fail the same way.
	want := "connection refused: nothing listens at " + closed + "; is the backend running?"
	if len(rep.Results) != 1 || len(rep.Results[0].Failures) != 1 || rep.Results[0].Failures[0] != want || rep.Stopped != want {
		t.Errorf("results %+v, stopped %q; want one failure and stopped: %q", rep.Results, rep.Stopped, want)
	}
	if rep.Failed != 1 || time.Since(start) > 3*time.Second {
		t.Errorf("%d failed in %v", rep.Failed, time.Since(start))
	}

	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body) // net/http notices the client leave only once the body is read
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}))
	defer slow.Close()
	start = time.Now()
	rep = verify.Run(context.Background(), s, verify.Options{BaseURL: slow.URL, Timeout: 100 * time.Millisecond})
	for _, res := range rep.Results {
		if want := "timeout: no answer within 100ms (raise it with --timeout)"; len(res.Failures) != 1 || res.Failures[0] != want {
			t.Errorf("%s: %q, want %q", res.Name, res.Failures, want)
		}
	}
	if rep.Failed != 2 || time.Since(start) > 3*time.Second {
		t.Errorf("%d failed in %v", rep.Failed, time.Since(start))
	}
}

func TestHTTPS(t *testing.T) {
	s := load(t, filepath.Join("..", "..", "examples", "bookshelf"))
	srv := httptest.NewUnstartedServer(runtime.Compile(s, runtime.Options{}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the untrusted case makes the server log handshake errors
	srv.StartTLS()
	defer srv.Close()

	rep := verify.Run(context.Background(), s, verify.Options{BaseURL: srv.URL, Client: srv.Client()})
	if !rep.OK() || rep.Passed == 0 {
		t.Errorf("trusted certificate:\n%s", text(t, rep))
	}
	rep = verify.Run(context.Background(), s, verify.Options{BaseURL: srv.URL, Insecure: true, Only: []string{"getBook"}})
	if !rep.OK() || rep.Passed != 3 {
		t.Errorf("--insecure:\n%s", text(t, rep))
	}
	rep = verify.Run(context.Background(), s, verify.Options{BaseURL: srv.URL, Only: []string{"getBook"}})
	if rep.OK() || !strings.Contains(rep.Results[0].Failures[0], "TLS: the backend's certificate is not trusted") ||
		!strings.Contains(rep.Results[0].Failures[0], "use --insecure") {
		t.Errorf("untrusted certificate:\n%s", text(t, rep))
	}
}

func TestHeadersOption(t *testing.T) {
	s := load(t, filepath.Join("..", "..", "examples", "bookshelf"))
	srv := serve(t, s)
	h := http.Header{}
	h.Set("authorization", "Bearer stale")
	rep := verify.Run(context.Background(), s, verify.Options{BaseURL: srv.URL, Headers: h, Only: []string{"addBook"}})
	if rep.Passed != 1 || rep.Failed != 1 || !strings.HasPrefix(rep.Results[0].Failures[0], "status: expected 201, got 401") {
		t.Errorf("--header replaces the spec's header:\n%s", text(t, rep))
	}
}

func TestUnreachableIsAFailure(t *testing.T) {
	s := parse(t, `version: 1
endpoints:
  e:
    method: POST
    path: /x
    responses:
      - when: {body.a: 1}
      - when: {body.a: 1, body.b: 2}
      - status: 404
`)
	srv := serve(t, s)
	rep := verify.Run(context.Background(), s, verify.Options{BaseURL: srv.URL})
	out := text(t, rep)
	if !strings.Contains(out, "UNREACHABLE e response 2 (200): not reachable, add an example: response 1 (when body.a) answers first") ||
		!strings.HasSuffix(out, "2 passed, 1 failed\n") {
		t.Errorf("report:\n%s", out)
	}
}

func TestUnknownEndpoints(t *testing.T) {
	s := load(t, filepath.Join("..", "..", "examples", "messages"))
	if got := verify.UnknownEndpoints(s, []string{"getMessages", "getMesages"}); len(got) != 1 || got[0] != "getMesages" {
		t.Errorf("UnknownEndpoints = %q", got)
	}
}

func TestJSONAndJUnit(t *testing.T) {
	s := parse(t, driftSpec)
	srv := drifted(t)
	rep := verify.Run(context.Background(), s, verify.Options{BaseURL: srv.URL, Only: []string{"wrongStatus", "extraKey"}})
	var js bytes.Buffer
	if err := rep.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"passed": 2`, `"failed": 1`, `"outcome": "fail"`, `"status: expected 404, got 200 (body: {\"messages\":[\"a\"]})"`, `"warnings": 1`} {
		if !strings.Contains(js.String(), want) {
			t.Errorf("JSON lacks %s:\n%s", want, js.String())
		}
	}
	var x bytes.Buffer
	if err := rep.WriteJUnit(&x); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Suite    struct {
			Cases []struct {
				Name    string `xml:"name,attr"`
				Failure *struct {
					Message string `xml:"message,attr"`
				} `xml:"failure"`
				Out string `xml:"system-out"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(x.Bytes(), &doc); err != nil {
		t.Fatalf("%v\n%s", err, x.String())
	}
	c := doc.Suite.Cases
	if doc.Tests != 3 || doc.Failures != 1 || len(c) != 3 || c[0].Failure != nil || c[1].Failure == nil ||
		!strings.HasPrefix(c[1].Failure.Message, "status: expected 404, got 200") || !strings.Contains(c[2].Out, "$.debug") {
		t.Errorf("JUnit:\n%s", x.String())
	}
}

// Stubs that play pass their own verify, strictly: templated values are the request's
// and are checked by shape, and the responses only stubs play (a scenario, a fault, a
// chance, a later turn of a sequence) are skipped and say why.
func TestPlayPassesAgainstServe(t *testing.T) {
	s := load(t, filepath.Join("..", "scaffold", "eject", "testdata", "specs", "play", "bb.yaml"))
	srv := serve(t, s)
	rep := verify.Run(context.Background(), s, verify.Options{BaseURL: srv.URL, Strict: true})
	out := text(t, rep)
	if rep.Failed != 0 || rep.Passed != 3 || rep.Skipped != 6 {
		t.Errorf("%d passed, %d failed, %d skipped; want 3, 0, 6:\n%s", rep.Passed, rep.Failed, rep.Skipped, out)
	}
	for _, want := range []string{"SKIP createOrder response 1 (503): it answers only in scenario offline",
		"SKIP poll response 2 (200): it answers in turn, as a later step of a sequence", "3 passed, 0 failed, 6 skipped"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}
