package spec

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestServerCORSOrigins(t *testing.T) {
	file := filepath.Join(t.TempDir(), "bb.yaml")
	const endpoints = "endpoints:\n  a: {method: GET, path: /a, responses: [{status: 200}]}\n"
	for _, c := range []struct{ cors, want string }{
		{"cors: {origins: [http://localhost:5173, 'HTTPS://App.Example.com:443']}", "http://localhost:5173,https://app.example.com"},
		{"cors: {origins: 'http://a.test, *, http://b.test'}", "http://a.test,http://b.test"},
		{"cors: {origins: []}", ""},
		{"cors: {origins: }", ""},
		{"cors:", ""},
	} {
		s, err := Parse(file, []byte("version: 1\nserver:\n  "+c.cors+"\n"+endpoints))
		if err != nil {
			t.Errorf("%s: %v", c.cors, err)
			continue
		}
		if s.Server.CORSOrigins != c.want {
			t.Errorf("%s: origins %q, want %q", c.cors, s.Server.CORSOrigins, c.want)
		}
	}
	for _, c := range []struct{ cors, want string }{
		{"cors: {origins: [http://ok.test, 'null']}", `bb.yaml:3:36: server.cors.origins: origin "null" is what sandboxed frames`},
		{"cors: {origins: [localhost:3000]}", `bb.yaml:3:20: server.cors.origins: origin "localhost:3000" is not scheme://host[:port]`},
		{"cors: {origins: [{a: 1}]}", `bb.yaml:3:20: server.cors.origins must be text, not a mapping`},
		{"cors: {origin: [http://a.test]}", `bb.yaml:3:10: unknown key "origin" in server.cors; did you mean "origins"?`},
	} {
		_, err := Parse(file, []byte("version: 1\nserver:\n  "+c.cors+"\n"+endpoints))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.cors, err, c.want)
		}
	}
}

func TestCORSHeaders(t *testing.T) {
	s, err := Parse(filepath.Join(t.TempDir(), "bb.yaml"), []byte(dedent(`
		version: 1
		endpoints:
		  a:
		    method: GET
		    path: /a
		    request: {headers: {x-api-key: k, Authorization: Bearer t}}
		    responses:
		      - when: {header.X-Tenant: t1}
		        headers: {X-Total-Count: "1", Content-Type: text/plain}
		        body: x
		      - example: {headers: {x-trace: "1"}}
		        headers: {ETag: '"v1"'}
		`)))
	if err != nil {
		t.Fatal(err)
	}
	request, response := s.CORSHeaders()
	if want := []string{"Authorization", "X-Api-Key", "X-Tenant", "X-Trace"}; !slices.Equal(request, want) {
		t.Errorf("request headers %q, want %q", request, want)
	}
	if want := []string{"Etag", "X-Total-Count"}; !slices.Equal(response, want) {
		t.Errorf("response headers %q, want %q", response, want)
	}
}
