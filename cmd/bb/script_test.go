package main

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/backwards-backend/bb/cmd"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"bb": func() { os.Exit(cmd.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the end-to-end scenarios in testdata/script. Each gets $EXAMPLES (the
// repository's examples), $PORT, a free loopback port for `bb serve`, $BBBIN, a folder
// holding bb and no go tool, and the go tool's caches, for the go build bb eject runs.
func TestScripts(t *testing.T) {
	examples, err := filepath.Abs("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	bb, err := exec.LookPath("bb")
	if err != nil {
		t.Fatal(err)
	}
	goEnv := goBuildEnv(t)
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("EXAMPLES", examples)
			port, err := freePort()
			if err != nil {
				return err
			}
			env.Setenv("PORT", strconv.Itoa(port))
			env.Setenv("BBBIN", filepath.Dir(bb))
			for _, kv := range goEnv {
				k, v, _ := strings.Cut(kv, "=")
				env.Setenv(k, v)
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"http":     cmdHTTP,
			"sleep":    cmdSleep,
			"waitfile": cmdWaitFile,
			"backend":  cmdBackend,
		},
	})
}

// goBuildEnv is the environment of the go build ./... bb eject runs in a script: the
// test's own caches, offline, and the kind of build scaffold/eject's tests make, so the
// ejected project's dependencies compile once for both.
func goBuildEnv(t *testing.T) []string {
	out, err := exec.Command("go", "env", "GOCACHE", "GOMODCACHE", "GOPATH").Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	dirs := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(dirs) != 3 {
		t.Fatalf("go env: %q", out)
	}
	return []string{"GOCACHE=" + dirs[0], "GOMODCACHE=" + dirs[1], "GOPATH=" + dirs[2],
		"GOPROXY=off", "GOTOOLCHAIN=local", "GOWORK=off", "GOFLAGS=-mod=readonly -trimpath", "CGO_ENABLED=0"}
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// cmdHTTP sends one request to the bb serve on $PORT and prints the status, the headers
// and the body, for stdout checks:
//
//	http [-H Name:Value]... [-wait TEXT] [-waitnot TEXT] METHOD PATH [BODY]
//
// It retries while the server is still starting, and with -wait it polls until the body
// holds TEXT, for reloads; with -waitnot, until no header name or value and not the body
// holds TEXT. Each gives up after 10 seconds.
func cmdHTTP(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! http")
	}
	header := http.Header{}
	wait, waitNot := "", ""
	for len(args) > 1 && strings.HasPrefix(args[0], "-") {
		switch args[0] {
		case "-H":
			k, v, _ := strings.Cut(args[1], ":")
			header.Add(k, strings.TrimSpace(v))
		case "-wait":
			wait = args[1]
		case "-waitnot":
			waitNot = args[1]
		default:
			ts.Fatalf("http: unknown flag %s", args[0])
		}
		args = args[2:]
	}
	if len(args) < 2 {
		ts.Fatalf("usage: http [-H Name:Value] [-wait TEXT] METHOD PATH [BODY]")
	}
	url := "http://127.0.0.1:" + ts.Getenv("PORT") + args[1]
	deadline := time.Now().Add(10 * time.Second)
	client := &http.Client{Timeout: 5 * time.Second}
	for {
		var body io.Reader
		if len(args) > 2 {
			body = strings.NewReader(args[2])
		}
		req, err := http.NewRequest(args[0], url, body)
		ts.Check(err)
		req.Header = header.Clone()
		resp, err := client.Do(req)
		if err != nil {
			if time.Now().After(deadline) {
				ts.Fatalf("http: %v", err)
			}
			time.Sleep(10 * time.Millisecond)
			continue
		}
		data, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		ts.Check(err)
		if waitNot != "" && (bytes.Contains(data, []byte(waitNot)) || headerHolds(resp.Header, waitNot)) {
			if time.Now().After(deadline) {
				ts.Fatalf("http: the answer still holds %q; last: %v %s", waitNot, resp.Header, data)
			}
			time.Sleep(10 * time.Millisecond)
			continue
		}
		if wait != "" && !bytes.Contains(data, []byte(wait)) {
			if time.Now().After(deadline) {
				ts.Fatalf("http: body never held %q; last: %s", wait, data)
			}
			time.Sleep(10 * time.Millisecond)
			continue
		}
		fmt.Fprintf(ts.Stdout(), "%d\n", resp.StatusCode)
		names := make([]string, 0, len(resp.Header))
		for k := range resp.Header {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			fmt.Fprintf(ts.Stdout(), "%s: %s\n", k, strings.Join(resp.Header[k], ", "))
		}
		fmt.Fprintf(ts.Stdout(), "\n%s\n", data)
		return
	}
}

// cmdSleep pauses the script, to let a background server notice a file change that no
// request can observe (a bad edit leaves the answers as they were).
// headerHolds reports whether a header name or value holds text.
func headerHolds(h http.Header, text string) bool {
	for k, vs := range h {
		if strings.Contains(k, text) || strings.Contains(strings.Join(vs, "\n"), text) {
			return true
		}
	}
	return false
}

// cmdBackend starts a real backend on a loopback port for the rest of the script and
// sets $BACKEND to its URL: GET /api/users/42 answers JSON with a session cookie, and
// every other request 404. It counts its requests under GET /_count.
//
//	backend
func cmdBackend(ts *testscript.TestScript, neg bool, args []string) {
	var mu sync.Mutex
	count := 0
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/users/42", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		count++
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Set-Cookie", "session=s3cret")
		io.WriteString(w, `{"id":42,"name":"Ann"}`)
	})
	mux.HandleFunc("GET /_count", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprint(w, count)
	})
	srv := httptest.NewServer(mux)
	ts.Defer(srv.Close)
	ts.Setenv("BACKEND", srv.URL)
}

func cmdSleep(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: sleep DURATION")
	}
	d, err := time.ParseDuration(args[0])
	ts.Check(err)
	time.Sleep(d)
}

// cmdWaitFile waits up to 10 seconds for a file to exist and, when a pattern is given,
// to hold a match for it (with !, to hold none): how a script sees a background bb serve
// regenerate files.
//
//	[!] waitfile PATH [REGEXP]
func cmdWaitFile(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 1 || len(args) > 2 {
		ts.Fatalf("usage: waitfile PATH [REGEXP]")
	}
	var re *regexp.Regexp
	if len(args) == 2 {
		var err error
		re, err = regexp.Compile(args[1])
		ts.Check(err)
	} else if neg {
		ts.Fatalf("! waitfile needs a pattern")
	}
	path := ts.MkAbs(args[0])
	deadline := time.Now().Add(10 * time.Second)
	for {
		data, err := os.ReadFile(path)
		if err == nil && (re == nil || re.Match(data) != neg) {
			return
		}
		if time.Now().After(deadline) {
			ts.Fatalf("waitfile: %s never held %v (last error %v)", args[0], re, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
