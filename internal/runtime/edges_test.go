package runtime

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/backwards-backend/bb/internal/spec"
)

// rawExchange sends raw on a new connection to addr and reads every answer until the
// server closes it; closed is false when the server kept the connection open.
func rawExchange(t *testing.T, addr, raw string) (answers []*http.Response, bodies []string, closed bool) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := io.WriteString(c, raw); err != nil {
		t.Fatal(err)
	}
	c.SetReadDeadline(time.Now().Add(2 * time.Second))
	br := bufio.NewReader(c)
	for {
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			var ne net.Error
			return answers, bodies, !(errors.As(err, &ne) && ne.Timeout())
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		answers, bodies = append(answers, resp), append(bodies, string(body))
		if resp.Close {
			return answers, bodies, true
		}
	}
}

// TestServeHTTPEdges sends bb serve, over a real connection, what an ordinary HTTP
// client never does.
func TestServeHTTPEdges(t *testing.T) {
	s, err := spec.Load("../../examples/messages")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var out syncBuffer
	addr, done := startServe(t, ctx, s, &out)
	t.Cleanup(func() { cancel(); <-done })

	// A body over the limit is refused by its Content-Length: the client that waits
	// for 100 Continue gets the 413 instead, on an endpoint or off one.
	for _, path := range []string{"/api/get_messages", "/api/nowhere"} {
		answers, bodies, _ := rawExchange(t, addr, "POST "+path+" HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\n\r\n")
		want := http.StatusRequestEntityTooLarge
		if path == "/api/nowhere" {
			want = http.StatusNotFound
		}
		if len(answers) == 0 || answers[0].StatusCode != want {
			var got []string
			for _, a := range answers {
				got = append(got, a.Status)
			}
			t.Errorf("POST %s with Expect: 100-continue and 2 MB: answers %q %q, want %d first", path, got, bodies, want)
		}
	}

	// Framed two ways: 400, and the connection closes before the request after it.
	answers, _, closed := rawExchange(t, addr, "POST /api/get_messages HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"+
		"10\r\n{\"user\":\"larry\"}\r\n0\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
	if len(answers) != 1 || answers[0].StatusCode != http.StatusBadRequest || !closed {
		t.Errorf("Content-Length with Transfer-Encoding: %d answers (first %v), closed %v; want one 400, then the connection closed", len(answers), answers, closed)
	}
	// Framed one way, the same requests are both answered.
	answers, _, _ = rawExchange(t, addr, "POST /api/get_messages HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"+
		"10\r\n{\"user\":\"larry\"}\r\n0\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	if len(answers) != 2 || answers[0].StatusCode != 200 || answers[1].StatusCode != 200 {
		t.Errorf("chunked, then a pipelined request: %d answers (%v)", len(answers), answers)
	}
}

// TestErrorsEchoABoundedPath: a 404 or 405 repeats at most 256 bytes of a long path.
func TestErrorsEchoABoundedPath(t *testing.T) {
	h := NewServer(loadRouter(t, "../../examples/messages", Options{}), nil)
	long := "/api/get_messages" + strings.Repeat("/x", 50_000)
	for _, c := range []struct {
		method, path string
		status       int
	}{{"GET", long, 404}, {"GET", "/api/get_messages?" + strings.Repeat("q", 1000), 405}, {"POST", long, 404}} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(c.method, c.path, nil))
		if rec.Code != c.status || rec.Body.Len() > 1024 || !strings.Contains(rec.Body.String(), "/api/get_messages") {
			t.Errorf("%s %.40s…: %d with %d bytes: %.300s", c.method, c.path, rec.Code, rec.Body.Len(), rec.Body)
		}
	}
}

// TestSnippetOfALongPath: the 404 page's snippet costs time linear in the path, so a
// long URL cannot keep bb serve busy; ids still get distinct names.
func TestSnippetOfALongPath(t *testing.T) {
	if got := Snippet(nil, "GET", "/a/1/2/3/4", nil, nil); !strings.Contains(got, "path: /a/{aId}/{id}/{id2}/{id3}\n") {
		t.Errorf("ids named:\n%s", got)
	}
	// Naming 3,000 ids took half a minute when each name was sought among all before it.
	start := time.Now()
	Snippet(nil, "GET", strings.Repeat("/1", 3000), nil, nil)
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("the snippet of a path of 3,000 ids took %v", d)
	}
}
