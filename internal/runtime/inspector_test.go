package runtime

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/backwards-backend/bb/internal/spec"
)

const inspectedSpec = `version: 1
name: Chat
# a comment the stub button must keep
endpoints:
  getMessages:
    method: POST
    path: /api/get_messages
    request:
      body: {user: larry}
    responses:
      - when: {body.user: larry}
        body: {messages: [hi]}
      - status: 404   # the fallback
        body: {error: no such user}
  avatar:
    method: GET
    path: /avatar
    responses:
      - bodyFile: big.bin
        headers: {Content-Type: application/octet-stream}
`

// inspected is a Server with an inspector, driven without a network.
func inspected(t *testing.T, keep int, opt Options) (*Server, *Inspector) {
	t.Helper()
	rt := routerFromText(t, inspectedSpec, map[string]string{"big.bin": strings.Repeat("x", MaxInspectedBody+100)}, opt)
	srv := NewServer(rt, nil)
	in := NewInspector(srv, InspectorOptions{Keep: keep, File: rt.Spec().File})
	srv.Inspect(in)
	return srv, in
}

// do sends one request to h from addr (host:port).
func do(h http.Handler, from, method, target, body string, header ...string) *httptest.ResponseRecorder {
	var r *http.Request
	if body == "" {
		r = httptest.NewRequest(method, target, nil)
	} else {
		r = httptest.NewRequest(method, target, strings.NewReader(body))
	}
	r.RemoteAddr = from
	r.Host = "localhost:4000"
	for i := 0; i+1 < len(header); i += 2 {
		if header[i] == "Host" {
			r.Host = header[i+1]
			continue
		}
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

const (
	local  = "127.0.0.1:50000"
	remote = "192.168.1.20:50000"
)

func detail(t *testing.T, h http.Handler, id uint64) Detail {
	t.Helper()
	w := do(h, local, "GET", fmt.Sprintf("/_bb/api/requests/%d", id), "")
	if w.Code != 200 {
		t.Fatalf("request %d: %d %s", id, w.Code, w.Body)
	}
	var d Detail
	if err := json.Unmarshal(w.Body.Bytes(), &d); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestInspectorRecordsWhyAndWhat(t *testing.T) {
	srv, _ := inspected(t, 10, Options{})
	if w := do(srv, local, "POST", "/api/get_messages", `{"user":"bob"}`, "X-Trace", "7"); w.Code != 404 {
		t.Fatalf("status %d", w.Code)
	}
	d := detail(t, srv, 1)
	if d.Endpoint != "getMessages" || d.Response != 2 || d.Status != 404 || d.Method != "POST" || d.URI != "/api/get_messages" {
		t.Errorf("summary = %+v", d.Summary)
	}
	if len(d.Misses) != 1 || !strings.Contains(d.Misses[0], "body.user") || !strings.Contains(d.Misses[0], `"bob"`) {
		t.Errorf("misses = %q, want why response 1 did not match, with the value seen", d.Misses)
	}
	if string(d.RequestBody) != `{"user":"bob"}` || d.RequestHeader.Get("X-Trace") != "7" {
		t.Errorf("request body %q, headers %v", d.RequestBody, d.RequestHeader)
	}
	if string(d.Body) != `{"error":"no such user"}` || d.Header.Get("Content-Type") != "application/json" {
		t.Errorf("response body %q, headers %v", d.Body, d.Header)
	}
	if d.Stub != "" {
		t.Errorf("an endpoint answered, yet a stub is suggested: %q", d.Stub)
	}

	// A request no endpoint answers carries the stub that would.
	do(srv, local, "GET", "/api/things/7?page=2", "")
	d = detail(t, srv, 2)
	if !strings.Contains(d.Stub, "getThings:") || !strings.Contains(d.Stub, "path: /api/things/{thingId}") || !strings.Contains(d.Stub, "page: 2") {
		t.Errorf("stub = %q", d.Stub)
	}
}

func TestInspectorClipsBodies(t *testing.T) {
	srv, _ := inspected(t, 10, Options{MaxBody: 1 << 20})
	big := `{"user":"` + strings.Repeat("a", MaxInspectedBody) + `"}`
	do(srv, local, "POST", "/api/get_messages", big)
	do(srv, local, "GET", "/avatar", "")
	d := detail(t, srv, 1)
	if len(d.RequestBody) != MaxInspectedBody || !d.RequestClipped {
		t.Errorf("request body kept %d bytes, clipped %v; want %d, true", len(d.RequestBody), d.RequestClipped, MaxInspectedBody)
	}
	d = detail(t, srv, 2)
	if len(d.Body) != MaxInspectedBody || !d.Clipped || d.MaxBody != MaxInspectedBody {
		t.Errorf("response body kept %d bytes, clipped %v", len(d.Body), d.Clipped)
	}
	do(srv, local, "POST", "/api/get_messages", `{"user":"larry"}`)
	if d := detail(t, srv, 3); d.RequestClipped || d.Clipped {
		t.Errorf("small bodies marked clipped: %+v", d)
	}
}

func TestInspectorKeepsTheLastN(t *testing.T) {
	srv, in := inspected(t, 3, Options{})
	for i := range 5 {
		do(srv, local, "GET", fmt.Sprintf("/nothing/%d", i), "")
	}
	var ids []uint64
	for _, x := range in.kept() {
		ids = append(ids, x.ID)
	}
	if fmt.Sprint(ids) != "[3 4 5]" {
		t.Errorf("kept %v, want [3 4 5]", ids)
	}
	for _, id := range []uint64{0, 1, 2, 6} {
		if w := do(srv, local, "GET", fmt.Sprintf("/_bb/api/requests/%d", id), ""); w.Code != 404 {
			t.Errorf("request %d: %d, want 404", id, w.Code)
		}
	}
	if d := detail(t, srv, 5); d.URI != "/nothing/4" {
		t.Errorf("request 5 is %s", d.URI)
	}
}

func TestInspectorMarksWhatTheEjectedServerRefuses(t *testing.T) {
	for _, validate := range []bool{false, true} {
		srv, _ := inspected(t, 10, Options{Validate: validate})
		w := do(srv, local, "POST", "/api/get_messages", `{"user":5}`)
		want := 404 // the stub's fallback still answers
		if validate {
			want = 400
		}
		if w.Code != want {
			t.Errorf("validate=%v: status %d, want %d", validate, w.Code, want)
		}
		d := detail(t, srv, 1)
		if len(d.Unfit) == 0 || d.Unfit[0].Path != "body.user" || d.Unfit[0].Msg == "" {
			t.Errorf("validate=%v: unfit = %+v, want body.user with a reason", validate, d.Unfit)
		}
		do(srv, local, "POST", "/api/get_messages", `{"user":"larry"}`)
		if d := detail(t, srv, 2); len(d.Unfit) != 0 {
			t.Errorf("a fitting request is marked: %+v", d.Unfit)
		}
	}
}

func TestInspectorAnswersThisMachineOnly(t *testing.T) {
	var log syncBuffer
	rt := routerFromText(t, inspectedSpec, map[string]string{"big.bin": "x"}, Options{})
	srv := NewServer(rt, NewLineWriter(&log, 0))
	in := NewInspector(srv, InspectorOptions{File: rt.Spec().File, Log: func(f string, a ...any) { fmt.Fprintf(&log, f+"\n", a...) }})
	srv.Inspect(in)
	paths := []string{"/_bb", "/_bb/", "/_bb/inspector.js", "/_bb/inspector.css", "/_bb/favicon.svg", "/_bb/events", "/_bb/api/spec", "/_bb/api/requests/1", "/_bb/api/stub"}
	for _, p := range paths {
		for _, c := range []struct {
			from, host string
		}{
			{remote, "localhost:4000"},
			{remote, "192.168.1.10:4000"},
			{"[fe80::1]:5000", "localhost:4000"},
			// A page of another site whose name was made to resolve to 127.0.0.1.
			{local, "evil.example:4000"},
			{local, "localhost.evil.example"},
		} {
			if w := do(srv, c.from, "GET", p, "", "Host", c.host); w.Code != http.StatusForbidden {
				t.Errorf("GET %s from %s as %s: %d, want 403", p, c.from, c.host, w.Code)
			}
		}
	}
	if !strings.Contains(log.String(), "inspector refused "+remote) {
		t.Errorf("the refusal is not logged:\n%s", log.String())
	}
	for _, host := range []string{"localhost:4000", "127.0.0.1:4000", "[::1]:4000", "LOCALHOST"} {
		if w := do(srv, local, "GET", "/_bb/", "", "Host", host); w.Code != 200 {
			t.Errorf("GET /_bb/ as %s: %d, want 200", host, w.Code)
		}
	}
	// The stubs still answer the phone.
	if w := do(srv, remote, "POST", "/api/get_messages", `{"user":"larry"}`); w.Code != 200 {
		t.Errorf("a stub from the LAN: %d", w.Code)
	}
	// The refusals are in the page's log too.
	var refused int
	for _, x := range in.kept() {
		if x.Status == 403 && strings.HasPrefix(x.Note, "inspector refused") {
			refused++
		}
	}
	if refused == 0 {
		t.Error("the inspector's log shows no refusal")
	}
}

func TestInspectorPageIsInert(t *testing.T) {
	srv, in := inspected(t, 10, Options{})
	w := do(srv, local, "GET", "/_bb/", "")
	csp := w.Header().Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'none'", "script-src 'self'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
		t.Errorf("CSP allows inline code: %q", csp)
	}
	page := w.Body.String()
	if !strings.Contains(page, `<meta name="bb-token" content="`+in.Token()+`">`) || len(in.Token()) != 32 {
		t.Errorf("the page does not carry the token")
	}
	// Every script is a file of its own; no element has an event handler attribute.
	if m := regexp.MustCompile(`<script(\s[^>]*)?>[^<]+</script>|\son[a-z]+=`).FindString(page); m != "" {
		t.Errorf("the page has inline script: %q", m)
	}
	js := do(srv, local, "GET", "/_bb/inspector.js", "")
	if ct := js.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/javascript") || js.Header().Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("script served as %q", ct)
	}
	// Nothing a request carries is parsed as HTML.
	for _, sink := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"} {
		if strings.Contains(js.Body.String(), sink) {
			t.Errorf("inspector.js uses %s", sink)
		}
	}
	if w := do(srv, local, "POST", "/_bb/", ""); w.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST /_bb/: %d", w.Code)
	}
}

func TestInspectorAddStubNeedsTheSameOriginAndToken(t *testing.T) {
	srv, in := inspected(t, 10, Options{})
	file := srv.Router().Spec().File
	before, _ := os.ReadFile(file)
	do(srv, local, "GET", "/api/things/7", "")
	origin := "http://localhost:4000"
	for _, c := range []struct {
		name, method, from string
		header             []string
		want               int
	}{
		{"GET", "GET", local, []string{"Origin", origin, "X-BB-Token", in.Token()}, 405},
		{"no origin", "POST", local, []string{"X-BB-Token", in.Token()}, 403},
		{"foreign origin", "POST", local, []string{"Origin", "http://evil.example", "X-BB-Token", in.Token()}, 403},
		{"null origin", "POST", local, []string{"Origin", "null", "X-BB-Token", in.Token()}, 403},
		{"other port", "POST", local, []string{"Origin", "http://localhost:5173", "X-BB-Token", in.Token()}, 403},
		{"no token", "POST", local, []string{"Origin", origin}, 403},
		{"wrong token", "POST", local, []string{"Origin", origin, "X-BB-Token", strings.Repeat("0", 32)}, 403},
		{"from the LAN", "POST", remote, []string{"Origin", origin, "X-BB-Token", in.Token()}, 403},
	} {
		if w := do(srv, c.from, c.method, "/_bb/api/stub", `{"id":1}`, c.header...); w.Code != c.want {
			t.Errorf("%s: %d %s, want %d", c.name, w.Code, w.Body, c.want)
		}
	}
	if after, _ := os.ReadFile(file); string(after) != string(before) {
		t.Fatalf("a refused request changed bb.yaml:\n%s", after)
	}
	// A request that was answered has no stub to add.
	do(srv, local, "POST", "/api/get_messages", `{"user":"larry"}`)
	last := func() string { k := in.kept(); return fmt.Sprintf(`{"id":%d}`, k[len(k)-1].ID) }
	if w := do(srv, local, "POST", "/_bb/api/stub", last(), "Origin", origin, "X-BB-Token", in.Token()); w.Code != 404 {
		t.Errorf("stub of an answered request: %d", w.Code)
	}
	w := do(srv, local, "POST", "/_bb/api/stub", `{"id":1}`, "Origin", origin, "X-BB-Token", in.Token())
	if w.Code != 200 || !strings.Contains(w.Body.String(), `"endpoint":"getThings"`) {
		t.Fatalf("add stub: %d %s", w.Code, w.Body)
	}
	after, _ := os.ReadFile(file)
	if !strings.HasPrefix(string(after), string(before)) {
		t.Errorf("the edit changed what was there:\n%s", after)
	}
	if added := strings.TrimPrefix(string(after), string(before)); !strings.Contains(added, "  getThings:\n    method: GET\n    path: /api/things/{thingId}\n") {
		t.Errorf("added:\n%s", added)
	}
	// Once broken, bb.yaml is left alone.
	os.WriteFile(file, []byte("version: 1\nendpoints: [\n"), 0o644)
	do(srv, local, "GET", "/api/other/1", "")
	if w := do(srv, local, "POST", "/_bb/api/stub", last(), "Origin", origin, "X-BB-Token", in.Token()); w.Code != 409 || !strings.Contains(w.Body.String(), "does not load") {
		t.Errorf("stub into a broken spec: %d %s", w.Code, w.Body)
	}
}

// events reads a server-sent event stream.
type events struct {
	ch   chan [2]string
	body io.Closer
}

func openEvents(t *testing.T, base string) *events {
	t.Helper()
	resp, err := http.Get(base + "/_bb/events")
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); resp.StatusCode != 200 || ct != "text/event-stream" {
		t.Fatalf("events: %d %s", resp.StatusCode, ct)
	}
	e := &events{ch: make(chan [2]string, 100), body: resp.Body}
	t.Cleanup(func() { resp.Body.Close() })
	go func() {
		defer close(e.ch)
		sc := bufio.NewScanner(resp.Body)
		var name, data string
		for sc.Scan() {
			switch l := sc.Text(); {
			case strings.HasPrefix(l, "event: "):
				name = l[7:]
			case strings.HasPrefix(l, "data: "):
				data = l[6:]
			case l == "" && name != "":
				e.ch <- [2]string{name, data}
				name, data = "", ""
			}
		}
	}()
	return e
}

// waitFor returns the data of the first event named name whose data contains want.
func (e *events) waitFor(t *testing.T, name, want string) string {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case ev, ok := <-e.ch:
			if !ok {
				t.Fatalf("the stream ended before a %s event with %s", name, want)
			}
			if ev[0] == name && strings.Contains(ev[1], want) {
				return ev[1]
			}
		case <-deadline:
			t.Fatalf("no %s event with %s", name, want)
		}
	}
}

// serveInspected runs Serve with the inspector and the watcher on inspectedSpec.
func serveInspected(t *testing.T) (base, file string) {
	t.Helper()
	rt := routerFromText(t, inspectedSpec, map[string]string{"big.bin": "x"}, Options{})
	s := rt.Spec()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Serve(ctx, s, Config{File: s.File, Host: "127.0.0.1", Out: io.Discard, Log: io.Discard,
			Inspector: &InspectorOptions{}, Ready: func(addr string) { ready <- addr }})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	select {
	case addr := <-ready:
		return "http://" + addr, s.File
	case err := <-done:
		t.Fatalf("Serve: %v", err)
	}
	return "", ""
}

func TestInspectorStreams(t *testing.T) {
	base, file := serveInspected(t)
	// A request made before the page opens is in the first events.
	http.Post(base+"/api/get_messages", "application/json", strings.NewReader(`{"user":"larry"}`))
	ev := openEvents(t, base)
	ev.waitFor(t, "reset", "")
	ev.waitFor(t, "request", `"endpoint":"getMessages","response":1`)
	ev.waitFor(t, "status", `"total":2`)

	// Then each request, as it is answered.
	resp, err := http.Get(base + "/api/things/7")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	data := ev.waitFor(t, "request", `"uri":"/api/things/7"`)
	var x Summary
	if err := json.Unmarshal([]byte(data), &x); err != nil || x.Status != 404 || x.Stub == "" || x.ID != 2 {
		t.Errorf("event %s (%v)", data, err)
	}
	// The page's own requests are not in its log.
	http.Get(base + "/_bb/api/spec")

	// Add the stub the miss suggests: the reload serves it, and the page hears of it.
	page, _ := http.Get(base + "/_bb/")
	html, _ := io.ReadAll(page.Body)
	page.Body.Close()
	token := regexp.MustCompile(`name="bb-token" content="([0-9a-f]+)"`).FindStringSubmatch(string(html))[1]
	req, _ := http.NewRequest("POST", base+"/_bb/api/stub", strings.NewReader(`{"id":2}`))
	req.Header.Set("Origin", base)
	req.Header.Set("X-BB-Token", token)
	resp, err = http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("add stub: %v %v", resp, err)
	}
	resp.Body.Close()
	ev.waitFor(t, "status", `"added":["getThings"]`)
	resp, err = http.Get(base + "/api/things/7")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("after adding the stub: %v %v", resp, err)
	}
	resp.Body.Close()
	ev.waitFor(t, "request", `"endpoint":"getThings","response":1`)

	// A bad save: the errors, with where they are, and the spec still served.
	text, _ := os.ReadFile(file)
	os.WriteFile(file, []byte(strings.Replace(string(text), "method: GET\n    path: /avatar", "methd: GET\n    path: /avatar", 1)), 0o644)
	data = ev.waitFor(t, "status", `"failed"`)
	var st Status
	json.Unmarshal([]byte(data), &st)
	if len(st.Errors) == 0 || st.Errors[0].Line == 0 || st.Errors[0].Col == 0 || !strings.Contains(st.Errors[0].Text, "bb.yaml:") || st.Total != 3 {
		t.Errorf("status after a bad save: %s", data)
	}
}

func TestInspectorSpecView(t *testing.T) {
	rt := routerFromText(t, inspectedSpec, map[string]string{"big.bin": "x"}, Options{})
	srv := NewServer(rt, nil)
	srv.Inspect(NewInspector(srv, InspectorOptions{SwiftCalls: func(s *spec.Spec) map[string]string {
		return map[string]string{"getMessages": "try await client.getMessages()"}
	}}))
	w := do(srv, local, "GET", "/_bb/api/spec", "")
	var got struct {
		Endpoints []endpointView
	}
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil || len(got.Endpoints) != 2 {
		t.Fatalf("%s (%v)", w.Body, err)
	}
	e := got.Endpoints[0]
	if e.Name != "getMessages" || e.Swift != "try await client.getMessages()" || len(e.Responses) != 2 ||
		fmt.Sprint(e.Responses[0].When) != `[body.user = "larry"]` || e.Responses[1].When != nil {
		t.Errorf("endpoint %+v", e)
	}
	// Each example, sent as the page's "send" button sends it, reaches its response.
	for _, e := range got.Endpoints {
		for i, r := range e.Responses {
			ex := r.Example
			if ex == nil {
				t.Errorf("%s response %d: no example (%s)", e.Name, i+1, r.Unreachable)
				continue
			}
			w := do(srv, local, ex.Method, ex.Target, string(ex.Body))
			if w.Code != r.Status {
				t.Errorf("%s response %d: its example got %d, want %d", e.Name, i+1, w.Code, r.Status)
			}
		}
	}
}
