package eject

import (
	"bytes"
	"context"
	"debug/elf"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	goruntime "runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/backwards-backend/bb/internal/contract"
	"github.com/backwards-backend/bb/internal/runtime"
	"github.com/backwards-backend/bb/internal/spec"
	"github.com/backwards-backend/bb/internal/verify"
)

// postgresURL is the PostgreSQL server .ci/run starts for the tests. Outside CI, without
// one, the PostgreSQL parts are left out and say so; in CI its absence is a failure.
func postgresURL(t *testing.T) string {
	t.Helper()
	u := os.Getenv("BB_TEST_POSTGRES_URL")
	if u == "" && os.Getenv("CI") != "" {
		t.Fatal("BB_TEST_POSTGRES_URL is not set: CI must test the store against PostgreSQL (see .ci/run)")
	}
	if u == "" {
		t.Log("BB_TEST_POSTGRES_URL not set: testing the store against SQLite only")
	}
	return u
}

func goTool() string { return filepath.Join(goruntime.GOROOT(), "bin", "go") }

// gocmd runs the go tool in dir, failing the test with its output.
func gocmd(t *testing.T, dir string, env []string, args ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, goTool(), args...)
	cmd.Dir = dir
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s in the ejected project: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// goEnv is the environment for the go tool inside an ejected module: no workspace or
// flags of ours leak in, and go.sum must already hold every dependency. Every build is
// the Dockerfile's kind (no cgo, trimmed paths), so the dependencies compile once.
func goEnv(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GOFLAGS=") && !strings.HasPrefix(kv, "GOWORK=") {
			env = append(env, kv)
		}
	}
	return append(append(env, "GOFLAGS=-mod=readonly -trimpath", "GOWORK=off", "CGO_ENABLED=0"), extra...)
}

// TestEjectedProjects ejects every spec of the corpus, then proves the project the way
// its owner would use it: go vet, go build and go test pass in it, and the built server,
// started on a free loopback port, answers every example request of the spec exactly as
// bb serve does (status, content type, the spec's headers, the JSON body).
func TestEjectedProjects(t *testing.T) {
	pg := postgresURL(t)
	for _, c := range specCases(t) {
		t.Run(c.name, func(t *testing.T) {
			s, p := generate(t, c.dir)
			dir := t.TempDir()
			if _, err := Write(dir, p, WriteOptions{}); err != nil {
				t.Fatal(err)
			}
			writeRoundTripTest(t, s, dir)
			if c.name == "example-messages" {
				writeTypedOutputTest(t, dir)
			}
			if c.name == "resources" {
				writePanicTest(t, dir)
			}
			testDB := pg
			if pg != "" && len(s.Resources) > 0 {
				// Its tables are named after the spec's resources, which another
				// project's may share: its store tests get a database of their own.
				testDB = freshPostgres(t, dir, pg)
			}
			env := goEnv("TEST_DATABASE_URL=" + testDB)
			if c.name == "example-messages" {
				wrongShapeFails(t, dir, env)
			}
			gocmd(t, dir, env, "vet", "./...")
			gocmd(t, dir, env, "build", "-o", "bin/server", "./cmd/server")
			gocmd(t, dir, env, "test", "-count=1", "./...")

			if len(s.Resources) > 0 {
				// Records change with every write: one CRUD sequence, one request at a
				// time, against bb serve with a fresh state file and the ejected server
				// on a fresh database, on SQLite and on PostgreSQL.
				bin := filepath.Join(dir, "bin", "server")
				resourceDifferential(t, c.name, s, serveWithState(t, s), startServer(t, bin, "sqlite:"+filepath.Join(dir, "resources.db"), s.HealthPath(), "STUB_SEED=7"))
				if pg != "" {
					resourceDifferential(t, c.name, s, serveWithState(t, s), startServer(t, bin, freshPostgres(t, dir, pg), s.HealthPath(), "STUB_SEED=7"))
				}
			}

			if len(s.Scenarios()) > 0 || hasPlay(s) {
				// Stubs that play keep state (counters, sequences, a seeded random
				// source): both servers start fresh with one seed and get the same
				// requests in the same order.
				play := &contract.Play{Faults: true, Rand: contract.NewRand(7)}
				stub := httptest.NewServer(runtime.Compile(s, runtime.Options{NoCORS: true, Validate: true, Play: play}))
				defer stub.Close()
				ejected := startServer(t, filepath.Join(dir, "bin", "server"), "sqlite:"+filepath.Join(dir, "data.db"), s.HealthPath(), "STUB_FAULTS=on", "STUB_SEED=7")
				orderedDifferential(t, s, stub.URL, ejected)
				return
			}
			stub := httptest.NewServer(runtime.Compile(s, runtime.Options{NoCORS: true, Validate: true}))
			defer stub.Close()
			ejected := startServer(t, filepath.Join(dir, "bin", "server"), "sqlite:"+filepath.Join(dir, "data.db"), s.HealthPath())
			compared := 0
			for _, e := range s.Endpoints {
				if e.Resource != nil {
					continue // the resource differential above compares them
				}
				for _, cs := range spec.Cases(e) {
					if cs.Unreachable != "" || cs.Played != "" {
						continue
					}
					compareAnswers(t, &cs, stub.URL, ejected)
					compared++
				}
			}
			if compared == 0 && len(s.Resources) == 0 {
				t.Fatal("no example request to compare")
			}
			differential(t, s, stub.URL, ejected)
			// bb verify finds nothing wrong with the ejected server: every case it can
			// reach passes, as it does against bb serve.
			rep := verify.Run(context.Background(), s, verify.Options{BaseURL: ejected, Timeout: 10 * time.Second})
			for _, r := range rep.Results {
				if r.Outcome == verify.Fail {
					t.Errorf("bb verify against the ejected server: %s: %s", r.Name, strings.Join(r.Failures, "; "))
				}
			}
			// Its resource round trip (create, get, list, update, delete) runs, and passes.
			for _, res := range s.Resources {
				passed := 0
				for _, r := range rep.Results {
					if r.Outcome == verify.Pass && strings.HasPrefix(r.Name, res.Name+" round trip: ") {
						passed++
					}
				}
				if passed < 5 {
					t.Errorf("bb verify against the ejected server: %d steps of the %s round trip passed, want at least 5", passed, res.Name)
				}
			}
			if c.name == "example-messages" {
				hostAndPort(t, filepath.Join(dir, "bin", "server"), dir)
				staticBuild(t, dir)
				// CORS and the HTTP edges: off by default, then with CORS_ORIGINS.
				checkEdges(t, ejected, "")
				withCORS := startServer(t, filepath.Join(dir, "bin", "server"), "sqlite:"+filepath.Join(dir, "cors.db"), s.HealthPath(), "CORS_ORIGINS=*, http://localhost:5173")
				checkEdges(t, withCORS, "*, http://localhost:5173")
			}
			if c.name == "example-messages" && pg != "" {
				// The same server on PostgreSQL: it migrates, reports healthy and answers.
				onPG := startServer(t, filepath.Join(dir, "bin", "server"), pg, s.HealthPath())
				cs := spec.Cases(s.Endpoints[0])[0]
				compareAnswers(t, &cs, stub.URL, onPG)
			}
		})
	}
}

// startServer runs an ejected server binary on a free loopback port, with env added to
// its environment, until the test ends, then stops it with SIGTERM and checks it shut
// down cleanly. It returns the base URL.
func startServer(t *testing.T, bin, databaseURL, healthPath string, env ...string) string {
	t.Helper()
	port := freePort(t)
	cmd := exec.Command(bin)
	cmd.Dir = filepath.Dir(bin)
	cmd.Env = append(append(os.Environ(), "HOST=127.0.0.1", "PORT="+strconv.Itoa(port), "DATABASE_URL="+databaseURL), env...)
	var logs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("the ejected server did not shut down cleanly on SIGTERM: %v\n%s", err, logs.String())
			}
		case <-time.After(20 * time.Second):
			cmd.Process.Kill()
			t.Errorf("the ejected server did not stop within 20s of SIGTERM\n%s", logs.String())
		}
	})
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(base + healthPath)
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK && string(body) == `{"status":"ok"}` {
				return base
			}
			t.Fatalf("%s: %d %s", healthPath, resp.StatusCode, body)
		}
		select {
		case err := <-done:
			t.Fatalf("the ejected server exited: %v\n%s", err, logs.String())
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("the ejected server did not answer %s within 30s\n%s", healthPath, logs.String())
		}
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// send makes the case's request against base.
func send(t *testing.T, cs *spec.Case, base string) (*http.Response, []byte) {
	t.Helper()
	var body io.Reader
	if cs.Body != nil {
		body = bytes.NewReader(cs.Body.JSON())
	}
	target := base + cs.Path
	if len(cs.Query) > 0 {
		target += "?" + cs.Query.Encode()
	}
	req, err := http.NewRequest(cs.Method, target, body)
	if err != nil {
		t.Fatal(err)
	}
	for k, vs := range cs.Header {
		req.Header[k] = vs
	}
	if cs.Body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s: %v", cs.Name(), err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s: reading the body: %v", cs.Name(), err)
	}
	return resp, data
}

// compareAnswers sends one example request to bb serve and to the ejected server and
// fails on any difference that matters to a client.
func compareAnswers(t *testing.T, cs *spec.Case, stubURL, ejectedURL string) {
	t.Helper()
	want, wantBody := send(t, cs, stubURL)
	got, gotBody := send(t, cs, ejectedURL)
	where := cs.Name() + " " + cs.Target()
	if got.StatusCode != want.StatusCode {
		t.Errorf("%s: status %d, bb serve gives %d; body %s", where, got.StatusCode, want.StatusCode, gotBody)
		return
	}
	headers := []string{"Content-Type"}
	for _, h := range cs.Response.Headers {
		headers = append(headers, h.Name)
	}
	for _, h := range headers {
		w, g := want.Header.Values(h), got.Header.Values(h)
		if h == "Content-Type" && len(w) == 1 && len(g) == 1 {
			w[0], _, _ = mime.ParseMediaType(w[0])
			g[0], _, _ = mime.ParseMediaType(g[0])
		}
		if strings.Join(w, ", ") != strings.Join(g, ", ") {
			t.Errorf("%s: header %s is %q, bb serve gives %q", where, h, g, w)
		}
	}
	if err := sameJSON(wantBody, gotBody); err != nil {
		t.Errorf("%s: %v\n  bb serve: %s\n  ejected:  %s", where, err, wantBody, gotBody)
	}
}

// sameJSON reports whether two bodies are the same JSON document (numbers by value, any
// key order), or the same bytes when the first is not JSON.
func sameJSON(want, got []byte) error {
	if len(bytes.TrimSpace(want)) == 0 || !json.Valid(want) {
		if !bytes.Equal(want, got) {
			return errors.New("bodies differ")
		}
		return nil
	}
	v, err := spec.FromJSON(want)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(got))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return fmt.Errorf("the ejected server's body is not JSON: %v", err)
	}
	if !v.Equal(doc) {
		return errors.New("JSON bodies differ")
	}
	return nil
}

// writeRoundTripTest adds a test to the ejected project that decodes every JSON body of
// the spec into its generated Go type and encodes it again: the same document must come
// back, so the types lose no key, mistype no value and spell every key as on the wire.
func writeRoundTripTest(t *testing.T, s *spec.Spec, dir string) {
	t.Helper()
	ts, err := inferTypes(s)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString(strings.Replace(roundTripHead, "MODULE", Module(dir), 1))
	for _, et := range ts.Endpoints {
		for i, r := range et.Endpoint.Responses {
			typ := et.Error
			if r.Status >= 200 && r.Status < 300 {
				typ = et.Response
			}
			var body []byte
			switch {
			case typ == nil || !r.JSONBody():
				continue
			case r.Body != nil:
				body = r.TypingBody(et.Endpoint).JSON()
			default:
				body = r.BodyData
			}
			fmt.Fprintf(&b, "\troundTrip[%s](t, %q, %q)\n", goType(typ), fmt.Sprintf("%s response %d", et.Endpoint.Name, i+1), body)
		}
		if et.Request != nil && et.Endpoint.Request.Body != nil {
			fmt.Fprintf(&b, "\troundTrip[%s](t, %q, %q)\n", goType(et.Request), et.Endpoint.Name+" request", et.Endpoint.Request.Body.JSON())
		}
	}
	b.WriteString("}\n")
	if err := os.WriteFile(filepath.Join(dir, "internal", "api", "roundtrip_test.go"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

const roundTripHead = `package api

import (
	"encoding/json"
	"testing"
	"time"

	"MODULE/internal/contract"
)

func roundTrip[T any](t *testing.T, name, in string) {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(in), &v); err != nil {
		t.Errorf("%s: decoding %s: %v", name, in, err)
		return
	}
	out, err := json.Marshal(v)
	if err != nil {
		t.Errorf("%s: encoding: %v", name, err)
		return
	}
	a, _ := contract.Decode([]byte(in), "in")
	b, _ := contract.Decode(out, "out")
	if !sameDoc(a, b) {
		t.Errorf("%s: round trip changed the document:\n  in:  %s\n  out: %s", name, in, out)
	}
}

// sameDoc is jsonEqual, but a date-time may come back in another spelling of the same
// instant (.000Z becomes Z).
func sameDoc(a, b any) bool {
	switch a := a.(type) {
	case string:
		bs, ok := b.(string)
		ta, errA := time.Parse(time.RFC3339Nano, a)
		tb, errB := time.Parse(time.RFC3339Nano, bs)
		return ok && (a == bs || errA == nil && errB == nil && ta.Equal(tb))
	case []any:
		bl, ok := b.([]any)
		if !ok || len(a) != len(bl) {
			return false
		}
		for i := range a {
			if !sameDoc(a[i], bl[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		// An optional key may be absent or null, and the two mean the same: the
		// generated types send neither for a nil field.
		bm, ok := b.(map[string]any)
		if !ok {
			return false
		}
		for k := range a {
			if !sameDoc(a[k], bm[k]) {
				return false
			}
		}
		for k := range bm {
			if _, ok := a[k]; !ok && bm[k] != nil {
				return false
			}
		}
		return true
	}
	return contract.Equal(a, b)
}

func TestRoundTrip(t *testing.T) {
`

// staticBuild runs the Dockerfile's build step and checks it gives a static binary,
// which the distroless base image needs: no dynamic loader, no shared libraries.
func staticBuild(t *testing.T, dir string) {
	t.Helper()
	docker, err := os.ReadFile(filepath.Join(dir, "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	const step = `CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/server ./cmd/server`
	if !strings.Contains(string(docker), step) {
		t.Fatalf("the Dockerfile no longer builds with %s; keep this test in step", step)
	}
	gocmd(t, dir, goEnv(), "build", "-ldflags=-s -w", "-o", "bin/static", "./cmd/server")
	f, err := elf.Open(filepath.Join(dir, "bin", "static"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP || p.Type == elf.PT_DYNAMIC {
			t.Fatalf("the Dockerfile's build gives a dynamically linked binary (%v)", p.Type)
		}
	}
}

// writeTypedOutputTest adds a test to the ejected messages project: a handler's typed
// output sends a nil list as [], the spec's shape, never null.
func writeTypedOutputTest(t *testing.T, dir string) {
	t.Helper()
	const test = `package api

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

type nilHandler struct{}

func (nilHandler) GetMessages(r *http.Request, in GetMessagesInput) (GetMessagesOutput, error) {
	return GetMessagesOK(GetMessagesResponse{}).WithHeader("X-Count", "0"), nil
}

func TestNilListIsEmpty(t *testing.T) {
	srv := NewServer(nilHandler{}, Options{})
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest("POST", "/api/get_messages", strings.NewReader(` + "`" + `{"user":"ada"}` + "`" + `)))
	if rec.Code != 200 || rec.Body.String() != ` + "`" + `{"messages":[]}` + "`" + ` || rec.Header().Get("X-Count") != "0" || rec.Header().Get("Content-Type") != "application/json" {
		t.Errorf("got %d %v %s", rec.Code, rec.Header(), rec.Body)
	}
}
`
	if err := os.WriteFile(filepath.Join(dir, "internal", "api", "typed_test.go"), []byte(test), 0o644); err != nil {
		t.Fatal(err)
	}
}

// wrongShapeFails proves an answer of the wrong shape does not compile: the 200 of
// getMessages takes a GetMessagesResponse, not the error type.
func wrongShapeFails(t *testing.T, dir string, env []string) {
	t.Helper()
	bad := filepath.Join(dir, "internal", "wrongshape")
	if err := os.MkdirAll(bad, 0o755); err != nil {
		t.Fatal(err)
	}
	src := "package wrongshape\n\nimport \"" + Module(dir) + "/internal/api\"\n\nvar _ = api.GetMessagesOK(api.ErrorResponse{Error: \"no\"})\n"
	if err := os.WriteFile(filepath.Join(bad, "bad.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(goTool(), "build", "./internal/wrongshape")
	cmd.Dir, cmd.Env = dir, env
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "cannot use") {
		t.Errorf("an answer of the wrong shape compiled: %v\n%s", err, out)
	}
	if err := os.RemoveAll(bad); err != nil {
		t.Fatal(err)
	}
}

// hostAndPort: without HOST the ejected server listens on 127.0.0.1 only, and says so
// once it listens; on a port already taken it says so in one line, and how to go on.
func hostAndPort(t *testing.T, bin, dir string) {
	t.Helper()
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	port := strconv.Itoa(taken.Addr().(*net.TCPAddr).Port)
	cmd := exec.Command(bin)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOST=", "PORT="+port, "DATABASE_URL=sqlite:"+filepath.Join(dir, "taken.db"))
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("the ejected server started on a port in use:\n%s", out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], "port "+port+" is in use, perhaps by bb serve: stop it, or run with PORT=") {
		t.Errorf("on a port in use, the ejected server said:\n%s", out)
	}

	free := freePort(t)
	cmd = exec.Command(bin)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOST=", "PORT="+strconv.Itoa(free), "DATABASE_URL=sqlite:"+filepath.Join(dir, "host.db"))
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	defer func() {
		cmd.Process.Kill()
		<-exited
	}()
	var first struct{ Msg, Addr string }
	if err := json.NewDecoder(stderr).Decode(&first); err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("http://127.0.0.1:%d", free); first.Msg != "listening" || first.Addr != want {
		t.Fatalf("first log line %+v, want listening on %s", first, want)
	}
	go func() {
		io.Copy(io.Discard, stderr)
		exited <- cmd.Wait()
	}()
	// Browsers and URLSession open connections ahead of requests; net/http alone waits 5
	// seconds for such a one at shutdown.
	silent, err := net.Dial("tcp", strings.TrimPrefix(first.Addr, "http://"))
	if err != nil {
		t.Fatalf("logged listening, yet: %v", err)
	}
	defer silent.Close()
	// It logged "listening" with the listener already open.
	resp, err := http.Get(first.Addr + "/healthz")
	if err != nil {
		t.Fatalf("logged listening, yet: %v", err)
	}
	resp.Body.Close()
	cmd.Process.Signal(os.Interrupt)
	select {
	case err := <-exited:
		exited <- err
		if err != nil {
			t.Errorf("after Ctrl-C: %v", err)
		}
	case <-time.After(time.Second):
		t.Errorf("the ejected server, idle, still running 1s after Ctrl-C")
	}
}

// TestStoreChoices: each --store builds, vets and passes its tests, and its go.mod
// holds the drivers asked for and no other: none needs no module at all.
func TestStoreChoices(t *testing.T) {
	pg := postgresURL(t)
	s, err := spec.Load("../../../examples/messages")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		store      Store
		has, lacks []string
	}{
		{Store{}, nil, []string{"require", "sqlite", "pgx"}},
		{Store{SQLite: true}, []string{"modernc.org/sqlite"}, []string{"pgx"}},
		{Store{Postgres: true}, []string{"github.com/jackc/pgx/v5"}, []string{"sqlite"}},
	} {
		t.Run(c.store.String(), func(t *testing.T) {
			p, err := Generate(s, Options{Store: c.store})
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			if _, err := Write(dir, p, WriteOptions{Store: c.store}); err != nil {
				t.Fatal(err)
			}
			mod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range c.has {
				if !bytes.Contains(mod, []byte(w)) {
					t.Errorf("go.mod lacks %s:\n%s", w, mod)
				}
			}
			for _, w := range c.lacks {
				if bytes.Contains(mod, []byte(w)) {
					t.Errorf("go.mod holds %s:\n%s", w, mod)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "internal", "store")); c.store.Any() == os.IsNotExist(err) {
				t.Errorf("internal/store: %v, with --store %s", err, c.store)
			}
			env := goEnv("TEST_DATABASE_URL=" + pg)
			gocmd(t, dir, env, "vet", "./...")
			gocmd(t, dir, env, "test", "-count=1", "./...")
		})
	}
}
