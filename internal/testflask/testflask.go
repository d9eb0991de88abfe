// Package testflask starts small Flask apps for tests: backends bb did not write, which
// bb verify checks and bb serve --proxy records. It is imported by tests only.
package testflask

import (
	"bytes"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Python is the python3 with Flask that BB_TEST_PYTHON names. Without it the test is
// skipped, except in CI, which must run it.
func Python(t testing.TB) string {
	t.Helper()
	py := os.Getenv("BB_TEST_PYTHON")
	if py == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("BB_TEST_PYTHON is not set: CI must run the Flask tests; set it to a python3 that has Flask (python3-flask), as .ci/run does")
		}
		t.Skip("BB_TEST_PYTHON is not set; set it to a python3 that has Flask (e.g. Debian's python3-flask) to run the Flask tests")
	}
	return py
}

// Start runs the Flask app in script on a free loopback port, waits until it answers,
// and stops it when the test ends. It returns the app's base URL and a function that
// stops it early.
func Start(t testing.TB, py, script string) (url string, stop func()) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	var out syncBuffer
	cmd := exec.Command(py, script, strconv.Itoa(port))
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1", "FLASK_DEBUG=0")
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", script, err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cmd.Process.Kill()
			<-exited
		})
	}
	t.Cleanup(stop)
	url = "http://127.0.0.1:" + strconv.Itoa(port)
	client := &http.Client{Timeout: time.Second}
	deadline := time.Now().Add(20 * time.Second)
	for {
		if resp, err := client.Get(url + "/"); err == nil {
			resp.Body.Close()
			return url, stop
		}
		select {
		case <-exited:
			t.Fatalf("%s %s exited before answering:\n%s", py, script, out.String())
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s %s did not answer on %s within 20s:\n%s", py, script, url, out.String())
		}
	}
}

// syncBuffer collects a child process's output while the test may read it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.TrimSpace(s.b.String())
}
