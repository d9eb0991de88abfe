package spec

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/backwards-backend/bb/internal/contract"
)

func TestParseResources(t *testing.T) {
	s := mustParse(t, `
		version: 1
		resources:
		  messages:
		    path: /api/messages
		    id: {field: id, type: int}
		    seed:
		      - {id: 1, user: larry, text: hello, sent_at: "2026-11-30T10:00:00Z", read: false}
		      - {user: sergey, text: hi, sent_at: "2026-11-30T10:01:00Z", read: true, reply_to: 1}
		  people:
		    id: string
		    seed: [{id: larry, name: Larry}]
		`)
	if len(s.Resources) != 2 {
		t.Fatalf("%d resources", len(s.Resources))
	}
	m := s.Resources[0]
	if m.Path != "/api/messages" || m.ID != "id" || m.IDKind != contract.IDInt || m.Item() != "message" || m.Param != "id" {
		t.Errorf("messages: %+v", m)
	}
	if got := m.Seed[1].Get("id"); got == nil || got.Num != "2" {
		t.Errorf("the second seed's id is %v, want 2 (assigned after the largest)", got)
	}
	var routes []string
	for _, e := range s.Endpoints {
		routes = append(routes, e.Name+" "+e.Pattern())
	}
	want := []string{
		"listMessages GET /api/messages", "getMessage GET /api/messages/{id}", "createMessage POST /api/messages",
		"replaceMessage PUT /api/messages/{id}", "updateMessage PATCH /api/messages/{id}", "deleteMessage DELETE /api/messages/{id}",
		"listPeople GET /people", "getPerson GET /people/{id}", "createPerson POST /people",
		"replacePerson PUT /people/{id}", "updatePerson PATCH /people/{id}", "deletePerson DELETE /people/{id}",
	}
	if strings.Join(routes, "\n") != strings.Join(want, "\n") {
		t.Errorf("routes:\n%s", strings.Join(routes, "\n"))
	}
	ts, err := s.Types()
	if err != nil {
		t.Fatal(err)
	}
	rt := ts.Resource(m)
	if rt.Record.Object.Name != "Message" || rt.Input.Object.Name != "NewMessage" || rt.Patch.Object.Name != "MessagePatch" {
		t.Errorf("names %s %s %s", rt.Record.Object.Name, rt.Input.Object.Name, rt.Patch.Object.Name)
	}
	fields := func(tp *Type) string {
		var out []string
		for _, f := range tp.Object.Fields {
			k := f.Key + ":" + f.Type.Kind.String()
			if f.Optional {
				k += "?"
			}
			out = append(out, k)
		}
		return strings.Join(out, " ")
	}
	if got := fields(rt.Record); got != "id:int user:string text:string sent_at:date-time read:bool reply_to:int?" {
		t.Errorf("record %s", got)
	}
	if got := fields(rt.Input); got != "user:string text:string sent_at:date-time read:bool reply_to:int?" {
		t.Errorf("input %s", got)
	}
	if got := fields(rt.Patch); got != "user:string? text:string? sent_at:date-time? read:bool? reply_to:int?" {
		t.Errorf("patch %s", got)
	}
	if people := ts.Resource(s.Resources[1]); fields(people.Input) != "id:string name:string" {
		t.Errorf("a client-chosen id stays in the input: %s", fields(people.Input))
	}
	for _, et := range ts.Endpoints {
		if et.Endpoint.Name == "createMessage" && (et.Request != rt.Input || et.Response != rt.Record) {
			t.Errorf("createMessage takes %v and answers %v", et.Request, et.Response)
		}
	}
	res := m.Contract(ts)
	if res.Record.Name != "Message" || len(res.Fields()) != 6 || res.Input().Fields[0].Key != "user" {
		t.Errorf("contract resource %+v", res)
	}
}

func TestResourceErrors(t *testing.T) {
	for _, tt := range []struct{ name, yaml, at, msg string }{
		{"no seed or schema", `
			version: 1
			resources:
			  messages: {path: /m}
			`, "3:13", "resource messages: give at least one `seed:` record or a `schema:`"},
		{"NUL in a seed", `
			version: 1
			resources:
			  notes:
			    seed: [{id: 1, text: "a\u0000b"}]
			`, "4:12", `resource notes: seed[0].text holds a NUL character (\u0000)`},
		{"resources alike but for case", `
			version: 1
			resources:
			  users: {seed: [{id: 1}]}
			  Users: {path: /v2/users, seed: [{id: 1}]}
			`, "4:3", "resource Users: its list route is the operation listUsers, which resource users at line 3 also makes; rename one of the two"},
		{"empty seed and no schema", `
			version: 1
			resources:
			  messages:
			    seed: []
			`, "4:11", "resource messages: give at least one `seed:` record or a `schema:`"},
		{"bad id type", `
			version: 1
			resources:
			  messages: {id: {type: uid}, seed: [{id: 1}]}
			`, "3:25", `id type "uid" is not one of int, uuid, string; did you mean "uuid"?`},
		{"path param", `
			version: 1
			resources:
			  messages: {path: "/m/{x}", seed: [{id: 1}]}
			`, "3:20", "a resource's path is fixed"},
		{"duplicate seed id", `
			version: 1
			resources:
			  messages:
			    seed: [{id: 1, a: x}, {id: 1, a: y}]
			`, "4:32", "id 1 is already the id of the seed record at line 4"},
		{"uuid seed without id", `
			version: 1
			resources:
			  messages:
			    id: uuid
			    seed: [{a: x}]
			`, "5:12", `has no "id"; a uuid id is written in every seed record`},
		{"bad uuid", `
			version: 1
			resources:
			  messages:
			    id: uuid
			    seed: [{id: "12", a: x}]
			`, "5:17", "must be a UUID"},
		{"route clash", `
			version: 1
			endpoints:
			  allMessages:
			    method: GET
			    path: /messages
			    responses: [{status: 200}]
			resources:
			  messages:
			    seed: [{id: 1, a: x}]
			`, "8:3", "resource messages (its list route): GET /messages is already served by endpoint allMessages (line 3:3)"},
		{"name clash", `
			version: 1
			endpoints:
			  getMessage:
			    method: GET
			    path: /one
			    responses: [{status: 200}]
			resources:
			  messages:
			    seed: [{id: 1, a: x}]
			`, "8:3", "its get route is the operation getMessage, which the endpoint at line 3 also names"},
		{"schema without the id", `
			version: 1
			resources:
			  messages:
			    schema: {type: object, properties: {a: {type: string}}}
			`, "4:13", `a record has no field "id" to hold its id`},
		{"seed against the schema", `
			version: 1
			resources:
			  messages:
			    schema: {type: object, required: [id, a], properties: {id: {type: integer}, a: {type: string}}}
			    seed: [{id: 1, a: x}, {id: 2, a: 3}]
			`, "5:27", "resource messages: seed[1].a: expected string, got number 3"},
		{"string id typed int", `
			version: 1
			resources:
			  people:
			    id: string
			    seed: [{id: 7}]
			`, "5:17", "must be a non-empty string (id type string)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), FileName)
			_, err := Parse(file, []byte(dedent(tt.yaml)))
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("Parse: %v", err)
			}
			e := list[0]
			if at := fmt.Sprintf("%d:%d", e.Pos.Line, e.Pos.Col); at != tt.at || !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("got %s: %s\nwant %s: …%s…", at, e.Msg, tt.at, tt.msg)
			}
		})
	}
}
