package runtime

import (
	"strings"
	"testing"
)

const corsSpec = `version: 1
server:
  cors: {origins: [http://localhost:5173]}
endpoints:
  list:
    method: GET
    path: /items
    request: {headers: {X-Api-Key: k}}
    responses:
      - when: {header.X-Tenant: a}
        headers: {X-Total-Count: "1"}
        body: []
      - body: []
  put:
    method: PUT
    path: /items/{id}
    responses: [{status: 204}]
  own:
    method: OPTIONS
    path: /own
    responses: [{status: 200, body: {mine: true}}]
`

func preflightFrom(origin, method, headers string) map[string]string {
	return map[string]string{"Origin": origin, "Access-Control-Request-Method": method, "Access-Control-Request-Headers": headers}
}

// TestServeCORS: by default any page may call bb serve, without credentials; only the
// origins listed get credentials; preflights allow what the spec declares, not what
// the browser asks for.
func TestServeCORS(t *testing.T) {
	var out strings.Builder
	h := NewServer(routerFromText(t, corsSpec, nil, Options{}), NewLineWriter(&out, 0))
	for _, c := range []call{
		{name: "any origin", method: "GET", target: "/items", status: 200, header: map[string]string{"Origin": "http://evil.test"},
			headers: map[string]string{"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Credentials": "", "Access-Control-Expose-Headers": "*", "Vary": "Origin"}},
		{name: "no origin", method: "GET", target: "/items", status: 200,
			headers: map[string]string{"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Credentials": ""}},
		{name: "origin listed in bb.yaml", method: "GET", target: "/items", status: 200, header: map[string]string{"Origin": "http://localhost:5173", "X-Tenant": "a"},
			headers: map[string]string{"Access-Control-Allow-Origin": "http://localhost:5173", "Access-Control-Allow-Credentials": "true",
				"Access-Control-Expose-Headers": "X-Total-Count", "Vary": "Origin", "X-Total-Count": "1"}},
		{name: "preflight", method: "OPTIONS", target: "/items/7", status: 204, header: preflightFrom("http://evil.test", "PUT", "x-api-key, x-tenant, content-type"),
			headers: map[string]string{"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Credentials": "",
				"Access-Control-Allow-Methods": "GET, HEAD, OPTIONS, PUT", "Access-Control-Allow-Headers": "Authorization, Content-Type, X-Api-Key, X-Tenant",
				"Access-Control-Max-Age": "600", "Vary": "Origin"}},
		{name: "preflight of the listed origin", method: "OPTIONS", target: "/items", status: 204, header: preflightFrom("http://localhost:5173", "GET", "authorization"),
			headers: map[string]string{"Access-Control-Allow-Origin": "http://localhost:5173", "Access-Control-Allow-Credentials": "true",
				"Access-Control-Allow-Methods": "GET, HEAD, OPTIONS, PUT", "Access-Control-Allow-Headers": "Authorization, Content-Type, X-Api-Key, X-Tenant"}},
		{name: "preflight asking for a header the spec lacks", method: "OPTIONS", target: "/items", status: 204, header: preflightFrom("http://evil.test", "GET", "x-evil"),
			headers: map[string]string{"Access-Control-Allow-Headers": "Authorization, Content-Type, X-Api-Key, X-Tenant"}},
		{name: "preflight on the spec's own OPTIONS route", method: "OPTIONS", target: "/own", status: 200, want: `{"mine":true}`,
			header: preflightFrom("http://evil.test", "GET", "")},
	} {
		c.run(t, h)
	}
	for _, line := range []string{
		"OPTIONS /items/7 204 ", "CORS preflight\n",
		"CORS preflight; the browser will not send the request: the header X-Evil is not one the spec names (add it under request.headers)",
	} {
		if !strings.Contains(out.String(), line) {
			t.Errorf("the log lacks %q:\n%s", line, out.String())
		}
	}
}

// TestServeCORSOriginsSetting: --cors-origin (Options.CORSOrigins) wins over bb.yaml.
func TestServeCORSOriginsSetting(t *testing.T) {
	h := NewServer(routerFromText(t, corsSpec, nil, Options{CORSOrigins: "https://app.test, http://localhost:3000"}), nil)
	call{name: "the spec's origin", method: "GET", target: "/items", status: 200, header: map[string]string{"Origin": "http://localhost:5173"},
		headers: map[string]string{"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Credentials": ""}}.run(t, h)
	for _, origin := range []string{"https://app.test", "http://localhost:3000"} {
		call{name: origin, method: "GET", target: "/items", status: 200, header: map[string]string{"Origin": origin},
			headers: map[string]string{"Access-Control-Allow-Origin": origin, "Access-Control-Allow-Credentials": "true", "Vary": "Origin"}}.run(t, h)
	}
	// Without any listed origin, no answer varies by origin.
	plain := NewServer(loadRouter(t, "../../examples/messages", Options{}), nil)
	call{name: "star alone", method: "POST", target: "/api/get_messages", body: `{"user":"larry"}`, status: 200, header: map[string]string{"Origin": "http://a.test"},
		headers: map[string]string{"Access-Control-Allow-Origin": "*", "Vary": ""}}.run(t, plain)
}

func TestServeNoCORS(t *testing.T) {
	h := NewServer(routerFromText(t, corsSpec, nil, Options{NoCORS: true}), nil)
	call{name: "request", method: "GET", target: "/items", status: 200, header: map[string]string{"Origin": "http://localhost:5173"},
		headers: map[string]string{"Access-Control-Allow-Origin": "", "Access-Control-Allow-Credentials": "", "Vary": ""}}.run(t, h)
	call{name: "preflight", method: "OPTIONS", target: "/items", status: 204, header: preflightFrom("http://localhost:5173", "GET", ""),
		headers: map[string]string{"Access-Control-Allow-Origin": "", "Access-Control-Allow-Methods": "", "Allow": "GET, HEAD"}}.run(t, h)
}

// TestReloadNotesCORSOrigins: a reload applies server.cors.origins and says so, unless
// --cors-origin decides.
func TestReloadNotesCORSOrigins(t *testing.T) {
	before := routerFromText(t, corsSpec, nil, Options{})
	after := routerFromText(t, strings.Replace(corsSpec, "[http://localhost:5173]", "[http://a.test, http://b.test]", 1), nil, Options{})
	if got := Diff(before, after).String(); !strings.HasSuffix(got, "; CORS credentials now go to http://a.test, http://b.test") {
		t.Errorf("reload line %q", got)
	}
	none := routerFromText(t, strings.Replace(corsSpec, "  cors: {origins: [http://localhost:5173]}\n", "", 1), nil, Options{})
	if got := Diff(before, none).String(); !strings.HasSuffix(got, "; no origin gets CORS credentials now") {
		t.Errorf("reload line %q", got)
	}
	flagged := routerFromText(t, strings.Replace(corsSpec, "[http://localhost:5173]", "[http://a.test]", 1), nil, Options{CORSOrigins: "http://c.test"})
	if got := Diff(before, flagged).String(); !strings.Contains(got, "but --cors-origin (or BB_CORS_ORIGINS) still says") {
		t.Errorf("reload line %q", got)
	}
	if got := Diff(before, routerFromText(t, corsSpec, nil, Options{})).Notes; len(got) != 0 {
		t.Errorf("notes without a change: %q", got)
	}
}
