package runtime

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/backwards-backend/bb/internal/spec"
)

// loadSpecText is the spec of the reload-under-load test at spec version s. Every answer
// carries the version it came from: /inline in its X-V header and twice in its body,
// /file in its X-V header (the spec's version) and throughout its bodyFile (the file's).
func loadSpecText(s int) string {
	return fmt.Sprintf(`version: 1
name: Load
endpoints:
  inline:
    method: GET
    path: /inline
    responses:
      - headers: {X-V: "%[1]d"}
        body: {v: %[1]d, same: [%[1]d, %[1]d, %[1]d]}
  file:
    method: GET
    path: /file
    responses:
      - headers: {X-V: "%[1]d"}
        bodyFile: data/v.json
`, s)
}

// loadBodyText is the bodyFile at file version f: a few KiB, more than one page, so a
// read of a half-written file is a prefix that must be refused, never served.
func loadBodyText(f int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `{"v": %d, "same": [`, f)
	for i := range 600 {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(f))
	}
	b.WriteString("]}\n")
	return b.String()
}

// How an editor saves a file.
type saveMode int

const (
	saveInPlace        saveMode = iota // truncate and write, as os.WriteFile does
	saveByRename                       // write a temporary file, rename it over the old one
	saveVim                            // vim with backupcopy=no (its default where it can)
	saveDeleteRecreate                 // remove the file, then write it again a moment later
)

func (m saveMode) String() string {
	return [...]string{"in-place", "rename", "vim", "delete-recreate"}[m]
}

// What one step of the test writes.
type loadEdit int

const (
	editValid   loadEdit = iota // the next version
	editBadYAML                 // a YAML syntax error in the spec
	editBadKey                  // a misspelt key in the spec
	editBadJSON                 // a bodyFile cut short
)

type loadStep struct {
	file string // "bb.yaml" or "data/v.json"
	save saveMode
	edit loadEdit
	n    int // the version it carries (invalid edits carry one never served)
}

// loadState is what the project folder holds after a valid step: the version the spec
// carries and the version the bodyFile carries. Each step rewrites one file only, so
// state k is the pair with max(s, f) == k.
type loadState struct{ s, f int }

// loadSchedule returns the steps of the test, always the same ones for a seed: every
// save mode for both files with a valid edit and with an invalid one (followed by a
// valid fix of the same file, since any other edit would leave the folder broken),
// and the states the valid steps produce, states[0] being the initial one.
func loadSchedule(rounds int, seed uint64) ([]loadStep, []loadState) {
	r := rand.New(rand.NewPCG(seed, seed))
	const specFile, bodyFile = "bb.yaml", "data/v.json"
	var groups [][]loadStep
	for round := range rounds {
		for _, file := range []string{specFile, bodyFile} {
			for save := saveInPlace; save <= saveDeleteRecreate; save++ {
				groups = append(groups, []loadStep{{file: file, save: save}})
				bad := editBadJSON
				if file == specFile {
					bad = []loadEdit{editBadYAML, editBadKey}[(round+int(save))%2]
				}
				fix := saveMode(r.IntN(int(saveDeleteRecreate) + 1))
				groups = append(groups, []loadStep{{file: file, save: save, edit: bad}, {file: file, save: fix}})
			}
		}
	}
	r.Shuffle(len(groups), func(i, j int) { groups[i], groups[j] = groups[j], groups[i] })
	states := []loadState{{0, 0}}
	var steps []loadStep
	for _, g := range groups {
		for _, st := range g {
			if st.edit != editValid {
				st.n = 1_000_000 + len(steps)
			} else {
				cur := states[len(states)-1]
				st.n = len(states)
				if st.file == specFile {
					cur.s = st.n
				} else {
					cur.f = st.n
				}
				states = append(states, cur)
			}
			steps = append(steps, st)
		}
	}
	return steps, states
}

func (st loadStep) text() string {
	switch st.edit {
	case editBadYAML:
		return strings.Replace(loadSpecText(st.n), "same: [", "same: [[", 1)
	case editBadKey:
		return strings.Replace(loadSpecText(st.n), "    responses:", "    responsez:", 1)
	case editBadJSON:
		t := loadBodyText(st.n)
		return t[:len(t)/2]
	}
	if st.file == "bb.yaml" {
		return loadSpecText(st.n)
	}
	return loadBodyText(st.n)
}

func (st loadStep) String() string {
	what := [...]string{"version", "bad YAML", "bad key", "bad JSON"}[st.edit]
	return fmt.Sprintf("%s %s %d saved %s", st.file, what, st.n, st.save)
}

// loadRig is a real HTTP server on a loopback port, with the request log on as bb serve
// runs it, and a Reloader watching its project folder.
type loadRig struct {
	t    *testing.T
	dir  string
	srv  *Server
	url  string
	mu   sync.Mutex
	errs []string
}

func newLoadRig(t *testing.T) *loadRig {
	t.Helper()
	rig := &loadRig{t: t, dir: t.TempDir()}
	if err := os.MkdirAll(filepath.Join(rig.dir, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	rig.writeFile("data/v.json", loadBodyText(0))
	rig.writeFile("bb.yaml", loadSpecText(0))
	file := filepath.Join(rig.dir, "bb.yaml")
	s, err := spec.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	log := NewLineWriter(io.Discard, 50*time.Millisecond)
	rig.srv = NewServer(Compile(s, Options{}), log)
	rl := &Reloader{File: file, Server: rig.srv, Report: func(msg string, err error) {
		if err != nil {
			rig.mu.Lock()
			rig.errs = append(rig.errs, err.Error())
			rig.mu.Unlock()
		}
	}}
	if err := rl.Start(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { rl.Run(ctx); close(done) }()
	hs := httptest.NewServer(rig.srv)
	rig.url = hs.URL
	t.Cleanup(func() {
		hs.Close()
		cancel()
		<-done
		log.Flush()
	})
	return rig
}

func (r *loadRig) path(name string) string { return filepath.Join(r.dir, filepath.FromSlash(name)) }

func (r *loadRig) writeFile(name, text string) {
	r.t.Helper()
	if err := os.WriteFile(r.path(name), []byte(text), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

func (r *loadRig) errors() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.errs...)
}

// waitError waits for a reload error after the first n that holds want.
func (r *loadRig) waitError(n int, want string) bool {
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		for _, e := range r.errors()[n:] {
			if strings.Contains(e, want) && !(want == "" && strings.Contains(e, "was removed")) {
				return true
			}
		}
		time.Sleep(time.Millisecond)
	}
	return false
}

// serving returns the spec and file versions the server answers /file with now.
func (r *loadRig) serving() loadState {
	rec := httptest.NewRecorder()
	r.srv.ServeHTTP(rec, httptest.NewRequest("GET", "/file", nil))
	var body struct{ V int }
	json.Unmarshal(rec.Body.Bytes(), &body)
	s, _ := strconv.Atoi(rec.Header().Get("X-V"))
	return loadState{s, body.V}
}

// save writes text to name the way mode says.
func (r *loadRig) save(name, text string, mode saveMode, gone string) error {
	p := r.path(name)
	switch mode {
	case saveInPlace:
		return os.WriteFile(p, []byte(text), 0o644)
	case saveByRename:
		tmp := filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".tmp")
		if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
			return err
		}
		return os.Rename(tmp, p)
	case saveVim:
		// vim's sequence under strace (backupcopy=no, or auto on a plain file): probe that
		// the folder takes new files, move the original to the backup, write a new file
		// under the old name, and delete the backup.
		probe := filepath.Join(filepath.Dir(p), "4913")
		f, err := os.OpenFile(probe, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		f.Close()
		os.Remove(probe)
		if err := os.Rename(p, p+"~"); err != nil {
			return err
		}
		if f, err = os.OpenFile(p, os.O_WRONLY|os.O_CREATE, 0o644); err != nil {
			return err
		}
		f.Truncate(0)
		_, err = f.WriteString(text)
		f.Sync()
		f.Chmod(0o644)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
		return os.Remove(p + "~")
	case saveDeleteRecreate:
		n := len(r.errors())
		if err := os.Remove(p); err != nil {
			return err
		}
		// The gap: once the reloader has seen the file gone, the requests that keep
		// coming must still get the last good answers.
		if !r.waitError(n, gone) {
			return fmt.Errorf("removing %s was never reported (%q)", name, gone)
		}
		return os.WriteFile(p, []byte(text), 0o644)
	}
	return fmt.Errorf("unknown save mode %d", mode)
}

// loadChecker checks the answers one client gets: each wholly from one state of the
// folder, and never from an older state than an answer before it.
type loadChecker struct {
	states []loadState
	lastS  map[int]int // the last state each spec version is part of
}

func newLoadChecker(states []loadState) *loadChecker {
	c := &loadChecker{states: states, lastS: map[int]int{}}
	for k, st := range states {
		c.lastS[st.s] = k
	}
	return c
}

// check returns the state an answer shows at the earliest, or an error; low is the
// earliest state the client may see.
func (c *loadChecker) check(path string, status int, header http.Header, body []byte, low int) (int, error) {
	if status != http.StatusOK {
		return low, fmt.Errorf("status %d: %.200s", status, body)
	}
	hv := header.Get("X-V")
	s, err := strconv.Atoi(hv)
	if err != nil {
		return low, fmt.Errorf("X-V header %q", hv)
	}
	var b struct {
		V    *int
		Same []int
	}
	if err := json.Unmarshal(body, &b); err != nil || b.V == nil {
		return low, fmt.Errorf("body is not a whole version: %.200s", body)
	}
	v := *b.V
	for _, x := range b.Same {
		if x != v {
			return low, fmt.Errorf("body mixes versions %d and %d", v, x)
		}
	}
	if path == "/inline" {
		if len(b.Same) != 3 || s != v {
			return low, fmt.Errorf("header says spec version %d, body %d (%d same)", s, v, len(b.Same))
		}
		last, ok := c.lastS[s]
		switch {
		case !ok || c.states[s].s != s:
			return low, fmt.Errorf("spec version %d was never valid on disk", s)
		case last < low:
			return low, fmt.Errorf("went back to spec version %d (states %d to %d) after state %d", s, s, last, low)
		}
		return max(low, s), nil
	}
	if len(b.Same) != 600 {
		return low, fmt.Errorf("bodyFile has %d values, want 600", len(b.Same))
	}
	k := max(s, v)
	switch {
	case k >= len(c.states) || c.states[k] != (loadState{s, v}):
		return low, fmt.Errorf("spec version %d with file version %d was never on disk together", s, v)
	case k < low:
		return low, fmt.Errorf("went back to state %d after state %d", k, low)
	}
	return k, nil
}

// TestReloadUnderEditorSaves runs clients on keep-alive connections against a real HTTP
// server while the spec and a bodyFile are rewritten many times, validly and not, saved
// in place, by rename, as vim saves, and by deleting and writing again. Every request
// must succeed with an answer wholly from one state of the folder, no client may see an
// older state after a newer one, and a bad edit or a file missing for a moment leaves
// the last good answers serving. The writer waits for each step to be seen (served, or
// reported as an error) before the next, so the outcome does not depend on timing.
func TestReloadUnderEditorSaves(t *testing.T) {
	rounds := 2
	if testing.Short() {
		rounds = 1
	}
	steps, states := loadSchedule(rounds, 18)
	rig := newLoadRig(t)
	checker := newLoadChecker(states)

	const clients = 4
	const maxRequests = 40_000 // per client, a bound should the machine be very fast
	var stop atomic.Bool
	var wg sync.WaitGroup
	type result struct {
		requests, failed, newConns int
		failures                   []string
	}
	results := make([]result, clients)
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res := &results[i]
			tr := &http.Transport{MaxConnsPerHost: 1, MaxIdleConnsPerHost: 1, DisableCompression: true}
			defer tr.CloseIdleConnections()
			client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
			trace := &httptrace.ClientTrace{GotConn: func(info httptrace.GotConnInfo) {
				if !info.Reused {
					res.newConns++
				}
			}}
			low := 0
			fail := func(msg string) {
				res.failed++
				if len(res.failures) < 10 {
					res.failures = append(res.failures, msg)
				}
			}
			for n := 0; n < maxRequests && !stop.Load(); n++ {
				path := []string{"/inline", "/file"}[n%2]
				req, _ := http.NewRequestWithContext(httptrace.WithClientTrace(context.Background(), trace), "GET", rig.url+path, nil)
				res.requests++
				resp, err := client.Do(req)
				if err != nil {
					fail(fmt.Sprintf("GET %s: %v", path, err))
					continue
				}
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				if err != nil {
					fail(fmt.Sprintf("GET %s: reading the body: %v", path, err))
					continue
				}
				k, err := checker.check(path, resp.StatusCode, resp.Header, body, low)
				if err != nil {
					fail(fmt.Sprintf("GET %s (request %d, after state %d): %v", path, n, low, err))
					continue
				}
				low = k
			}
		}()
	}

	start := time.Now()
	var writeErr error
	for i, st := range steps {
		n := len(rig.errors())
		gone := "was removed"
		if st.file != "bb.yaml" {
			gone = "does not exist"
		}
		if err := rig.save(st.file, st.text(), st.save, gone); err != nil {
			writeErr = fmt.Errorf("step %d (%s): %v", i, st, err)
			break
		}
		if st.edit == editValid {
			want := states[st.n]
			deadline := time.Now().Add(10 * time.Second)
			for rig.serving() != want && time.Now().Before(deadline) {
				time.Sleep(time.Millisecond)
			}
			if got := rig.serving(); got != want {
				writeErr = fmt.Errorf("step %d (%s): serving %+v, want %+v; reload errors %q", i, st, got, want, rig.errors()[n:])
				break
			}
			continue
		}
		want := map[loadEdit]string{editBadYAML: "", editBadKey: `unknown key "responsez"`, editBadJSON: "not valid JSON"}[st.edit]
		if !rig.waitError(n, want) {
			writeErr = fmt.Errorf("step %d (%s): the bad edit was never reported; reload errors %q", i, st, rig.errors()[n:])
			break
		}
	}
	elapsed := time.Since(start)
	stop.Store(true)
	wg.Wait()

	if writeErr != nil {
		t.Error(writeErr)
	}
	total, failed, conns := 0, 0, 0
	for i, res := range results {
		total += res.requests
		failed += res.failed
		conns += res.newConns
		for _, f := range res.failures {
			t.Errorf("client %d: %s", i, f)
		}
		if res.requests == 0 {
			t.Errorf("client %d made no request", i)
		}
	}
	if failed > 0 {
		t.Errorf("%d of %d requests failed", failed, total)
	}
	t.Logf("%d steps (%d states) in %v; %d requests on %d connections; %d reload errors reported",
		len(steps), len(states), elapsed.Round(time.Millisecond), total, conns, len(rig.errors()))
}

// TestLoadChecker makes sure the checker of TestReloadUnderEditorSaves can fail.
func TestLoadChecker(t *testing.T) {
	// States: 0 = (0,0), 1 = (0,1), 2 = (2,1), 3 = (2,3).
	c := newLoadChecker([]loadState{{0, 0}, {0, 1}, {2, 1}, {2, 3}})
	h := func(v string) http.Header { return http.Header{"X-V": {v}} }
	file := func(f int) []byte { return []byte(loadBodyText(f)) }
	inline := func(s int) []byte { return []byte(fmt.Sprintf(`{"v":%d,"same":[%d,%d,%d]}`, s, s, s, s)) }
	for _, tc := range []struct {
		path   string
		status int
		header http.Header
		body   []byte
		low    int
		want   int    // the new low, when ok
		err    string // what the error holds, when not
	}{
		{path: "/file", status: 200, header: h("2"), body: file(1), want: 2},
		{path: "/file", status: 200, header: h("2"), body: file(3), low: 2, want: 3},
		{path: "/inline", status: 200, header: h("0"), body: inline(0), low: 1, want: 1},
		{path: "/inline", status: 200, header: h("2"), body: inline(2), want: 2},
		{path: "/file", status: 200, header: h("0"), body: file(3), err: "never on disk together"},
		{path: "/file", status: 200, header: h("0"), body: file(1), low: 2, err: "went back to state 1"},
		{path: "/inline", status: 200, header: h("0"), body: inline(0), low: 2, err: "went back to spec version 0"},
		{path: "/inline", status: 200, header: h("2"), body: inline(0), err: "header says spec version 2, body 0"},
		{path: "/inline", status: 200, header: h("1"), body: inline(1), err: "never valid on disk"},
		{path: "/inline", status: 200, header: h("2"), body: []byte(`{"v":2,"same":[2,0,2]}`), err: "mixes versions"},
		{path: "/file", status: 200, header: h("2"), body: file(1)[:100], err: "not a whole version"},
		{path: "/file", status: 404, header: h("2"), body: file(1), err: "status 404"},
		{path: "/file", status: 500, header: h("2"), body: file(1), err: "status 500"},
	} {
		got, err := c.check(tc.path, tc.status, tc.header, tc.body, tc.low)
		switch {
		case tc.err == "" && (err != nil || got != tc.want):
			t.Errorf("%s %s low %d: got %d, %v; want %d", tc.path, tc.header.Get("X-V"), tc.low, got, err, tc.want)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%s %s low %d: error %v, want one saying %q", tc.path, tc.header.Get("X-V"), tc.low, err, tc.err)
		}
	}
}
