package contract

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

func TestParseOrigins(t *testing.T) {
	o, err := ParseOrigins("*, HTTPS://App.Example.com:443/", "http://localhost:3000,capacitor://localhost", "http://[::1]:8080", "https://app.example.com")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"https://app.example.com", "http://localhost:3000", "capacitor://localhost", "http://[::1]:8080"}
	if !o.Any || !slices.Equal(o.Credentialed, want) {
		t.Errorf("got %+v, want Any and %q", o, want)
	}
	if o, err := ParseOrigins("", " , "); err != nil || !o.Empty() {
		t.Errorf("empty settings: %+v, %v", o, err)
	}
	for _, bad := range []string{"null", "localhost:3000", "https://*.example.com", "https://app.example.com/path", "https://user@app.example.com", "https://app.example.com?q", "/relative"} {
		o, err := ParseOrigins("http://ok.test," + bad)
		if err == nil {
			t.Errorf("%q: no error", bad)
		} else if !strings.Contains(err.Error(), "origin") {
			t.Errorf("%q: %v", bad, err)
		}
		if !slices.Equal(o.Credentialed, []string{"http://ok.test"}) {
			t.Errorf("%q: the good origin beside it was lost: %+v", bad, o)
		}
	}
}

// corsCall sends one request through a CORS policy and returns the answer's headers,
// its status and whether the policy answered it itself (a preflight).
func corsCall(c *CORS, method, target string, header map[string]string) (http.Header, int, bool, string) {
	r := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	preflight, refused := c.Apply(w, r)
	if !preflight {
		w.WriteHeader(http.StatusOK)
	}
	return w.Result().Header, w.Code, preflight, refused
}

var corsRoutes = []string{"GET /items", "POST /items", "DELETE /items/{id}", "OPTIONS /own"}

func TestCORSAnyOrigin(t *testing.T) {
	c := NewCORS(CORSOptions{Origins: Origins{Any: true}, Routes: corsRoutes, Headers: []string{"x-api-key"}, Expose: []string{"X-Total-Count"}})
	h, _, preflight, _ := corsCall(c, "GET", "/items", map[string]string{"Origin": "http://evil.test", "Cookie": "session=1"})
	if preflight || h.Get("Access-Control-Allow-Origin") != "*" || h.Get("Access-Control-Allow-Credentials") != "" ||
		h.Get("Access-Control-Expose-Headers") != "*" || h.Get("Vary") != "" {
		t.Errorf("simple request: preflight %v, headers %v", preflight, h)
	}
	h, _, _, _ = corsCall(c, "GET", "/items", nil)
	if h.Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("no Origin: %v", h)
	}

	h, status, preflight, refused := corsCall(c, "OPTIONS", "/items/1", map[string]string{"Origin": "http://evil.test",
		"Access-Control-Request-Method": "DELETE", "Access-Control-Request-Headers": "content-type,x-api-key"})
	want := map[string]string{
		"Access-Control-Allow-Origin":      "*",
		"Access-Control-Allow-Credentials": "",
		"Access-Control-Allow-Methods":     "DELETE, GET, HEAD, OPTIONS, POST",
		"Access-Control-Allow-Headers":     "Authorization, Content-Type, X-Api-Key",
		"Access-Control-Max-Age":           "600",
		"Vary":                             "",
	}
	if !preflight || status != http.StatusNoContent || refused != "" {
		t.Errorf("preflight: answered %v, status %d, refused %q", preflight, status, refused)
	}
	for k, v := range want {
		if got := h.Get(k); got != v {
			t.Errorf("preflight %s = %q, want %q", k, got, v)
		}
	}

	// A header the spec does not name is not repeated back, and the refusal says why.
	h, _, _, refused = corsCall(c, "OPTIONS", "/items", map[string]string{"Origin": "http://evil.test",
		"Access-Control-Request-Method": "PUT", "Access-Control-Request-Headers": "x-evil"})
	if strings.Contains(strings.ToLower(h.Get("Access-Control-Allow-Headers")), "x-evil") || !strings.Contains(refused, "PUT") {
		t.Errorf("unknown method: Allow-Headers %q, refused %q", h.Get("Access-Control-Allow-Headers"), refused)
	}
	_, _, _, refused = corsCall(c, "OPTIONS", "/items", map[string]string{"Origin": "http://evil.test",
		"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "x-evil, X-Api-Key, x-other"})
	if !strings.Contains(refused, "X-Evil, X-Other") || !strings.Contains(refused, "request.headers") {
		t.Errorf("unknown headers: refused %q", refused)
	}

	// The spec's own OPTIONS endpoint answers preflights on its path, and only there.
	if _, _, preflight, _ := corsCall(c, "OPTIONS", "/own", map[string]string{"Origin": "http://a.test", "Access-Control-Request-Method": "GET"}); preflight {
		t.Error("a preflight on the spec's OPTIONS route was answered by the CORS layer")
	}
	// A plain OPTIONS (no Access-Control-Request-Method) is no preflight.
	if _, _, preflight, _ := corsCall(c, "OPTIONS", "/items", map[string]string{"Origin": "http://a.test"}); preflight {
		t.Error("a plain OPTIONS was taken for a preflight")
	}
}

func TestCORSCredentialedOrigins(t *testing.T) {
	o, err := ParseOrigins("*,http://localhost:3000")
	if err != nil {
		t.Fatal(err)
	}
	c := NewCORS(CORSOptions{Origins: o, Routes: corsRoutes, Expose: []string{"x-total-count"}})
	h, _, _, _ := corsCall(c, "GET", "/items", map[string]string{"Origin": "http://localhost:3000"})
	if h.Get("Access-Control-Allow-Origin") != "http://localhost:3000" || h.Get("Access-Control-Allow-Credentials") != "true" ||
		h.Get("Vary") != "Origin" || h.Get("Access-Control-Expose-Headers") != "X-Total-Count" {
		t.Errorf("listed origin: %v", h)
	}
	// Any other origin gets *, without credentials; the answer still varies by origin.
	for _, origin := range []string{"http://evil.test", "http://localhost:3001", ""} {
		h, _, _, _ := corsCall(c, "GET", "/items", map[string]string{"Origin": origin})
		if h.Get("Access-Control-Allow-Origin") != "*" || h.Get("Access-Control-Allow-Credentials") != "" || h.Get("Vary") != "Origin" {
			t.Errorf("origin %q: %v", origin, h)
		}
	}
	h, status, _, refused := corsCall(c, "OPTIONS", "/items", map[string]string{"Origin": "http://localhost:3000",
		"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization"})
	if status != 204 || refused != "" || h.Get("Access-Control-Allow-Origin") != "http://localhost:3000" || h.Get("Access-Control-Allow-Credentials") != "true" ||
		h.Get("Access-Control-Allow-Methods") != "DELETE, GET, HEAD, OPTIONS, POST" || h.Get("Access-Control-Allow-Headers") != "Authorization, Content-Type" || h.Get("Vary") != "Origin" {
		t.Errorf("listed origin's preflight: %d %q %v", status, refused, h)
	}
}

func TestCORSListedOnly(t *testing.T) {
	c := NewCORS(CORSOptions{Origins: Origins{Credentialed: []string{"https://app.example.com"}}, Routes: corsRoutes})
	h, _, _, _ := corsCall(c, "GET", "/items", map[string]string{"Origin": "https://evil.example.com"})
	if h.Get("Access-Control-Allow-Origin") != "" || h.Get("Access-Control-Allow-Credentials") != "" || h.Get("Vary") != "Origin" {
		t.Errorf("origin not listed: %v", h)
	}
	h, status, preflight, refused := corsCall(c, "OPTIONS", "/items", map[string]string{"Origin": "https://evil.example.com", "Access-Control-Request-Method": "DELETE"})
	if !preflight || status != 204 || h.Get("Access-Control-Allow-Origin") != "" || h.Get("Access-Control-Allow-Methods") != "" || !strings.Contains(refused, "not allowed") {
		t.Errorf("preflight from an origin not listed: %d %q %v", status, refused, h)
	}
	h, _, _, _ = corsCall(c, "GET", "/items", map[string]string{"Origin": "https://app.example.com"})
	if h.Get("Access-Control-Allow-Origin") != "https://app.example.com" || h.Get("Access-Control-Allow-Credentials") != "true" || h.Get("Access-Control-Expose-Headers") != "" {
		t.Errorf("listed origin: %v", h)
	}
}

func TestCORSHandler(t *testing.T) {
	c := NewCORS(CORSOptions{Origins: Origins{Any: true}, Routes: corsRoutes})
	reached := 0
	h := c.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { reached++ }))
	for _, m := range []string{"GET", "OPTIONS"} {
		r := httptest.NewRequest(m, "/items", nil)
		r.Header.Set("Origin", "http://a.test")
		r.Header.Set("Access-Control-Request-Method", "POST")
		h.ServeHTTP(httptest.NewRecorder(), r)
	}
	if reached != 1 {
		t.Errorf("the next handler ran %d times, want once (the GET, not the preflight)", reached)
	}
}
