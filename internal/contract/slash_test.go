package contract

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestSlash: a path that differs from a route's only by a trailing slash is redirected
// both ways for GET and HEAD, and named in a 404 for other methods; the ejected server's
// Mux answers so, as bb serve's router does (runtime's TestTrailingSlash).
func TestSlash(t *testing.T) {
	mux := Server{}.NewMux()
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) })
	for _, p := range []struct{ method, path string }{
		{"POST", "/api/send_message"},
		{"GET", "/api/list/"},
		{"POST", "/api/items/"},
		{"GET", "/users/{id}"},
		{"GET", "/"},
	} {
		mux.Handle(MuxPattern(p.method, p.path), ok)
	}
	h := mux
	for _, tt := range []struct {
		method, target string
		status         int
		location, body string
	}{
		{"GET", "/api/list", 307, "/api/list/", ""},
		{"HEAD", "/api/list?a=1", 307, "/api/list/?a=1", ""},
		{"GET", "/users/42/?x=%20", 307, "/users/42?x=%20", ""},
		{"GET", "/users/a%2Fb/", 307, "/users/a%2Fb", ""},
		{"POST", "/api/send_message/", 404, "", `{"error":"no endpoint POST /api/send_message/; did you mean /api/send_message?"}`},
		{"POST", "/api/items", 404, "", `{"error":"no endpoint POST /api/items; did you mean /api/items/?"}`},
		{"GET", "/api/send_message/", 404, "", `{"error":"no endpoint GET /api/send_message/"}`},
		{"POST", "/api/send_message", 200, "", "ok"},
		{"GET", "/api/list/", 200, "", "ok"},
		{"GET", "/", 200, "", "ok"},
		{"GET", "/api//list/", 307, "/api/list/", ""}, // unclean: ServeMux's own redirect
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(tt.method, tt.target, nil))
		name := tt.method + " " + tt.target
		if rec.Code != tt.status {
			t.Errorf("%s: status %d, want %d (%s)", name, rec.Code, tt.status, rec.Body)
		}
		if got := rec.Header().Get("Location"); got != tt.location {
			t.Errorf("%s: Location %q, want %q", name, got, tt.location)
		}
		if got := strings.TrimSpace(rec.Body.String()); tt.body != "" && got != tt.body {
			t.Errorf("%s: body %s, want %s", name, got, tt.body)
		}
	}
}

// TestSlashMiss: with no route ending in a slash, a request to a route goes straight to
// it, and Slash answers only the misses; the answers are those of TestSlash.
func TestSlashMiss(t *testing.T) {
	mux := Server{}.NewMux()
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) })
	mux.Handle("POST /api/send_message", ok)
	mux.Handle("GET /users/{id}", ok)
	if mux.slashed {
		t.Fatal("no route ends in a slash, yet the Mux looks for slashes first")
	}
	for _, tt := range []struct {
		method, target string
		status         int
		location, body string
	}{
		{"GET", "/users/42/?x=%20", 307, "/users/42?x=%20", ""},
		{"POST", "/api/send_message/", 404, "", `{"error":"no endpoint POST /api/send_message/; did you mean /api/send_message?"}`},
		{"GET", "/api/send_message/", 404, "", `{"error":"no endpoint GET /api/send_message/"}`},
		{"GET", "/api/send_message", 405, "", `{"error":"method GET is not allowed on /api/send_message"}`},
		{"POST", "/api/send_message", 200, "", "ok"},
		{"GET", "/users/7", 200, "", "ok"},
		{"GET", "/users//7", 307, "/users/7", ""}, // unclean: ServeMux's own redirect
		{"GET", "/nope//x", 307, "/nope/x", ""},
	} {
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest(tt.method, tt.target, nil))
		name := tt.method + " " + tt.target
		if rec.Code != tt.status {
			t.Errorf("%s: status %d, want %d (%s)", name, rec.Code, tt.status, rec.Body)
		}
		if got := rec.Header().Get("Location"); got != tt.location {
			t.Errorf("%s: Location %q, want %q", name, got, tt.location)
		}
		if got := strings.TrimSpace(rec.Body.String()); tt.body != "" && got != tt.body {
			t.Errorf("%s: body %s, want %s", name, got, tt.body)
		}
	}
}
