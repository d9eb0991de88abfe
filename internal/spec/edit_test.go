package spec

import (
	"strings"
	"testing"
)

func TestAppendEndpoint(t *testing.T) {
	block := "  added:\n    method: GET\n    path: /added\n    responses:\n      - body: {ok: true}\n"
	tests := []struct{ name, in, want string }{
		{"last section", `version: 1   # keep me
endpoints:
  a:   # first
    method: GET
    path: /a
    responses: [{status: 200}]
`, `version: 1   # keep me
endpoints:
  a:   # first
    method: GET
    path: /a
    responses: [{status: 200}]
  added:
    method: GET
    path: /added
    responses:
      - body: {ok: true}
`},
		{"before the next section and its comment", `endpoints:
    a:
        method: GET
        path: /a
        responses: [{status: 200}]

# the server
server:
  port: 4100
`, `endpoints:
    a:
        method: GET
        path: /a
        responses: [{status: 200}]
    added:
      method: GET
      path: /added
      responses:
        - body: {ok: true}

# the server
server:
  port: 4100
`},
		{"no final newline, CRLF", "version: 1\r\nendpoints:\r\n  a:\r\n    method: GET\r\n    path: /a\r\n    responses: [{status: 200}]",
			"version: 1\r\nendpoints:\r\n  a:\r\n    method: GET\r\n    path: /a\r\n    responses: [{status: 200}]\r\n  added:\r\n    method: GET\r\n    path: /added\r\n    responses:\r\n      - body: {ok: true}\r\n"},
	}
	for _, tt := range tests {
		got, err := AppendEndpoint([]byte(tt.in), block)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if string(got) != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
		if _, err := Parse(project(t), got); err != nil && !strings.Contains(err.Error(), "version") {
			t.Errorf("%s: the result does not parse: %v", tt.name, err)
		}
	}
	if _, err := AppendEndpoint([]byte("endpoints: {a: {method: GET, path: /a, responses: [{}]}}\n"), block); err == nil || !strings.Contains(err.Error(), "block") {
		t.Errorf("flow style: %v", err)
	}
}
