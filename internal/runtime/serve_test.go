package runtime

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/backwards-backend/bb/internal/spec"
)

// syncBuffer is a bytes.Buffer safe to write from the server and read from the test.
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
	return s.b.String()
}

// startServe runs Serve on a free loopback port and returns its address.
func startServe(t *testing.T, ctx context.Context, s *spec.Spec, out io.Writer) (string, chan error) {
	t.Helper()
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Serve(ctx, s, Config{File: s.File, Host: "127.0.0.1", Port: 0, NoWatch: true, Out: out, Log: out,
			Ready: func(addr string) { ready <- addr }})
	}()
	select {
	case addr := <-ready:
		return addr, done
	case err := <-done:
		t.Fatalf("Serve: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("Serve never became ready")
	}
	return "", nil
}

func TestServeShutsDownGracefully(t *testing.T) {
	rt := routerFromText(t, "version: 1\nendpoints:\n  slow:\n    method: GET\n    path: /slow\n    responses: [{delay: 300ms, body: {done: true}}]\n", nil, Options{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out syncBuffer
	addr, done := startServe(t, ctx, rt.Spec(), &out)

	type result struct {
		body string
		err  error
	}
	got := make(chan result, 1)
	go func() {
		resp, err := http.Get("http://" + addr + "/slow")
		if err != nil {
			got <- result{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		got <- result{string(b), err}
	}()
	// Stop while the request waits out its delay: it must still get its answer.
	time.Sleep(100 * time.Millisecond)
	cancel()
	r := <-got
	if r.err != nil || r.body != `{"done":true}` {
		t.Fatalf("in-flight request: body %q, err %v", r.body, r.err)
	}
	if err := <-done; err != nil {
		t.Fatalf("Serve returned %v", err)
	}
	if !strings.Contains(out.String(), "shutting down") {
		t.Errorf("output lacks the shutdown line:\n%s", out.String())
	}
	if _, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		t.Error("still listening after shutdown")
	}
}

func TestServePortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	s, err := spec.Load("../../examples/messages")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	err = Serve(context.Background(), s, Config{File: s.File, Host: "127.0.0.1", Port: port, NoWatch: true, Out: io.Discard, Log: io.Discard})
	var inUse *PortInUseError
	if !errors.As(err, &inUse) || !strings.Contains(err.Error(), "--port") {
		t.Fatalf("err = %v, want a PortInUseError naming --port", err)
	}
}

func TestBanner(t *testing.T) {
	s, err := spec.Load("../../examples/bookshelf")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	printBanner(&b, s, &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 4100}, "127.0.0.1", true)
	for _, want := range []string{
		"bb serving Bookshelf: 5 endpoints from ../../examples/bookshelf/bb.yaml\n",
		"  GET /v1/books/{id}         getBook\n",
		"listening on http://127.0.0.1:4100\n",
		"watching ../../examples/bookshelf/bb.yaml for changes; press Ctrl-C to stop\n",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("banner lacks %q:\n%s", want, b.String())
		}
	}
	// Bound to every interface (--host 0.0.0.0): the banner shows where a phone can
	// connect. The addresses depend on the machine, so check the shape only.
	b.Reset()
	printBanner(&b, s, &net.TCPAddr{IP: net.IPv4zero, Port: 4100}, "0.0.0.0", false)
	if !strings.Contains(b.String(), "listening on http://localhost:4100\n") {
		t.Errorf("banner:\n%s", b.String())
	}
	lan := LANAddresses()
	for _, ip := range lan {
		if !strings.Contains(b.String(), "on your phone (same Wi-Fi): http://"+ip+":4100\n") {
			t.Errorf("banner lacks LAN address %s:\n%s", ip, b.String())
		}
	}
	if len(lan) == 0 && !strings.Contains(b.String(), "no LAN address found") {
		t.Errorf("banner with no LAN address:\n%s", b.String())
	}
	if strings.Contains(b.String(), "watching") {
		t.Errorf("banner mentions watching with --no-watch:\n%s", b.String())
	}
}

// A large spec's banner names its first endpoints and says how many more there are.
func TestBannerSummarizes(t *testing.T) {
	s := &spec.Spec{Name: "Big", File: "bb.yaml"}
	for i := range 100 {
		s.Endpoints = append(s.Endpoints, &spec.Endpoint{Name: fmt.Sprintf("op%d", i), Method: "GET", Path: fmt.Sprintf("/r%d", i)})
	}
	var b strings.Builder
	printBanner(&b, s, &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 4000}, "127.0.0.1", false)
	out := b.String()
	if !strings.Contains(out, "GET /r19  op19") || strings.Contains(out, "op20\n") || !strings.Contains(out, "… and 80 more; bb check bb.yaml lists them all") {
		t.Errorf("banner:\n%s", out)
	}
	if n := strings.Count(out, "\n"); n > 25 {
		t.Errorf("the banner has %d lines for 100 endpoints", n)
	}
}

func TestGCPercent(t *testing.T) {
	for live, want := range map[uint64]int{0: 100, 300 << 10: 400, 7 << 20: 400, 8 << 20: 100, 47 << 20: 100, 48 << 20: 50, 300 << 20: 50} {
		if got := gcPercent(live); got != want {
			t.Errorf("gcPercent(%d) = %d, want %d", live, got, want)
		}
	}
}
