package verify_test

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/backwards-backend/bb/internal/verify"
)

// TestFlask checks bb verify against a backend bb did not write: a Flask app answering
// the messages example, and a drifted copy of it. BB_TEST_PYTHON names a python3 that
// has Flask (Debian's python3-flask); CI sets it and must run this test.
func TestFlask(t *testing.T) {
	py := os.Getenv("BB_TEST_PYTHON")
	if py == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("BB_TEST_PYTHON is not set: CI must run the Flask tests; set it to a python3 that has Flask (python3-flask), as .ci/run does")
		}
		t.Skip("BB_TEST_PYTHON is not set; set it to a python3 that has Flask (e.g. Debian's python3-flask) to test bb verify against a Flask app")
	}
	s := load(t, filepath.Join("..", "..", "examples", "messages"))

	t.Run("passes", func(t *testing.T) {
		url := startFlask(t, py, "messages_app.py")
		rep := verify.Run(context.Background(), s, verify.Options{BaseURL: url, Timeout: 5 * time.Second, Strict: true})
		if !rep.OK() || rep.Passed != 2 || rep.Warnings != 0 {
			t.Errorf("the Flask app does not pass:\n%s", text(t, rep))
		}
	})
	t.Run("drifted", func(t *testing.T) {
		url := startFlask(t, py, "messages_drifted.py")
		rep := verify.Run(context.Background(), s, verify.Options{BaseURL: url, Timeout: 5 * time.Second})
		got := text(t, rep)
		want := `FAIL getMessages response 1 (200) POST /api/get_messages
  sent: {"user":"larry"}
  $.messages: expected array, got string "test1,test2"
FAIL getMessages response 2 (404) POST /api/get_messages
  sent: {"user":"not-larry"}
  status: expected 404, got 200 (body: {"error":"no user found"})
0 passed, 2 failed
`
		if got != want {
			t.Errorf("report:\n%s\nwant:\n%s", got, want)
		}
	})
}

// startFlask runs a Flask app from testdata/flask on a free loopback port, waits until
// it answers, and stops it when the test ends. It returns the app's base URL.
func startFlask(t *testing.T, py, script string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	var out syncBuffer
	cmd := exec.Command(py, filepath.Join("testdata", "flask", script), strconv.Itoa(port))
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1", "FLASK_DEBUG=0")
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", script, err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
	})
	url := "http://127.0.0.1:" + strconv.Itoa(port)
	client := &http.Client{Timeout: time.Second}
	deadline := time.Now().Add(20 * time.Second)
	for {
		if resp, err := client.Get(url + "/"); err == nil {
			resp.Body.Close()
			return url
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
