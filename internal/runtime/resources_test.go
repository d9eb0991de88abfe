package runtime

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/backwards-backend/bb/internal/contract"
	"github.com/backwards-backend/bb/internal/spec"
	"github.com/backwards-backend/bb/internal/tables"
)

// resourceRouter compiles a spec with resources over a fresh state file.
func resourceRouter(t *testing.T, text string, opt Options) *Router {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "bb.yaml")
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := spec.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	store := tables.Open(StatePath(s))
	t.Cleanup(func() { store.Close() })
	if _, err := SyncState(context.Background(), store, s); err != nil {
		t.Fatal(err)
	}
	opt.Store = store
	return Compile(s, opt)
}

func TestResourceIDs(t *testing.T) {
	rt := resourceRouter(t, `
version: 1
resources:
  people:
    id: {field: handle, type: string}
    seed: [{handle: larry, name: Larry}]
  photos:
    id: uuid
    path: /api/photos/
    seed: [{id: 3f0c2a9e-8b1d-4c52-9a6e-2d7b1f0e4c11, url: "https://example.com/a.jpg"}]
endpoints:
  getMe:
    method: GET
    path: /me
    responses:
      - status: 404
        body: {message: nobody}
`, Options{Play: &contract.Play{Rand: contract.NewRand(7)}})
	for _, c := range []call{
		{name: "string id, chosen by the client", method: "POST", target: "/people", body: `{"handle":"ann","name":"Ann"}`, status: 201,
			want: `{"handle":"ann","name":"Ann"}` + "\n", headers: map[string]string{"Location": "/people/ann"}},
		{name: "a duplicate is a 409 in the spec's error shape", method: "POST", target: "/people", body: `{"handle":"ann","name":"Ann"}`, status: 409,
			want: `{"message":"a person with handle ann exists already"}` + "\n"},
		{name: "the path's parameter is the id field", method: "GET", target: "/people/larry", status: 200, want: `{"handle":"larry","name":"Larry"}` + "\n"},
		{name: "a body may repeat its own id", method: "PUT", target: "/people/larry", body: `{"handle":"larry","name":"Lawrence"}`, status: 200},
		{name: "never another", method: "PATCH", target: "/people/larry", body: `{"handle":"bob"}`, status: 400,
			has: []string{`body.handle: is string \"bob\", but the path names person larry; an id never changes`}},
		{name: "uuid ids are drawn by the server", method: "POST", target: "/api/photos", body: `{"url":"https://example.com/b.jpg"}`, status: 201,
			has: []string{`{"id":"`, `","url":"https://example.com/b.jpg"}`}},
		{name: "a trailing slash in the path is the same resource", method: "GET", target: "/api/photos/3f0c2a9e-8b1d-4c52-9a6e-2d7b1f0e4c11", status: 200},
		{name: "an empty body", method: "POST", target: "/api/photos", status: 400, has: []string{"expected a JSON object, got an empty body"}},
		{name: "not an object", method: "POST", target: "/api/photos", body: `[1]`, status: 400, has: []string{"expected an object, got array"}},
		{name: "broken JSON", method: "POST", target: "/api/photos", body: `{"url":`, status: 400},
		{name: "unknown fields are refused", method: "POST", target: "/api/photos", body: `{"url":"x","size":3}`, status: 400, has: []string{"body.size"}},
	} {
		t.Run(c.name, func(t *testing.T) { c.run(t, rt) })
	}
}

// TestResourceWithoutStore: a router compiled without a store says why it cannot
// answer, rather than answering from the seeds' examples.
func TestResourceWithoutStore(t *testing.T) {
	rt := routerFromText(t, "version: 1\nresources:\n  notes:\n    seed: [{id: 1, text: a}]\n", nil, Options{})
	call{method: "GET", target: "/notes", status: 503, has: []string{"resource notes has no store"}}.run(t, rt)
}

// TestResourceRefusalsAsDeclared: the 400, 404 and 409 answers a resource's routes
// declare, which Swift, OpenAPI and the ejected types are made from, are what the kernel
// answers: the same status and headers, and the same body but for the problems a 400
// also lists.
func TestResourceRefusalsAsDeclared(t *testing.T) {
	chat, err := os.ReadFile("../../examples/chat/bb.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		"chat": string(chat),
		"string ids, problem details": `
version: 1
resources:
  people:
    id: {field: handle, type: string}
    seed: [{handle: larry, name: Larry}]
endpoints:
  getMe:
    method: GET
    path: /me
    responses:
      - status: 401
        headers: {Content-Type: application/problem+json}
        body: {type: about:blank, title: Unauthorized, status: 401, detail: sign in}
`,
	} {
		t.Run(name, func(t *testing.T) {
			rt := resourceRouter(t, text, Options{})
			refusals := 0
			for _, e := range rt.spec.Endpoints {
				if e.Resource == nil {
					continue
				}
				seed := e.Resource.Seed[0]
				item := e.Resource.Path + "/" + seed.Get(e.Resource.ID).Text()
				for _, resp := range e.Responses {
					if resp.Status < 400 {
						continue
					}
					want := string(resp.Body.JSON())
					if resp.Status == 400 {
						want = strings.TrimSuffix(want, "}") + `,"problems":`
					}
					c := call{name: e.Name, method: e.Method, target: item, status: resp.Status, has: []string{want}, headers: map[string]string{}}
					for _, h := range resp.Headers {
						c.headers[h.Name] = h.Value
					}
					switch {
					case resp.Status == 409:
						c.target, c.body = e.Resource.Path, string(seed.JSON())
					case resp.Status == 404:
						// The id the example names, which no record has; PUT sends the seed
						// record under that id, PATCH an empty patch.
						msg := string(resp.Body.JSON())
						id := msg[strings.LastIndex(msg, " ")+1 : strings.LastIndex(msg, `"`)]
						c.target = e.Resource.Path + "/" + id
						switch e.Op {
						case contract.OpReplace:
							var doc map[string]any
							json.Unmarshal(seed.JSON(), &doc)
							delete(doc, e.Resource.ID)
							if e.Resource.IDKind == contract.IDString {
								doc[e.Resource.ID] = id
							}
							body, _ := json.Marshal(doc)
							c.body = string(body)
						case contract.OpUpdate:
							c.body = "{}"
						}
					case resp.Status != 400:
						continue
					case e.Op == contract.OpList:
						c.target = e.Resource.Path + "?_limit=ten"
					case e.Op == contract.OpGet || e.Op == contract.OpDelete:
						c.target = e.Resource.Path + "/x"
					case e.Op == contract.OpCreate:
						c.target = e.Resource.Path
					}
					refusals++
					t.Run(fmt.Sprintf("%s %d", e.Name, resp.Status), func(t *testing.T) { c.run(t, rt) })
				}
			}
			if refusals < 4 {
				t.Errorf("only %d refusals declared", refusals)
			}
		})
	}
}
