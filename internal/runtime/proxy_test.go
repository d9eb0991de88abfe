package runtime

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/backwards-backend/bb/internal/spec"
	"github.com/backwards-backend/bb/internal/testflask"
)

const proxiedSpec = `# The app's stubs; the rest comes from the real backend.
version: 1
name: Shop
endpoints:
  getCart:   # our own stub
    method: GET
    path: /api/cart
    responses:
      - body: {items: []}

# where the real backend runs
server:
  port: 4000
`

// goBackend is a real backend written in Go: JSON with a secret cookie, a login that
// leaks a credential header, a CSV file and a server error.
func goBackend(t *testing.T) string {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/users/42", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Total-Count", "1")
		w.Header().Set("Set-Cookie", "session=s3cret; HttpOnly")
		io.WriteString(w, `{"id":42,"name":"Ann","tags":["a","b"],"page":"`+r.URL.Query().Get("page")+`"}`)
	})
	mux.HandleFunc("POST /api/login", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Authorization", "Bearer leaked")
		w.WriteHeader(201)
		io.WriteString(w, `{"token":"t0ken-for-`+strings.Trim(strings.SplitN(string(body), ":", 2)[1], `"}`)+`"}`)
	})
	mux.HandleFunc("GET /api/report.csv", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		io.WriteString(w, "a,b\n1,2\n")
	})
	mux.HandleFunc("GET /api/broken", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(500)
		io.WriteString(w, `{"error":"boom"}`)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestProxyRecordGo(t *testing.T)    { testProxyRecord(t, goBackend(t)) }
func TestProxyRecordFlask(t *testing.T) { testProxyRecordFlask(t) }

func testProxyRecordFlask(t *testing.T) {
	py := testflask.Python(t)
	url, stop := testflask.Start(t, py, filepath.Join("testdata", "flask", "backend_app.py"))
	testProxyRecord(t, url)
	stop()
}

// testProxyRecord serves a spec in front of backend with --record: the requests no
// endpoint answers get the backend's answers, each becomes an endpoint in bb.yaml with
// the file's comments kept and no secret written, and a server loaded from the new
// file answers them alone, offline.
func testProxyRecord(t *testing.T, backend string) {
	dir := t.TempDir()
	file := filepath.Join(dir, "bb.yaml")
	if err := os.WriteFile(file, []byte(proxiedSpec), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := spec.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	rec := &Recorder{File: file}
	srv := NewServer(Compile(s, Options{ProxyURL: backend, Record: rec}), nil)
	type exchange struct {
		method, target, body string
		status               int
		has                  string
	}
	calls := []exchange{
		{"GET", "/api/cart", "", 200, `{"items":[]}`},
		{"GET", "/api/users/42?page=2", "", 200, `"name":"Ann"`},
		{"POST", "/api/login", `{"user":"ann"}`, 201, `"token":"t0ken-for-ann"`},
		{"GET", "/api/report.csv", "", 200, "a,b\n1,2\n"},
		{"GET", "/api/broken", "", 500, "boom"},
	}
	do := func(h http.Handler, c exchange) *httptest.ResponseRecorder {
		req := httptest.NewRequest(c.method, c.target, strings.NewReader(c.body))
		if c.body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		req.Header.Set("Authorization", "Bearer app-secret")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		return w
	}
	for _, c := range calls {
		w := do(srv, c)
		if w.Code != c.status || !strings.Contains(w.Body.String(), c.has) {
			t.Errorf("%s %s through the proxy: %d %s", c.method, c.target, w.Code, w.Body)
		}
	}
	data, _ := os.ReadFile(file)
	text := string(data)
	if !strings.HasPrefix(text, proxiedSpec[:strings.Index(proxiedSpec, "\n# where")]) || !strings.HasSuffix(text, "# where the real backend runs\nserver:\n  port: 4000\n") {
		t.Errorf("the spec's own lines changed:\n%s", text)
	}
	for _, secret := range []string{"s3cret", "Set-Cookie", "leaked", "app-secret", "Authorization"} {
		if strings.Contains(text, secret) {
			t.Errorf("the recording holds %q:\n%s", secret, text)
		}
	}
	for _, want := range []string{"path: /api/users/42", "query: {page: 2}", "X-Total-Count: \"1\"", "path: /api/login", `body: {"user":"ann"}`, "status: 201",
		"bodyFile: recorded/", "Content-Type: \"text/csv"} {
		if !strings.Contains(text, want) {
			t.Errorf("the recording lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "/api/broken") {
		t.Errorf("a 500 was recorded:\n%s", text)
	}
	// Offline: the new spec answers what the backend answered.
	s2, err := spec.Load(file)
	if err != nil {
		t.Fatalf("the recorded spec does not load: %v\n%s", err, text)
	}
	offline := NewServer(Compile(s2, Options{}), nil)
	for _, c := range calls[:4] {
		w := do(offline, c)
		if w.Code != c.status || !strings.Contains(w.Body.String(), c.has) {
			t.Errorf("%s %s offline: %d %s", c.method, c.target, w.Code, w.Body)
		}
	}
}

func TestProxyBackendDown(t *testing.T) {
	srv := httptest.NewServer(nil)
	url := srv.URL
	srv.Close()
	rt := routerFromText(t, proxiedSpec, nil, Options{ProxyURL: url})
	w := httptest.NewRecorder()
	rt.ServeHTTP(w, httptest.NewRequest("GET", "/api/nothing", nil))
	if w.Code != http.StatusBadGateway || !strings.Contains(w.Body.String(), "did not answer") {
		t.Errorf("backend down: %d %s", w.Code, w.Body)
	}
}
