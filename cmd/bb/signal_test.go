//go:build unix

package main

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// largeSpec is a valid spec of about size bytes that takes go.yaml.in/yaml/v3 seconds
// to read: thousands of small endpoints.
func largeSpec(size int) []byte {
	var b bytes.Buffer
	b.WriteString("version: 1\nendpoints:\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "  e%d: {method: GET, path: /e%d, responses: [{status: 200, body: {a: [1, 2, 3], b: hello world}}]}\n", i, i)
	}
	return b.Bytes()
}

// TestSIGTERMStopsServe: SIGTERM stops bb serve within a second whatever it is doing:
// serving, waiting on a spec file that never ends, loading a spec that takes seconds to
// read, compiling one that takes seconds to write out (allowed by raised limits), or
// reloading a large spec. A spec file that is a named pipe shows when bb has begun to
// read it, and so has its signal handler in place.
func TestSIGTERMStopsServe(t *testing.T) {
	bin := buildBB(t)
	big := largeSpec(12 << 20)
	stop := func(t *testing.T, p *process) {
		t.Helper()
		sent := time.Now()
		if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		if !p.wait(time.Second) {
			t.Fatalf("bb serve still running 1s after SIGTERM:\n%s", p.output())
		}
		t.Logf("stopped %v after SIGTERM", time.Since(sent).Round(time.Millisecond))
		if code := p.cmd.ProcessState.ExitCode(); code != 0 {
			t.Errorf("exit code %d, want 0:\n%s", code, p.output())
		}
	}
	// servePipe starts bb serve on a named pipe and returns once bb opened it, with the
	// pipe's writing end.
	servePipe := func(t *testing.T, env ...string) (*process, *os.File) {
		t.Helper()
		dir := t.TempDir()
		pipe := filepath.Join(dir, "bb.yaml")
		if err := syscall.Mkfifo(pipe, 0o644); err != nil {
			t.Skipf("named pipes unavailable: %v", err)
		}
		p := startBBEnv(t, bin, dir, env, "serve", "--port", "0")
		opened := make(chan *os.File)
		go func() {
			w, err := os.OpenFile(pipe, os.O_WRONLY, 0) // waits for bb to open it
			if err != nil {
				t.Error(err)
			}
			opened <- w
		}()
		select {
		case w := <-opened:
			t.Cleanup(func() { w.Close() })
			return p, w
		case <-time.After(10 * time.Second):
			t.Fatalf("bb never opened its spec:\n%s", p.output())
			return nil, nil
		}
	}
	t.Run("serving", func(t *testing.T) {
		p, _ := serveOn(t, bin, writeSpec(t, []byte(goodSpec)), "/ping")
		stop(t, p)
		if !strings.Contains(p.output(), "shutting down") {
			t.Errorf("no shutdown in the log:\n%s", p.output())
		}
	})
	t.Run("idle, with a connection that sent nothing", func(t *testing.T) {
		// Browsers and URLSession open connections ahead of requests; net/http alone
		// waits 5 seconds for such a one before it stops.
		p, port := serveOn(t, bin, writeSpec(t, []byte(goodSpec)), "/ping")
		c, err := net.Dial("tcp", "127.0.0.1:"+strconv.Itoa(port))
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if _, err := get(port, "/ping"); err != nil { // accepted after the silent one
			t.Fatal(err)
		}
		stop(t, p)
	})
	t.Run("a spec file that never ends", func(t *testing.T) {
		p, _ := servePipe(t)
		stop(t, p)
	})
	t.Run("loading", func(t *testing.T) {
		p, w := servePipe(t)
		w.Write(big)
		w.Close()
		time.Sleep(200 * time.Millisecond) // reading it takes seconds
		if strings.Contains(p.output(), "listening") {
			t.Fatal("the large spec loaded too fast to stop bb while loading")
		}
		stop(t, p)
	})
	t.Run("compiling", func(t *testing.T) {
		// 100 MB of JSON once written out: seconds of work, allowed by raised limits.
		p, w := servePipe(t, "BB_MAX_SPEC_SIZE=1GiB", "BB_MAX_SPEC_BODY=1GiB")
		w.Write(aliasBomb(1<<20, 100))
		w.Close()
		time.Sleep(500 * time.Millisecond) // read in a tenth of that; compiling takes seconds
		if strings.Contains(p.output(), "listening") {
			t.Fatal("the spec compiled too fast to stop bb while compiling")
		}
		stop(t, p)
	})
	t.Run("reloading", func(t *testing.T) {
		dir := writeSpec(t, []byte(goodSpec))
		p, _ := serveOn(t, bin, dir, "/ping")
		saveByRename(t, filepath.Join(dir, "bb.yaml"), big)
		time.Sleep(300 * time.Millisecond) // the reload has begun; reading takes seconds
		if strings.Contains(p.output(), "reloaded") || strings.Contains(p.output(), "reload failed") {
			t.Fatal("the large spec reloaded too fast to stop bb while reloading")
		}
		stop(t, p)
	})
}

// aliasBomb is the spec of the report: one string of size bytes, anchored once and
// aliased n times inside a response body.
func aliasBomb(size, n int) []byte {
	var b bytes.Buffer
	b.WriteString("version: 1\nendpoints:\n  get:\n    method: GET\n    path: /a\n    responses:\n      - status: 200\n        body: {big: &big \"")
	b.WriteString(strings.Repeat("x", size))
	b.WriteString("\", copies: [")
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("*big")
	}
	b.WriteString("]}\n")
	return b.Bytes()
}
