package runtime

import (
	"context"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/backwards-backend/bb/internal/spec"
)

const reloadSpec = `version: 1
endpoints:
  hello:
    method: GET
    path: /hello
    responses:
      - body: {says: %s}
`

// reloadRig runs a Reloader on a spec in a temp folder and records what it reports.
type reloadRig struct {
	t      *testing.T
	dir    string
	file   string
	srv    *Server
	mu     sync.Mutex
	msgs   []string
	errs   []string
	cancel context.CancelFunc
	done   chan struct{}
}

func newReloadRig(t *testing.T, text string, files map[string]string) *reloadRig {
	t.Helper()
	dir := t.TempDir()
	rig := &reloadRig{t: t, dir: dir, file: filepath.Join(dir, "bb.yaml"), done: make(chan struct{})}
	for name, body := range files {
		rig.write(name, body)
	}
	rig.write("bb.yaml", text)
	s, err := spec.Load(rig.file)
	if err != nil {
		t.Fatal(err)
	}
	rt := Compile(s, Options{})
	rig.srv = NewServer(rt, nil)
	rl := &Reloader{File: rig.file, Server: rig.srv, Report: func(msg string, err error) {
		rig.mu.Lock()
		defer rig.mu.Unlock()
		if err != nil {
			rig.errs = append(rig.errs, err.Error())
		} else {
			rig.msgs = append(rig.msgs, msg)
		}
	}}
	if err := rl.Start(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	rig.cancel = cancel
	go func() { rl.Run(ctx); close(rig.done) }()
	t.Cleanup(func() { cancel(); <-rig.done })
	return rig
}

func (r *reloadRig) write(name, text string) {
	r.t.Helper()
	if err := os.MkdirAll(filepath.Join(r.dir, filepath.Dir(name)), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(r.dir, name), []byte(text), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

// saveByRename saves as most editors do: write a new file, rename it over the old one.
func (r *reloadRig) saveByRename(name, text string) {
	r.t.Helper()
	tmp := filepath.Join(r.dir, "."+name+".swp")
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		r.t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(r.dir, name)); err != nil {
		r.t.Fatal(err)
	}
}

func (r *reloadRig) get(path string) string {
	rec := httptest.NewRecorder()
	r.srv.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	return fmt.Sprintf("%d %s", rec.Code, strings.TrimSpace(rec.Body.String()))
}

// waitFor polls until the answer to path is want; the deadline is generous because
// this is a correctness test, not a timing one (bench/ measures the latency).
func (r *reloadRig) waitFor(path, want string) {
	r.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if r.get(path) == want {
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
	r.t.Fatalf("GET %s never answered %q; last %q; reports %q, errors %q", path, want, r.get(path), r.reports(), r.errors())
}

// waitReports waits until at least n reports arrived (the swap comes just before its
// report, so an answer can change a moment before the report is in) and returns them.
func (r *reloadRig) waitReports(n int) []string {
	r.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for len(r.reports()) < n && time.Now().Before(deadline) {
		time.Sleep(2 * time.Millisecond)
	}
	return r.reports()
}

func (r *reloadRig) reports() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.msgs...)
}

func (r *reloadRig) errors() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.errs...)
}

func TestReloadInPlaceWrite(t *testing.T) {
	rig := newReloadRig(t, fmt.Sprintf(reloadSpec, "one"), nil)
	rig.write("bb.yaml", fmt.Sprintf(reloadSpec, "two"))
	rig.waitFor("/hello", `200 {"says":"two"}`)
	if got := rig.waitReports(1); len(got) != 1 || got[0] != rig.file+": 0 added, 1 changed (hello), 0 removed; 1 endpoint" {
		t.Errorf("reports = %q", got)
	}
}

func TestReloadSaveByRename(t *testing.T) {
	rig := newReloadRig(t, fmt.Sprintf(reloadSpec, "one"), nil)
	rig.saveByRename("bb.yaml", fmt.Sprintf(reloadSpec, "two")+`  bye:
    method: GET
    path: /bye
    responses: [{status: 410}]
`)
	rig.waitFor("/bye", "410 ")
	if got := rig.get("/hello"); got != `200 {"says":"two"}` {
		t.Errorf("hello = %s", got)
	}
	if got := rig.waitReports(1); len(got) != 1 || got[0] != rig.file+": 1 added (bye), 1 changed (hello), 0 removed; 2 endpoints" {
		t.Errorf("reports = %q", got)
	}
}

func TestReloadBadEditKeepsLastGoodSpec(t *testing.T) {
	rig := newReloadRig(t, fmt.Sprintf(reloadSpec, "one"), nil)
	bad := strings.Replace(fmt.Sprintf(reloadSpec, "two"), "responses:", "responsez:", 1)
	rig.write("bb.yaml", bad)
	deadline := time.Now().Add(10 * time.Second)
	for len(rig.errors()) == 0 && time.Now().Before(deadline) {
		time.Sleep(2 * time.Millisecond)
	}
	errs := rig.errors()
	if len(errs) != 1 || !strings.Contains(errs[0], `bb.yaml:6:5: unknown key "responsez" in endpoint hello; did you mean "responses"?`) {
		t.Fatalf("errors = %q", errs)
	}
	if got := rig.get("/hello"); got != `200 {"says":"one"}` {
		t.Fatalf("after a bad edit, hello = %s; want the last good answer", got)
	}
	// A YAML syntax error is no different.
	rig.saveByRename("bb.yaml", "version: 1\nendpoints: {hello: [\n")
	for len(rig.errors()) < 2 && time.Now().Before(deadline) {
		time.Sleep(2 * time.Millisecond)
	}
	if got := rig.get("/hello"); got != `200 {"says":"one"}` {
		t.Fatalf("after broken YAML, hello = %s", got)
	}
	// Fixing the file resumes reloading.
	rig.write("bb.yaml", fmt.Sprintf(reloadSpec, "three"))
	rig.waitFor("/hello", `200 {"says":"three"}`)
}

func TestReloadBodyFile(t *testing.T) {
	rig := newReloadRig(t, "version: 1\nendpoints:\n  data:\n    method: GET\n    path: /data\n    responses: [{bodyFile: data/answer.json}]\n",
		map[string]string{"data/answer.json": `{"v":1}`})
	rig.waitFor("/data", `200 {"v":1}`)
	rig.write("data/answer.json", `{"v":2}`)
	rig.waitFor("/data", `200 {"v":2}`)
	// A bodyFile that stops being JSON is a bad edit like any other.
	rig.write("data/answer.json", `{"v":`)
	deadline := time.Now().Add(10 * time.Second)
	for len(rig.errors()) == 0 && time.Now().Before(deadline) {
		time.Sleep(2 * time.Millisecond)
	}
	if got := rig.get("/data"); got != `200 {"v":2}` {
		t.Fatalf("after a broken bodyFile, data = %s", got)
	}
}

func TestReloadSkipsUnchangedContent(t *testing.T) {
	text := fmt.Sprintf(reloadSpec, "one")
	rig := newReloadRig(t, text, nil)
	for range 3 {
		rig.write("bb.yaml", text)
		rig.saveByRename("bb.yaml", text)
	}
	// Then a real change, so we know the watcher has seen all the writes before it.
	rig.write("bb.yaml", fmt.Sprintf(reloadSpec, "two"))
	rig.waitFor("/hello", `200 {"says":"two"}`)
	if got := rig.waitReports(1); len(got) != 1 {
		t.Errorf("saving the same content reloaded: reports = %q", got)
	}
}

// TestReloadUnderLoad checks that no request fails or sees a half-built config while
// the spec changes under it: every answer is a whole old or new one, and once the new
// answer shows, the old one never comes back.
func TestReloadUnderLoad(t *testing.T) {
	rig := newReloadRig(t, fmt.Sprintf(reloadSpec, "v0"), nil)
	const versions = 5
	var stop atomic.Bool
	var wg sync.WaitGroup
	failures := make(chan string, 100)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			last := 0
			for n := 0; !stop.Load() && n < 200000; n++ {
				rec := httptest.NewRecorder()
				rig.srv.ServeHTTP(rec, httptest.NewRequest("GET", "/hello", nil))
				body, _ := io.ReadAll(rec.Body)
				var v int
				if rec.Code != 200 || !strings.HasPrefix(string(body), `{"says":"v`) {
					failures <- fmt.Sprintf("%d %s", rec.Code, body)
					return
				}
				fmt.Sscanf(strings.TrimPrefix(string(body), `{"says":"v`), "%d", &v)
				if v < last {
					failures <- fmt.Sprintf("went back from v%d to v%d", last, v)
					return
				}
				last = v
			}
		}()
	}
	for i := 1; i <= versions; i++ {
		if i%2 == 0 {
			rig.saveByRename("bb.yaml", fmt.Sprintf(reloadSpec, fmt.Sprintf("v%d", i)))
		} else {
			rig.write("bb.yaml", fmt.Sprintf(reloadSpec, fmt.Sprintf("v%d", i)))
		}
		rig.waitFor("/hello", fmt.Sprintf(`200 {"says":"v%d"}`, i))
	}
	stop.Store(true)
	wg.Wait()
	close(failures)
	for f := range failures {
		t.Error(f)
	}
}

// TestReloadSeesSaveBeforeRun: a save between the first load and the watch loop (for
// example right after bb serve says it is ready) is not lost.
func TestReloadSeesSaveBeforeRun(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "bb.yaml")
	os.WriteFile(file, []byte(fmt.Sprintf(reloadSpec, "one")), 0o644)
	s, err := spec.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	rt := Compile(s, Options{})
	srv := NewServer(rt, nil)
	var reports []string
	var mu sync.Mutex
	rl := &Reloader{File: file, Server: srv, Report: func(msg string, err error) {
		mu.Lock()
		defer mu.Unlock()
		reports = append(reports, fmt.Sprint(msg, err))
	}}
	// Saved after loading, before the watch started.
	os.WriteFile(file, []byte(fmt.Sprintf(reloadSpec, "two")), 0o644)
	if err := rl.Start(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { rl.Run(ctx); close(done) }()
	defer func() { cancel(); <-done }()
	rig := &reloadRig{t: t, srv: srv}
	rig.waitFor("/hello", `200 {"says":"two"}`)
}

// TestReloadFirstLookIsQuiet: when nothing changed since the first load, starting the
// watch reports nothing.
func TestReloadFirstLookIsQuiet(t *testing.T) {
	rig := newReloadRig(t, fmt.Sprintf(reloadSpec, "one"), nil)
	time.Sleep(100 * time.Millisecond) // give a wrong report the chance to appear
	if got := rig.reports(); len(got) != 0 {
		t.Errorf("reports = %q, want none", got)
	}
}

// TestReloadBodyFileInNewFolder: an edit names a bodyFile that does not exist yet, in a
// folder bb never watched; writing the file fixes the spec without touching bb.yaml.
func TestReloadBodyFileInNewFolder(t *testing.T) {
	for _, existing := range []bool{false, true} {
		t.Run(fmt.Sprintf("folder_exists=%v", existing), func(t *testing.T) {
			rig := newReloadRig(t, fmt.Sprintf(reloadSpec, "one"), nil)
			if existing {
				os.MkdirAll(filepath.Join(rig.dir, "data"), 0o755)
			}
			rig.write("bb.yaml", "version: 1\nendpoints:\n  hello:\n    method: GET\n    path: /hello\n    responses: [{bodyFile: data/hello.json}]\n")
			deadline := time.Now().Add(10 * time.Second)
			for len(rig.errors()) == 0 && time.Now().Before(deadline) {
				time.Sleep(2 * time.Millisecond)
			}
			if errs := rig.errors(); len(errs) == 0 || !strings.Contains(errs[0], `bodyFile "data/hello.json" does not exist`) {
				t.Fatalf("errors = %q", errs)
			}
			rig.write("data/hello.json", `{"says":"from file"}`)
			rig.waitFor("/hello", `200 {"says":"from file"}`)
		})
	}
}

func TestReloadMessages(t *testing.T) {
	good := fmt.Sprintf(reloadSpec, "one")
	rig := newReloadRig(t, good, nil)
	waitReports := func(n int) []string {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for len(rig.reports())+len(rig.errors()) < n && time.Now().Before(deadline) {
			time.Sleep(2 * time.Millisecond)
		}
		return append(rig.reports(), rig.errors()...)
	}
	// A comment-only edit changes no endpoint.
	rig.write("bb.yaml", "# a comment\n"+good)
	if got := waitReports(1); len(got) != 1 || got[0] != rig.file+": no endpoint changed; 1 endpoint" {
		t.Fatalf("reports = %q", got)
	}
	// A broken edit, then the last good text again.
	rig.write("bb.yaml", "version: 1\nendpoints: {}\n")
	waitReports(2)
	rig.write("bb.yaml", good)
	if got := waitReports(3); len(rig.reports()) != 2 || rig.reports()[1] != rig.file+": back to the last good spec; no endpoint changed; 1 endpoint" {
		t.Fatalf("reports = %q", got)
	}
	// A new port cannot be applied while serving: say so.
	rig.write("bb.yaml", strings.Replace(good, "version: 1\n", "version: 1\nserver: {port: 4321}\n", 1))
	if got := waitReports(4); !strings.HasSuffix(rig.reports()[2], "server.port is now 4321: restart bb serve to listen there") {
		t.Fatalf("reports = %q", got)
	}
	// Deleting the file is reported once; putting it back reloads.
	os.Remove(rig.file)
	deadline := time.Now().Add(10 * time.Second)
	for len(rig.errors()) < 2 && time.Now().Before(deadline) {
		time.Sleep(2 * time.Millisecond)
	}
	if errs := rig.errors(); len(errs) != 2 || !strings.HasSuffix(errs[1], "bb.yaml was removed; put it back and bb reloads it") {
		t.Fatalf("errors = %q", errs)
	}
	rig.write("bb.yaml", fmt.Sprintf(reloadSpec, "back"))
	rig.waitFor("/hello", `200 {"says":"back"}`)
	if got := rig.get("/hello"); got != `200 {"says":"back"}` {
		t.Fatal(got)
	}
}

// TestReloadParsesOnlyChanges: the first look after start and a save that changes
// nothing parse nothing; a real edit parses the spec once.
func TestReloadParsesOnlyChanges(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "bb.yaml")
	if err := os.WriteFile(file, []byte(fmt.Sprintf(reloadSpec, "one")), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := spec.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	srv := NewServer(Compile(s, Options{}), nil)
	rl := &Reloader{File: file, Server: srv}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { rl.Run(ctx); close(done) }()
	time.Sleep(100 * time.Millisecond) // the first look
	os.WriteFile(file, []byte(fmt.Sprintf(reloadSpec, "one")), 0o644)
	time.Sleep(100 * time.Millisecond) // a save that changes nothing
	os.WriteFile(file, []byte(fmt.Sprintf(reloadSpec, "two")), 0o644)
	rig := &reloadRig{t: t, srv: srv}
	rig.waitFor("/hello", `200 {"says":"two"}`)
	cancel()
	<-done
	if rl.parses != 1 {
		t.Errorf("parsed the spec %d times, want once (for the one real edit)", rl.parses)
	}
}

// TestReloadsReleaseOldRouters: a hundred reloads leave the live heap where one did,
// within 10%: old routers, their stubs and their specs are released, even the stubs a
// reload adopts.
func TestReloadsReleaseOldRouters(t *testing.T) {
	text := playSpec
	for i := range 60 {
		text += fmt.Sprintf("  extra%d:\n    method: GET\n    path: /extra/%d\n    responses:\n      - body: {n: %d, items: [a, b, c], note: \"{{ counter }}\"}\n", i, i, i)
	}
	rt := routerFromText(t, text, nil, Options{})
	srv := NewServer(rt, nil)
	file := rt.Spec().File
	reload := func(i int) {
		// Half the endpoints change each time; the others are adopted.
		s, err := spec.Parse(file, []byte(strings.ReplaceAll(text, "note:", fmt.Sprintf("v%d: %d, note:", i%2, i))))
		if err != nil {
			t.Fatal(err)
		}
		srv.Swap(Compile(s, Options{}))
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, httptest.NewRequest("GET", "/extra/1", nil))
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
