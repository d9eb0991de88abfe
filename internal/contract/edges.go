package contract

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"sync"
	"unicode/utf8"
)

// MaxEchoedPath is the most of a request's path an error answer repeats, in bytes: a
// client that sends a megabyte of URL gets a few hundred bytes of it back, not all.
const MaxEchoedPath = 256

// EchoPath is p as an error message repeats it: whole, or its first MaxEchoedPath bytes
// (cut between two characters) and "…".
func EchoPath(p string) string {
	if len(p) <= MaxEchoedPath {
		return p
	}
	cut := MaxEchoedPath
	for cut > 0 && !utf8.RuneStart(p[cut]) {
		cut--
	}
	return p[:cut] + "…"
}

// StrictListener wraps ln so that the HTTP/1 requests on every connection it accepts
// are framed as RFC 9112 requires. A request with both Content-Length and
// Transfer-Encoding, or with Transfer-Encoding over HTTP/1.0, may be an attempt to
// smuggle a second request past a proxy that reads the framing the other way; such a
// request gets 400 Bad Request and its connection is closed, so nothing sent after it
// is read as a request.
//
// net/http alone accepts such a request: it reads the body by Transfer-Encoding, drops
// the Content-Length header before any handler runs (so no handler can tell), and
// answers the next request on the connection. The listener sees the bytes first: when
// a request's headers frame it both ways, it adds a header line net/http refuses, and
// net/http answers 400 and closes the connection, after answering the requests before
// it in order. Everything else passes unchanged, TLS included.
func StrictListener(ln net.Listener) *Listener {
	return &Listener{Listener: ln, fresh: map[*strictConn]struct{}{}}
}

// Listener is what StrictListener returns: a net.Listener that also knows which of its
// connections have not sent a byte yet.
type Listener struct {
	net.Listener
	mu    sync.Mutex
	fresh map[*strictConn]struct{} // accepted, open, and nothing read from them yet
}

// Accept waits for the next connection and wraps it.
func (l *Listener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	sc := &strictConn{Conn: c, ln: l}
	l.mu.Lock()
	l.fresh[sc] = struct{}{}
	l.mu.Unlock()
	return sc, nil
}

// CloseFresh closes every connection that has not sent a byte yet. Browsers and
// URLSession open such connections ahead of requests they may never send, and
// http.Server.Shutdown waits up to 5 seconds for each before it counts it as idle, so a
// server stopped while idle would hang that long. Such a connection carries no request
// to finish; register CloseFresh with http.Server.RegisterOnShutdown, which calls it
// once the listener is closed.
func (l *Listener) CloseFresh() {
	l.mu.Lock()
	conns := make([]*strictConn, 0, len(l.fresh))
	for c := range l.fresh {
		conns = append(conns, c)
	}
	l.mu.Unlock()
	for _, c := range conns {
		c.Close()
	}
}

func (l *Listener) forget(c *strictConn) {
	l.mu.Lock()
	delete(l.fresh, c)
	l.mu.Unlock()
}

// refusal is the header line added to a request framed two ways: it has no colon, so
// net/http refuses the request as malformed, and says why to anyone reading the bytes.
const refusal = "Framed by both Content-Length and Transfer-Encoding\r\n"

type strictConn struct {
	net.Conn
	ln      *Listener // nil outside a Listener
	heard   bool      // a byte has been read, so ln no longer counts it as fresh
	f       framer
	pending []byte // read from Conn but not yet handed on, after a refusal
	err     error  // Conn's error, handed on after pending
}

func (c *strictConn) Read(p []byte) (int, error) {
	if len(c.pending) > 0 || c.err != nil {
		n := copy(p, c.pending)
		c.pending = c.pending[n:]
		if len(c.pending) == 0 && c.err != nil {
			err := c.err
			c.err = nil
			return n, err
		}
		return n, nil
	}
	n, err := c.Conn.Read(p)
	if n > 0 && !c.heard && c.ln != nil {
		c.heard = true
		c.ln.forget(c)
	}
	at := c.f.scan(p[:n])
	if at < 0 {
		return n, err
	}
	c.pending = append([]byte(refusal), p[at:n]...)
	c.err = err
	m := copy(p[at:], c.pending)
	c.pending = c.pending[m:]
	return at + m, nil
}

// Close closes the connection and forgets it.
func (c *strictConn) Close() error {
	if c.ln != nil {
		c.ln.forget(c)
	}
	return c.Conn.Close()
}

// CloseWrite lets net/http half-close the connection after an error answer, so the
// client reads the answer before the connection is reset.
func (c *strictConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}

// ReadFrom keeps net/http's sendfile path for files served as answers.
func (c *strictConn) ReadFrom(r io.Reader) (int64, error) {
	if rf, ok := c.Conn.(io.ReaderFrom); ok {
		return rf.ReadFrom(r)
	}
	return io.Copy(struct{ io.Writer }{c.Conn}, r)
}

// framer follows the HTTP/1 framing of the bytes a client sends: request line,
// headers, then a body by Content-Length or in chunks, request after request. It reads
// every byte once and keeps no line, only what it needs to find where a request ends.
type framer struct {
	state frameState
	n     int64 // bytes left of a body, a chunk, or the CRLF after a chunk

	// The line being read.
	lineLen int
	lastCR  bool // the line so far is a single CR
	name    [len("transfer-encoding")]byte
	nameLen int
	// nameState: 0 reading the field name, 1 after its colon, 2 not a name we follow.
	nameState uint8
	tail      [8]byte // the request line's last bytes, before any CR: its version
	method    [8]byte // the request line's first bytes: its method
	value     int64   // a Content-Length value or a chunk size, as read so far
	digits    int
	valueBad  bool

	// The request whose headers are being read.
	http10, connect, upgrade   bool
	length, lengthBad, chunked bool // Content-Length (readable or not), Transfer-Encoding
	contentLength              int64
}

type frameState uint8

const (
	frameRequestLine frameState = iota
	frameHeaders
	frameBody
	frameChunkSize
	frameChunkData
	frameChunkEnd
	frameTrailers
	framePass // not HTTP/1, an upgraded connection, or framing net/http refuses anyway
)

// scan follows b, the next bytes from the client. It returns the offset in b at which
// the refusal line must go in, or -1; after a refusal it follows nothing more.
func (f *framer) scan(b []byte) int {
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
		switch {
		case f.lineLen == 0 && f.state == frameRequestLine:
			// A request line whole in b is read at once rather than byte by byte.
			if j := bytes.IndexByte(b[i:], '\n'); j > 0 {
				if f.requestLine(b[i : i+j]); f.state == framePass {
					return -1
				}
				i += j
			}
		case f.nameState == 0 && (f.state == frameHeaders || f.state == frameTrailers):
			if i = f.headerName(b, i); i == len(b) {
				return -1
			}
		}
		if f.skips() {
			// The rest of a header line whose value framing does not read: on to its end.
			j := bytes.IndexByte(b[i:], '\n')
			if j < 0 {
				j = len(b) - i
			}
			if j > 0 {
				f.lineLen += j
				f.lastCR = false // only a line's first byte sets it, and these follow it
				if i += j; i == len(b) {
					break
				}
			}
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

// requestLine follows a whole request line, without its LF, as lineByte does byte by
// byte.
func (f *framer) requestLine(line []byte) {
	if line[0] != '\r' && !isToken(line[0]) {
		f.lineLen, f.lastCR = 1, false
		f.state = framePass // TLS, or anything else that is not HTTP/1
		return
	}
	f.lineLen, f.lastCR = len(line), len(line) == 1 && line[0] == '\r'
	copy(f.method[:], line)
	k := len(f.tail)
	for j := len(line) - 1; j >= 0 && k > 0; j-- {
		if line[j] != '\r' {
			k--
			f.tail[k] = line[j]
		}
	}
}

// headerName follows the name of a header or trailer line from b[i], as lineByte does,
// up to its colon, the end of the line or the end of b; it returns where it stopped.
func (f *framer) headerName(b []byte, i int) int {
	for ; i < len(b) && f.nameState == 0; i++ {
		c := b[i]
		if c == '\n' {
			break
		}
		f.lastCR = f.lineLen == 0 && c == '\r'
		f.lineLen++
		switch {
		case c == ':':
			f.nameState = 1
		case f.nameLen < len(f.name) && isToken(c):
			f.name[f.nameLen] = c | 0x20
			f.nameLen++
		default:
			f.nameState = 2
		}
	}
	return i
}

// skips reports whether the rest of the line being read can be skipped: a header or
// trailer line past its name, whose value framing reads only for Content-Length in the
// headers, or a line whose name is none framing follows.
func (f *framer) skips() bool {
	if f.state != frameHeaders && f.state != frameTrailers {
		return false
	}
	switch f.nameState {
	case 1:
		return f.state == frameTrailers || string(f.name[:f.nameLen]) != "content-length"
	case 2:
		return true
	}
	return false
}

func isToken(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	switch c {
	case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~':
		return true
	}
	return false
}

func (f *framer) lineByte(c byte) {
	n := f.lineLen
	f.lineLen++
	f.lastCR = n == 0 && c == '\r'
	switch f.state {
	case frameRequestLine:
		if n == 0 && c != '\r' && !isToken(c) {
			f.state = framePass // TLS, or anything else that is not HTTP/1
			return
		}
		if n < len(f.method) {
			f.method[n] = c
		}
		if c != '\r' {
			copy(f.tail[:], f.tail[1:])
			f.tail[len(f.tail)-1] = c
		}
	case frameHeaders, frameTrailers:
		switch {
		case f.nameState == 0 && c == ':':
			f.nameState = 1
		case f.nameState == 0 && f.nameLen < len(f.name) && isToken(c):
			f.name[f.nameLen] = c | 0x20 // letters in lower case; no other byte then matches
			f.nameLen++
		case f.nameState == 0:
			f.nameState = 2
		case f.nameState == 1:
			f.digit(c, 10)
		}
	case frameChunkSize:
		switch {
		case f.nameState == 0 && (c == ';' || c == ' ' || c == '\t' || c == '\r'):
			f.nameState = 2 // an extension or trailing space follows the size
		case f.nameState == 0:
			f.digit(c, 16)
		}
	}
}

// digit adds c to a Content-Length value (base 10) or a chunk size (base 16).
func (f *framer) digit(c byte, base int64) {
	var d int64
	switch {
	case '0' <= c && c <= '9':
		d = int64(c - '0')
	case base == 16 && 'a' <= c|0x20 && c|0x20 <= 'f':
		d = int64(c|0x20-'a') + 10
	case base == 10 && (c == ' ' || c == '\t' || c == '\r'):
		return
	default:
		f.valueBad = true
		return
	}
	// 18 decimal or 15 hex digits fit in an int64; no body that long ever ends.
	if f.digits++; f.digits > 18 || base == 16 && f.digits > 15 {
		f.valueBad = true
		return
	}
	f.value = f.value*base + d
}

// endLine ends the line being read; it reports whether the request must be refused.
func (f *framer) endLine() (refuse bool) {
	empty := f.lineLen == 0 || f.lineLen == 1 && f.lastCR
	name := string(f.name[:f.nameLen])
	named := f.nameState == 1
	value, bad := f.value, f.valueBad || f.digits == 0
	f.lineLen, f.lastCR, f.nameLen, f.nameState, f.value, f.digits, f.valueBad = 0, false, 0, 0, 0, 0, false

	switch f.state {
	case frameRequestLine:
		version, method := string(f.tail[:]), string(f.method[:])
		f.tail, f.method = [8]byte{}, [8]byte{}
		if empty {
			return false // net/http skips blank lines after a POST's body
		}
		if version[:7] != "HTTP/1." || version[7] < '0' || version[7] > '9' {
			f.state = framePass // net/http refuses it, or it is no HTTP/1 at all
			return false
		}
		f.http10 = version[7] == '0'
		f.connect = method == "CONNECT "
		f.upgrade, f.length, f.lengthBad, f.chunked, f.contentLength = false, false, false, false, 0
		f.state = frameHeaders
	case frameHeaders:
		switch {
		case empty:
			f.endHeaders()
		case !named:
		case name == "content-length":
			// net/http refuses a value it cannot read, or two that differ.
			f.lengthBad = f.lengthBad || bad || f.length && value != f.contentLength
			f.length, f.contentLength = true, value
		case name == "transfer-encoding":
			f.chunked = true
		case name == "upgrade":
			f.upgrade = true
		}
		return f.chunked && (f.length || f.http10)
	case frameChunkSize:
		switch {
		case bad:
			f.state = framePass // net/http refuses it
		case value == 0:
			f.state = frameTrailers
		default:
			f.state, f.n = frameChunkData, value
		}
	case frameTrailers:
		if empty {
			f.state = frameRequestLine
		}
	}
	return false
}

// endHeaders sets where the request's body ends, as net/http reads it.
func (f *framer) endHeaders() {
	switch {
	case f.upgrade || f.connect:
		f.state = framePass // what follows is another protocol
	case f.lengthBad:
		f.state = framePass // net/http refuses it
	case f.chunked:
		f.state = frameChunkSize
	case f.contentLength > 0:
		f.state, f.n = frameBody, f.contentLength
	default:
		f.state = frameRequestLine
	}
}

// Loopback reports whether r comes from this machine: its peer address is a loopback
// one. Proxies do not count: a forwarded request comes from the proxy.
func Loopback(r *http.Request) bool {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
