package spec

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/backwards-backend/bb/internal/contract"
)

func TestParsePlay(t *testing.T) {
	s := mustParse(t, `
		version: 1
		endpoints:
		  createOrder:
		    method: POST
		    path: /api/orders/{id}
		    request:
		      body: {items: [{qty: 2}]}
		    responses:
		      - scenario: offline
		        fault: drop
		      - chance: 0.1
		        status: 503
		        body: {error: try again}
		      - status: 201
		        delay: 50ms..400ms
		        headers: {Location: "/api/orders/{{ uuid }}"}
		        body: {id: "{{ path.id }}", qty: "{{ body.items.0.qty }}", n: "{{ counter }}", plain: text}
		  poll:
		    method: GET
		    path: /api/jobs/1
		    sequence: repeat-last
		    responses:
		      - body: {state: queued}
		      - body: {state: running}
		      - body: {state: done}
		`)
	e := s.Endpoints[0]
	if r := e.Responses[0]; r.Scenario != "offline" || r.Fault != contract.FaultDrop {
		t.Errorf("response 1: %+v", r)
	}
	if r := e.Responses[1]; r.Chance != 0.1 {
		t.Errorf("response 2 chance %v", r.Chance)
	}
	r := e.Responses[2]
	if r.Delay != 50*time.Millisecond || r.DelayMax != 400*time.Millisecond {
		t.Errorf("delay %v..%v", r.Delay, r.DelayMax)
	}
	var where []string
	for _, tp := range r.Templates {
		where = append(where, fmt.Sprintf("%s@%d", tp.Where, tp.Pos.Line))
	}
	if got := strings.Join(where, " "); got != "body.id@17 body.qty@17 body.n@17 header Location@16" {
		t.Errorf("templates: %s", got)
	}
	a := r.Answer()
	if !a.Templated || a.DelayMax != 400*time.Millisecond {
		t.Errorf("answer: %+v", a)
	}
	if s.Endpoints[1].Sequence != contract.SequenceRepeatLast {
		t.Errorf("sequence %q", s.Endpoints[1].Sequence)
	}
	// Only the plain responses are cases a backend must answer.
	var played []string
	for _, c := range Cases(e) {
		played = append(played, c.Played)
	}
	for _, c := range Cases(s.Endpoints[1]) {
		played = append(played, c.Played)
	}
	want := []string{"it answers only in scenario offline", "it answers by chance", "",
		"", "it answers in turn, as a later step of a sequence", "it answers in turn, as a later step of a sequence"}
	if strings.Join(played, "|") != strings.Join(want, "|") {
		t.Errorf("played:\n got %q\nwant %q", played, want)
	}
}

func TestParsePlayErrors(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []wantErr
	}{
		{"bad sequence", `
			version: 1
			endpoints:
			  poll:
			    method: GET
			    path: /jobs
			    sequence: cycles
			    responses: [{status: 200}]
			`, []wantErr{{"6:15", `sequence "cycles" is not repeat-last or cycle; did you mean "cycle"?`}}},
		{"when in a sequence", `
			version: 1
			endpoints:
			  poll:
			    method: GET
			    path: /jobs
			    sequence: cycle
			    responses:
			      - when: {query.a: 1}
			      - status: 200
			`, []wantErr{{"8:9", "a sequence answers its responses in turn, so `when` does not apply"}}},
		{"bad fault", `
			version: 1
			endpoints:
			  x:
			    method: GET
			    path: /x
			    responses:
			      - fault: dorp
			`, []wantErr{{"7:16", `fault "dorp" is not one of drop, reset, timeout, malformed, slow; did you mean "drop"?`}}},
		{"chance out of range", `
			version: 1
			endpoints:
			  x:
			    method: GET
			    path: /x
			    responses:
			      - chance: 10
			      - status: 200
			`, []wantErr{{"7:17", "chance 10 must be above 0 and below 1"}}},
		{"chance not a number", `
			version: 1
			endpoints:
			  x:
			    method: GET
			    path: /x
			    responses:
			      - chance: "10%"
			      - status: 200
			`, []wantErr{{"7:17", "chance must be a number between 0 and 1"}}},
		{"bad scenario name", `
			version: 1
			endpoints:
			  x:
			    method: GET
			    path: /x
			    responses:
			      - scenario: "no wifi"
			`, []wantErr{{"7:19", `scenario "no wifi" must be a name`}}},
		{"delay range backwards", `
			version: 1
			endpoints:
			  x:
			    method: GET
			    path: /x
			    responses:
			      - delay: 2s..1s
			`, []wantErr{{"7:16", `delay "2s..1s" ends before it starts`}}},
		{"delay range bad end", `
			version: 1
			endpoints:
			  x:
			    method: GET
			    path: /x
			    responses:
			      - delay: 1s..soon
			`, []wantErr{{"7:16", `delay "soon" is not a duration`}}},
		{"template syntax", `
			version: 1
			endpoints:
			  x:
			    method: GET
			    path: /x
			    responses:
			      - body: {id: "{{ path.id"}
			`, []wantErr{{"7:20", `body.id: template "{{ path.id": unclosed action`}}},
		{"template unknown function", `
			version: 1
			endpoints:
			  x:
			    method: GET
			    path: /x
			    responses:
			      - body: {home: "{{ env \"HOME\" }}"}
			`, []wantErr{{"7:22", `function "env" not defined`}}},
		{"template misspelt function", `
			version: 1
			endpoints:
			  x:
			    method: GET
			    path: /x
			    responses:
			      - body: {at: "{{ nwo }}"}
			`, []wantErr{{"7:20", `function "nwo" not defined (bb templates know body, query, header, path, now, uuid, random, counter, int, default and Go's text/template builtins); did you mean "now"?`}}},
		{"template bad header", `
			version: 1
			endpoints:
			  x:
			    method: GET
			    path: /x
			    responses:
			      - headers: {Location: "/x/{{ random 9 1 }}"}
			`, []wantErr{{"7:29", `header Location: template "/x/{{ random 9 1 }}"`}}},
		{"template loop", `
			version: 1
			endpoints:
			  x:
			    method: GET
			    path: /x
			    responses:
			      - body: {all: "{{ range body.items }}x{{ end }}"}
			`, []wantErr{{"7:21", `range is not available in bb templates`}}},
		{"bb's own paths", `
			version: 1
			endpoints:
			  x:
			    method: POST
			    path: /_bb/reset
			    responses: [{status: 200}]
			`, []wantErr{{"5:11", "is under /_bb/, which is bb's own"}}},
		{"bad proxy", `
			version: 1
			server: {proxy: "localhost:8080"}
			endpoints:
			  x:
			    method: GET
			    path: /x
			    responses: [{status: 200}]
			`, []wantErr{{"2:17", "server.proxy: \"localhost:8080\" must be an http:// or https:// URL with a host"}}},
		{"fallback of a scenario", `
			version: 1
			endpoints:
			  x:
			    method: GET
			    path: /x
			    responses:
			      - scenario: empty
			        body: []
			      - scenario: empty
			        body: [1]
			      - body: [2]
			`, []wantErr{{"9:9", "can never answer: the response of scenario empty before it has no `when`"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := dedent(tt.yaml)
			_, err := Parse(project(t), []byte(data))
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("Parse error is %T (%v), want ErrorList", err, err)
			}
			if len(list) != len(tt.want) {
				t.Fatalf("got %d errors, want %d:\n%v", len(list), len(tt.want), err)
			}
			for i, w := range tt.want {
				e := list[i]
				if at := fmt.Sprintf("%d:%d", e.Pos.Line, e.Pos.Col); at != w.at {
					t.Errorf("error %d at %s, want %s: %s", i, at, w.at, e.Msg)
				}
				if !strings.Contains(e.Msg, w.msg) {
					t.Errorf("error %d = %q\nwant it to contain %q", i, e.Msg, w.msg)
				}
			}
		})
	}
}

// A string that is one template types as the value it answers.
func TestTemplateTypes(t *testing.T) {
	s := mustParse(t, `
		version: 1
		endpoints:
		  createOrder:
		    method: POST
		    path: /api/orders/{id}
		    request:
		      body: {items: [{qty: 2, price: 1.5}], note: hi}
		    responses:
		      - status: 201
		        body:
		          id: "{{ path.id }}"
		          qty: "{{ body.items.0.qty }}"
		          price: "{{ body.items.0.price }}"
		          n: "{{ counter }}"
		          at: "{{ now }}"
		          epoch: "{{ now \"unix\" }}"
		          label: "order {{ path.id }}"
		          nick: "{{ body.nick | default \"anon\" }}"
		          items: "{{ body.items }}"
		`)
	ts, err := InferTypes(s, InferOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range ts.Endpoints[0].Response.Object.Fields {
		got[f.Key] = f.Type.Kind.String()
		if f.Optional {
			got[f.Key] += "?"
		}
	}
	want := map[string]string{"id": "string", "qty": "int", "price": "double", "n": "int", "at": "date-time",
		"epoch": "int", "label": "string", "nick": "any?", "items": "array"}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: %s, want %s", k, got[k], w)
		}
	}
}

// request.path types path parameters: an example's type, or a schema's.
func TestRequestPathTypes(t *testing.T) {
	s := mustParse(t, `
		version: 1
		endpoints:
		  get:
		    request:
		      path:
		        slug: the-hobbit
		        n: {type: integer}
		        price: 9.5
		        on: {type: boolean, example: true}
		    method: GET
		    path: /b/{slug}/{n}/{price}/{on}/{free}
		    responses: [{body: {ok: true}}]
		`)
	ts, err := InferTypes(s, InferOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range ts.Endpoints[0].Path {
		got = append(got, p.Name+":"+p.Type.Kind.String())
	}
	if want := "slug:string n:int price:double on:bool free:string"; strings.Join(got, " ") != want {
		t.Errorf("path types %s, want %s", strings.Join(got, " "), want)
	}
	if c := Cases(s.Endpoints[0])[0]; c.Path != "/b/the-hobbit/1/9.5/true/example" {
		t.Errorf("the example request goes to %s", c.Path)
	}
}

func TestRequestPathErrors(t *testing.T) {
	for _, tt := range []struct{ yaml, at, msg string }{
		{"path: {slugg: x}", "5:14", `"slugg" is not a parameter of path "/b/{slug}"; did you mean "slug"?`},
		{"path: {slug: [a]}", "5:20", "give an example value (id: 42) or a schema ({type: integer}), not array"},
		{"path: {slug: {type: object}}", "5:20", "a path segment is text, so its schema is a string, integer, number or boolean, not an object"},
	} {
		data := dedent(`
			version: 1
			endpoints:
			  get:
			    request:
			      ` + tt.yaml + `
			    method: GET
			    path: /b/{slug}
			    responses: [{body: {ok: true}}]
			`)
		_, err := Parse(project(t), []byte(data))
		var list ErrorList
		if !errors.As(err, &list) || len(list) != 1 {
			t.Errorf("%s: %v", tt.yaml, err)
			continue
		}
		if at := fmt.Sprintf("%d:%d", list[0].Pos.Line, list[0].Pos.Col); at != tt.at || !strings.Contains(list[0].Msg, tt.msg) {
			t.Errorf("%s: %s %s\nwant %s %s", tt.yaml, at, list[0].Msg, tt.at, tt.msg)
		}
	}
}

// A web page may send X-BB-Scenario to a spec with scenarios: preflights allow it.
func TestScenarioHeaderAllowedByCORS(t *testing.T) {
	s := mustParse(t, `
		version: 1
		endpoints:
		  x:
		    method: GET
		    path: /x
		    responses:
		      - scenario: empty
		        body: []
		      - body: [1]
		`)
	if req, _ := s.CORSHeaders(); !slices.Contains(req, "X-Bb-Scenario") {
		t.Errorf("request headers a preflight allows: %v", req)
	}
}
