//go:build unix

package main

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// These tests run bb as its own process, to see what a user sees: how long it takes,
// how much memory it holds at its peak, and how it answers signals. bb is built without
// the race detector whatever the tests run with, since that slows reading YAML a
// hundredfold. The time bounds are generous: each is about a second, for work that takes
// milliseconds.

// buildBB builds the bb command into a temporary folder and returns its path.
func buildBB(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds bb; skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "bb")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// process is a running bb with its output collected as it comes.
type process struct {
	t    *testing.T
	cmd  *exec.Cmd
	mu   sync.Mutex
	out  bytes.Buffer // stdout and stderr, interleaved
	done chan struct{}
}

func (p *process) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.Write(b)
}

// output is everything bb printed so far.
func (p *process) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

// startBB runs bin with args in dir, with the default limits, and stops it, if still
// running, when the test ends.
func startBB(t *testing.T, bin, dir string, args ...string) *process {
	t.Helper()
	return startBBEnv(t, bin, dir, nil, args...)
}

// startBBEnv is startBB with environment variables (NAME=value) added.
func startBBEnv(t *testing.T, bin, dir string, env []string, args ...string) *process {
	t.Helper()
	p := &process{t: t, cmd: exec.Command(bin, args...), done: make(chan struct{})}
	p.cmd.Dir = dir
	p.cmd.Stdout, p.cmd.Stderr = p, p
	p.cmd.Env = append(append(os.Environ(), "BB_MAX_SPEC_SIZE=", "BB_MAX_SPEC_BODY="), env...)
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.cmd.Wait(); close(p.done) }()
	t.Cleanup(func() {
		select {
		case <-p.done:
		default:
			p.cmd.Process.Kill()
			<-p.done
		}
	})
	return p
}

// wait waits up to limit for bb to exit and reports whether it did.
func (p *process) wait(limit time.Duration) bool {
	select {
	case <-p.done:
		return true
	case <-time.After(limit):
		return false
	}
}

// waitOutput waits up to limit for bb to print text and reports whether it did.
func (p *process) waitOutput(text string, limit time.Duration) bool {
	deadline := time.Now().Add(limit)
	for !strings.Contains(p.output(), text) {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(2 * time.Millisecond)
	}
	return true
}

// peakRSS is the most memory bb held at once, in MiB; it needs bb to have exited.
func (p *process) peakRSS() float64 {
	kb := float64(p.cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss)
	if runtime.GOOS == "darwin" {
		kb /= 1024 // bytes there
	}
	return kb / 1024
}

// get fetches path from a bb serve on port.
func get(port int, path string) (string, error) {
	client := &http.Client{Timeout: 2 * time.Second}
	resp, err := client.Get("http://127.0.0.1:" + strconv.Itoa(port) + path)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return fmt.Sprintf("%d %s", resp.StatusCode, bytes.TrimSpace(body)), err
}

// serveOn starts bb serve on a free loopback port and waits until it answers path.
func serveOn(t *testing.T, bin, dir, path string) (*process, int) {
	t.Helper()
	port, err := freePort()
	if err != nil {
		t.Fatal(err)
	}
	p := startBB(t, bin, dir, "serve", "--host", "127.0.0.1", "--port", strconv.Itoa(port))
	deadline := time.Now().Add(10 * time.Second)
	for {
		if _, err := get(port, path); err == nil {
			return p, port
		}
		if time.Now().After(deadline) {
			t.Fatalf("bb serve never answered on port %d:\n%s", port, p.output())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// saveByRename saves as most editors do: a new file renamed over the old one.
func saveByRename(t *testing.T, file string, data []byte) {
	t.Helper()
	tmp := filepath.Join(filepath.Dir(file), ".bb.yaml.swp")
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, file); err != nil {
		t.Fatal(err)
	}
}

const goodSpec = "version: 1\nendpoints:\n  ping:\n    method: GET\n    path: /ping\n    responses:\n      - body: {ok: true}\n"

// writeSpec makes a project folder holding bb.yaml with data.
func writeSpec(t *testing.T, data []byte) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bb.yaml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}
