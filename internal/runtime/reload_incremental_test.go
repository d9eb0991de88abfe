package runtime

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"testing"

	"github.com/backwards-backend/bb/internal/spec"
)

// incrementalRig reloads a spec file through a Reloader and its Cache, as bb serve does.
type incrementalRig struct {
	t    *testing.T
	file string
	srv  *Server
	rl   *Reloader
}

func newIncrementalRig(t *testing.T, text string) *incrementalRig {
	t.Helper()
	file := filepath.Join(t.TempDir(), "bb.yaml")
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	o := spec.Options{Cache: spec.NewCache()}
	s, err := o.Load(context.Background(), file)
	if err != nil {
		t.Fatal(err)
	}
	srv := NewServer(Compile(s, Options{Validate: true}), nil)
	rl := &Reloader{File: file, Server: srv, Spec: o, Options: Options{Validate: true}}
	if err := rl.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rl.w.Close() })
	return &incrementalRig{t: t, file: file, srv: srv, rl: rl}
}

// save writes text and reloads it, and fails the test when the reload failed.
func (r *incrementalRig) save(text string) {
	r.t.Helper()
	if err := os.WriteFile(r.file, []byte(text), 0o644); err != nil {
		r.t.Fatal(err)
	}
	r.rl.reload(context.Background())
	if r.rl.failed {
		r.t.Fatalf("the reload failed")
	}
}

// TestIncrementalReloadAnswersLikeAFullLoad: after each of a series of edits, reloaded
// through the Cache (endpoints, types, stubs, request checks and routing kept where they
// did not change), every example request gets the answer a server compiled from a full
// load of the same text gives, byte for byte: status, headers and body, with requests
// checked against the types (--validate).
func TestIncrementalReloadAnswersLikeAFullLoad(t *testing.T) {
	text := bigSpec(100)
	rig := newIncrementalRig(t, text)
	edits := []struct{ name, from, to string }{
		{"a word", "name: answer,", "name: answered,"},
		{"a line added", "name: answered,", "name:\n          answered,"},
		{"a field added", "price: 9.5, tags: [x], owner: {id: 7, name: ann}}\n      - status: 404\n        body: {error: not found}\n  op51:",
			"price: 9.5, tags: [x], stock: 3, owner: {id: 7, name: ann}}\n      - status: 404\n        body: {error: not found}\n  op51:"},
		{"a path changed", "path: /api/r7/{id}", "path: /api/r7b/{id}"},
		{"an endpoint added", "  op0:\n", "  added:\n    method: GET\n    path: /added\n    responses:\n      - body: {ok: true}\n  op0:\n"},
		{"an endpoint removed", "  op3:\n    method: DELETE\n    path: /api/r3/{id}\n", "  op3b:\n    method: DELETE\n    path: /api/r3b/{id}\n"},
		{"a condition changed", "  op9:\n    method: POST\n    path: /api/r9/{id}\n    request:\n      body: {name: item9, qty: 2, tags: [a, b]}\n    responses:\n      - when: {path.id: 1}",
			"  op9:\n    method: POST\n    path: /api/r9/{id}\n    request:\n      body: {name: item9, qty: 2, tags: [a, b]}\n    responses:\n      - when: {body.qty: 2}"},
		{"a request field added", "body: {name: item13, qty: 6, tags: [a, b]}", "body: {name: item13, qty: 6, tags: [a, b], color: red}"},
		{"an endpoint that borrows a path parameter's type added", "  op6:\n", "  extra4:\n    method: GET\n    path: /api/r4/{id}/extra\n    responses:\n      - body: {ok: true}\n  op6:\n"},
		{"the type it borrows changed", "    path: /api/r4/{id}\n    responses:\n      - when: {path.id: 1}", "    path: /api/r4/{id}\n    responses:\n      - when: {path.id: abc}"},
		{"the error shape changed", "body: {error: not found}\n  op99:", "body: {error: not found, code: 4}\n  op99:"},
	}
	for _, e := range edits {
		if !strings.Contains(text, e.from) {
			t.Fatalf("%s: the spec has no %q", e.name, e.from)
		}
		text = strings.Replace(text, e.from, e.to, 1)
		rig.save(text)
		full, err := spec.Load(rig.file)
		if err != nil {
			t.Fatal(err)
		}
		sameAnswers(t, e.name, rig.srv, NewServer(Compile(full, Options{Validate: true}), nil), full)
	}
}

// sameAnswers sends every example request of s to both servers and fails the test
// when any answer differs.
func sameAnswers(t *testing.T, edit string, got, want *Server, s *spec.Spec) {
	t.Helper()
	n := 0
	for _, e := range s.Endpoints {
		for _, c := range spec.Cases(e) {
			if c.Unreachable != "" || c.Played != "" {
				continue
			}
			send := func(srv *Server) *httptest.ResponseRecorder {
				var body []byte
				if c.Body != nil {
					body = c.Body.JSON()
				}
				req := httptest.NewRequest(c.Method, c.Path, bytes.NewReader(body))
				req.URL.RawQuery = c.Query.Encode()
				for k, v := range c.Header {
					req.Header[k] = v
				}
				w := httptest.NewRecorder()
				srv.ServeHTTP(w, req)
				return w
			}
			a, b := send(got), send(want)
			if a.Code != b.Code || a.Body.String() != b.Body.String() || fmt.Sprint(a.Header()) != fmt.Sprint(b.Header()) {
				t.Fatalf("after %s, %s: reloaded: %d %v %s; full load: %d %v %s", edit, c.Target(),
					a.Code, a.Header(), a.Body, b.Code, b.Header(), b.Body)
			}
			n++
		}
	}
	if n < len(s.Endpoints) {
		t.Fatalf("after %s: only %d requests compared", edit, n)
	}
}

// TestIncrementalReloadsReleaseMemory: a hundred reloads through the Cache, each an edit
// of one endpoint, leave the live heap within 10% of where one left it: the cache keeps
// only what the last spec holds, and old routers, specs and types are released.
func TestIncrementalReloadsReleaseMemory(t *testing.T) {
	text := bigSpec(300)
	rig := newIncrementalRig(t, text)
	reload := func(i int) {
		edit := strings.Replace(text, "name: answer,", fmt.Sprintf("name: answer%d,", i), 1)
		if i%3 == 0 {
			edit = strings.Replace(edit, "  op20:\n", fmt.Sprintf("  op20:\n    summary: s%d\n", i), 1)
		}
		rig.save(edit)
		w := httptest.NewRecorder()
		rig.srv.ServeHTTP(w, httptest.NewRequest(http.MethodPut, "/api/r150/1", strings.NewReader(`{"name":"x","qty":1,"tags":["a"]}`)))
		if want := fmt.Sprintf("answer%d", i); !strings.Contains(w.Body.String(), want) {
			t.Fatalf("reload %d: answered %d %s, want %s", i, w.Code, w.Body, want)
		}
	}
	heap := func() uint64 {
		var m goruntime.MemStats
		goruntime.GC()
		goruntime.GC()
		goruntime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	reload(0)
	before := heap()
	for i := 1; i <= 100; i++ {
		reload(i)
	}
	after := heap()
	if after > before+before/10 {
		t.Errorf("live heap grew from %d to %d bytes over 100 reloads", before, after)
	}
	t.Logf("live heap %d bytes after one reload, %d after 100", before, after)
}
