package eject

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// rawExchange sends raw on a new connection to the server at base and reads every
// answer until the server closes it; closed is false when it kept the connection open.
func rawExchange(t *testing.T, base, raw string) (answers []*http.Response, closed bool) {
	t.Helper()
	c, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := io.WriteString(c, raw); err != nil {
		t.Fatal(err)
	}
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	br := bufio.NewReader(c)
	for {
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			var ne net.Error
			return answers, !(errors.As(err, &ne) && ne.Timeout())
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		answers = append(answers, resp)
		if resp.Close {
			return answers, true
		}
	}
}

func statuses(answers []*http.Response) []int {
	var out []int
	for _, a := range answers {
		out = append(out, a.StatusCode)
	}
	return out
}

// checkEdges sends the ejected server of examples/messages, started with CORS_ORIGINS
// set to origins, what browsers check for CORS and what an ordinary client never sends.
func checkEdges(t *testing.T, base, origins string) {
	t.Helper()
	do := func(method, path, body string, header map[string]string) (*http.Response, string) {
		t.Helper()
		req, _ := http.NewRequest(method, base+path, strings.NewReader(body))
		for k, v := range header {
			req.Header.Set(k, v)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp, string(data)
	}
	expect := func(what string, resp *http.Response, want map[string]string) {
		t.Helper()
		for k, v := range want {
			if got := strings.Join(resp.Header.Values(k), ", "); got != v {
				t.Errorf("CORS_ORIGINS=%q, %s: %s = %q, want %q", origins, what, k, got, v)
			}
		}
	}
	const larry = `{"user":"larry"}`
	preflight := map[string]string{"Origin": "http://evil.test", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type, x-evil"}
	if origins == "" {
		resp, _ := do("POST", "/api/get_messages", larry, map[string]string{"Origin": "http://localhost:5173"})
		expect("no CORS", resp, map[string]string{"Access-Control-Allow-Origin": "", "Access-Control-Allow-Credentials": ""})
		resp, _ = do("OPTIONS", "/api/get_messages", "", preflight)
		expect("no CORS, preflight", resp, map[string]string{"Access-Control-Allow-Origin": "", "Access-Control-Allow-Methods": ""})
	} else {
		resp, _ := do("POST", "/api/get_messages", larry, map[string]string{"Origin": "http://evil.test"})
		expect("any origin", resp, map[string]string{"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Credentials": "", "Vary": "Origin"})
		resp, _ = do("POST", "/api/get_messages", larry, map[string]string{"Origin": "http://localhost:5173"})
		expect("listed origin", resp, map[string]string{"Access-Control-Allow-Origin": "http://localhost:5173", "Access-Control-Allow-Credentials": "true", "Vary": "Origin"})
		resp, _ = do("OPTIONS", "/api/get_messages", "", preflight)
		if resp.StatusCode != http.StatusNoContent {
			t.Errorf("preflight: %d", resp.StatusCode)
		}
		expect("preflight", resp, map[string]string{"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Credentials": "",
			"Access-Control-Allow-Methods": "POST", "Access-Control-Allow-Headers": "Authorization, Content-Type", "Access-Control-Max-Age": "600", "Vary": "Origin"})
	}

	// A body over the limit gets 413 before the client sends it, not 100 Continue.
	answers, _ := rawExchange(t, base, "POST /api/get_messages HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\n\r\n")
	if got := statuses(answers); len(got) == 0 || got[0] != http.StatusRequestEntityTooLarge {
		t.Errorf("Expect: 100-continue with 2 MB: answers %v, want 413 first", got)
	}
	// Framed both ways: 400, and the connection closes before the request after it.
	answers, closed := rawExchange(t, base, "POST /api/get_messages HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"+
		"10\r\n"+larry+"\r\n0\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
	if got := statuses(answers); len(got) != 1 || got[0] != http.StatusBadRequest || !closed {
		t.Errorf("Content-Length with Transfer-Encoding: answers %v, closed %v; want one 400, then the connection closed", got, closed)
	}
	// A 404 repeats a bounded part of a long path.
	resp, body := do("GET", "/api/"+strings.Repeat("x", 100_000), "", nil)
	if resp.StatusCode != http.StatusNotFound || len(body) > 1024 {
		t.Errorf("a 100 kB path: %d with %d bytes", resp.StatusCode, len(body))
	}
}
