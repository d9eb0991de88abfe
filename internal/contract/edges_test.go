package contract

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestEchoPath(t *testing.T) {
	if got := EchoPath("/api/x"); got != "/api/x" {
		t.Errorf("short path: %q", got)
	}
	long := "/" + strings.Repeat("a", 1<<20)
	if got := EchoPath(long); len(got) > MaxEchoedPath+len("…") || !strings.HasPrefix(long, strings.TrimSuffix(got, "…")) {
		t.Errorf("long path: %d bytes", len(got))
	}
	multi := "/" + strings.Repeat("é", 300) // two bytes each: byte 256 falls inside one
	if got := EchoPath(multi); !utf8.ValidString(got) || len(got) > MaxEchoedPath+len("…") {
		t.Errorf("cut inside a character: %q", got)
	}
}

// rawServer serves h on a loopback port, through StrictListener when strict is set, and
// returns its address.
func rawServer(t *testing.T, strict bool) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		io.WriteString(w, r.Method+" "+r.URL.Path+" "+string(body))
	})}
	if strict {
		go srv.Serve(StrictListener(ln))
	} else {
		go srv.Serve(ln)
	}
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

// exchange sends raw on a new connection and reads every answer until the server
// closes it. closed is false when the server kept the connection open.
func exchange(t *testing.T, addr, raw string) (answers []string, closed bool) {
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
			return answers, !(errors.As(err, &ne) && ne.Timeout())
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		answers = append(answers, resp.Status[:3]+" "+string(body))
	}
}

const pipelinedNext = "GET /next HTTP/1.1\r\nHost: x\r\n\r\n"

func TestStrictListenerRefusesTwoFramings(t *testing.T) {
	addr := rawServer(t, true)
	for _, c := range []struct{ name, raw string }{
		{"Content-Length first", "POST /smuggle HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + pipelinedNext},
		{"Transfer-Encoding first, any case", "POST /smuggle HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\nCONTENT-LENGTH: 40\r\n\r\n0\r\n\r\n" + pipelinedNext},
		{"Content-Length net/http cannot read", "POST /smuggle HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + pipelinedNext},
		{"after a good request", "GET /first HTTP/1.1\r\nHost: x\r\n\r\nPOST /smuggle HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + pipelinedNext},
		{"HTTP/1.0 with Transfer-Encoding", "POST /smuggle HTTP/1.0\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n" + pipelinedNext},
		{"HTTP/1.0 with Transfer-Encoding alone", "POST /smuggle HTTP/1.0\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + pipelinedNext},
		{"bare line feeds", "POST /smuggle HTTP/1.1\nHost: x\nContent-Length: 5\nTransfer-Encoding: chunked\n\n0\n\n" + pipelinedNext},
	} {
		t.Run(c.name, func(t *testing.T) {
			answers, closed := exchange(t, addr, c.raw)
			want := "400 "
			if strings.HasPrefix(c.raw, "GET /first") {
				if len(answers) == 0 || answers[0] != "200 GET /first " {
					t.Fatalf("the request before was not answered first: %q", answers)
				}
				answers = answers[1:]
			}
			if len(answers) != 1 || !strings.HasPrefix(answers[0], want) || !closed {
				t.Errorf("answers %q, connection closed %v; want one 400 and the connection closed", answers, closed)
			}
		})
	}
	// net/http alone, today, answers such a request by its Transfer-Encoding, then the
	// request after it on the same connection.
	plain := rawServer(t, false)
	if answers, _ := exchange(t, plain, "POST /smuggle HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"+pipelinedNext); len(answers) != 2 {
		t.Logf("net/http alone now answers %q: it may refuse such requests itself", answers)
	}
}

// TestStrictListenerFollowsBodies: text that looks like a request framed two ways,
// inside a body of either kind, is body, and every request on the connection is
// answered.
func TestStrictListenerFollowsBodies(t *testing.T) {
	addr := rawServer(t, true)
	trap := "Content-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n"
	chunk := "GET /x HTTP/1.1\r\n" + trap
	raw := "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: " + strconv.Itoa(len(chunk)) + "\r\n\r\n" + chunk +
		"POST /b HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + strconv.FormatInt(int64(len(chunk)), 16) + ";ext=1\r\n" + chunk + "\r\n0\r\nX-Trailer: 1\r\n\r\n" +
		"\r\nGET /c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
	answers, closed := exchange(t, addr, raw)
	want := []string{"200 POST /a " + chunk, "200 POST /b " + chunk, "200 GET /c "}
	if strings.Join(answers, "|") != strings.Join(want, "|") || !closed {
		t.Errorf("answers %q (closed %v), want %q", answers, closed, want)
	}
}

// chunkConn hands out its bytes at most size at a time.
type chunkConn struct {
	net.Conn
	r    *bytes.Reader
	size int
}

func (c *chunkConn) Read(p []byte) (int, error) {
	if len(p) > c.size {
		p = p[:c.size]
	}
	return c.r.Read(p)
}

// readStrict reads data through a strictConn that gets it size bytes at a time and
// reads into buffers of bufSize.
func readStrict(data []byte, size, bufSize int) []byte {
	sc := &strictConn{Conn: &chunkConn{r: bytes.NewReader(data), size: size}}
	var out []byte
	buf := make([]byte, bufSize)
	for range 10 * (len(data) + 10) {
		n, err := sc.Read(buf)
		out = append(out, buf[:n]...)
		if err != nil {
			break
		}
	}
	return out
}

// FuzzStrictConn: how the bytes arrive never changes what the connection hands on, and
// that is the bytes sent, with at most one refusal line put in.
func FuzzStrictConn(f *testing.F) {
	for _, s := range []string{
		"POST /a HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
		"POST /a HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcGET / HTTP/1.1\r\n\r\n",
		"POST /b HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3;x\r\nabc\r\n0\r\nT: 1\r\n\r\nGET / HTTP/1.0\r\nTransfer-Encoding: x\r\n\r\n",
		"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03",
		"GET / HTTP/1.1\r\nUpgrade: websocket\r\n\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n",
	} {
		f.Add([]byte(s), uint8(1), uint8(7))
	}
	f.Fuzz(func(t *testing.T, data []byte, size, bufSize uint8) {
		whole := readStrict(data, len(data)+1, len(data)+len(refusal)+1)
		split := readStrict(data, int(size%32)+1, int(bufSize%64)+1)
		if !bytes.Equal(whole, split) {
			t.Fatalf("read whole: %q\nread in pieces: %q", whole, split)
		}
		if !bytes.Equal(whole, data) {
			at := bytes.Index(whole, []byte(refusal))
			if at < 0 || !bytes.Equal(append(whole[:at:at], whole[at+len(refusal):]...), data) {
				t.Fatalf("sent %q, handed on %q", data, whole)
			}
		}
	})
}

// TestCloseFresh: a connection that never sent a byte (browsers and URLSession open them
// ahead of time) is closed at shutdown, so an idle server stops at once instead of
// waiting 5 seconds for it; a connection that sent a request keeps working until then.
func TestCloseFresh(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	sl := StrictListener(ln)
	accepted := make(chan struct{}, 2)
	srv := &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			io.WriteString(w, "ok")
		}),
		ConnState: func(_ net.Conn, s http.ConnState) {
			if s == http.StateNew {
				accepted <- struct{}{}
			}
		},
	}
	srv.RegisterOnShutdown(sl.CloseFresh)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(sl) }()

	used, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer used.Close()
	br := bufio.NewReader(used)
	ask := func() {
		t.Helper()
		if _, err := io.WriteString(used, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
			t.Fatal(err)
		}
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	ask()
	// Until shutdown, CloseFresh leaves a connection that has spoken alone.
	sl.CloseFresh()
	ask()
	<-accepted

	fresh, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	<-accepted // the server holds it, in net/http's StateNew

	// net/http alone waits 5 seconds for the fresh connection; 4 is ample for a shutdown
	// that has nothing to wait for.
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		t.Fatalf("shutdown with a connection that never sent a byte: %v", err)
	}
	if err := <-served; err != http.ErrServerClosed {
		t.Fatalf("Serve returned %v", err)
	}
	if n, err := fresh.Read(make([]byte, 1)); err == nil {
		t.Fatalf("the fresh connection is still open (read %d bytes)", n)
	}
}

// scanByByte is framer.scan as it was before it skipped header values: every byte
// through lineByte. FuzzFramerSkips holds scan to it.
func (f *framer) scanByByte(b []byte) int {
	for i := 0; i < len(b); {
		switch f.state {
		case framePass:
			return -1
		case frameBody, frameChunkData, frameChunkEnd:
			k := min(int64(len(b)-i), f.n)
			i += int(k)
			if f.n -= k; f.n == 0 {
				switch f.state {
				case frameBody:
					f.state = frameRequestLine
				case frameChunkData:
					f.state, f.n = frameChunkEnd, 2
				default:
					f.state = frameChunkSize
				}
			}
			continue
		}
		c := b[i]
		i++
		if c != '\n' {
			f.lineByte(c)
			continue
		}
		if f.endLine() {
			f.state = framePass
			return i
		}
	}
	return -1
}

// FuzzFramerSkips: skipping the header values framing does not read finds every
// refusal reading each byte finds, at the same place, and follows requests alike,
// however the bytes arrive.
func FuzzFramerSkips(f *testing.F) {
	for _, s := range []string{
		"POST /a HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
		"POST /a HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 3\r\n\r\nabcGET / HTTP/1.1\r\n\r\n",
		"POST /b HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3;x\r\nabc\r\n0\r\nT: 1\r\nContent-Length: 9\r\n\r\nGET / HTTP/1.0\r\nTransfer-Encoding: x\r\n\r\n",
		"GET / HTTP/1.1\r\nX y: 1\r\n\r\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n",
		"GET / HTTP/1.1\r\nContent-Lengthy: 4\r\nContent-Length:  12 \r\n\r\n",
	} {
		f.Add([]byte(s), uint8(5))
	}
	f.Fuzz(func(t *testing.T, data []byte, size uint8) {
		var fast, slow framer
		step := int(size%32) + 1
		for i := 0; i < len(data); i += step {
			chunk := data[i:min(len(data), i+step)]
			a, b := fast.scan(chunk), slow.scanByByte(chunk)
			if a != b {
				t.Fatalf("%q in pieces of %d: scan says %d, byte by byte %d", data, step, a, b)
			}
			if fast.state != slow.state || fast.n != slow.n || fast.lineLen != slow.lineLen || fast.lastCR != slow.lastCR {
				t.Fatalf("%q in pieces of %d: after %d bytes the framers differ:\n%+v\n%+v", data, step, i+len(chunk), fast, slow)
			}
			if a >= 0 {
				return
			}
		}
	})
}

// BenchmarkStrictConn times what StrictListener adds to reading a request: following
// its framing, here a POST as wrk sends it, with its JSON body.
func BenchmarkStrictConn(b *testing.B) {
	req := []byte("POST /api/get_messages HTTP/1.1\r\nHost: 127.0.0.1:4000\r\nContent-Length: 16\r\nContent-Type: application/json\r\n\r\n{\"user\":\"larry\"}")
	var f framer
	b.SetBytes(int64(len(req)))
	for b.Loop() {
		if f.scan(req) >= 0 {
			b.Fatal("refused")
		}
	}
}
