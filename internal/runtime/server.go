package runtime

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

// Server serves the current Router and swaps in new ones without dropping a request:
// each request runs entirely on the Router it started with.
type Server struct {
	cur  atomic.Pointer[Router]
	log  *LineWriter
	insp *Inspector // nil: no inspector
	// Errors logs only the requests that went wrong: an error status, or a request the
	// ejected server would refuse.
	Errors bool
}

// LogLevel is which requests bb serve logs.
type LogLevel string

// The log levels.
const (
	LogAll    LogLevel = "all"    // one line per request
	LogErrors LogLevel = "errors" // the requests that went wrong
	LogOff    LogLevel = "off"    // no request lines; reloads and errors still print
)

// ParseLogLevel reads a log level as --log, BB_LOG and server.log write it.
func ParseLogLevel(s string) (LogLevel, error) {
	switch l := LogLevel(strings.ToLower(strings.TrimSpace(s))); l {
	case LogAll, LogErrors, LogOff:
		return l, nil
	case "":
		return LogAll, nil
	}
	return "", fmt.Errorf("%q is not a log level; write all, errors or off", s)
}

// NewServer returns a server answering from rt, logging one line per request to log
// (nil for no request log).
func NewServer(rt *Router, log *LineWriter) *Server {
	s := &Server{log: log}
	s.cur.Store(rt)
	return s
}

// Router returns the router now serving.
func (s *Server) Router() *Router { return s.cur.Load() }

// Swap makes rt the serving router and reports how it differs from the one before.
func (s *Server) Swap(rt *Router) Change {
	rt.adopt(s.cur.Load())
	rt.routing.cur.Store(rt)
	old := s.cur.Swap(rt)
	return Diff(old, rt)
}

// Inspect has in record every request and answer its own paths; call it before serving.
func (s *Server) Inspect(in *Inspector) { s.insp = in }

// ServeHTTP answers from the current router and logs the request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rt := s.cur.Load()
	if s.insp != nil && s.insp.owns(r.URL.Path) {
		s.insp.ServeHTTP(w, r)
		return
	}
	if s.log == nil && s.insp == nil {
		rt.ServeHTTP(w, r)
		return
	}
	start := time.Now()
	rec := &recorder{ResponseWriter: w}
	if s.insp != nil {
		rec.x = s.insp.begin(r, start)
	}
	rt.ServeHTTP(rec, r)
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	if rec.note == "" && rec.status >= 300 && rec.status < 400 {
		// Only ServeMux redirects without a note: /a to /a/, or an unclean path.
		rec.note = "redirected to " + rec.Header().Get("Location") + ", the path as the spec writes it"
	}
	d := time.Since(start)
	if s.log != nil && (!s.Errors || rec.status >= 400 || strings.Contains(rec.note, unfitNote)) {
		s.log.request(start, r.Method, r.URL.RequestURI(), rec.status, d, rec.note)
	}
	if rec.x != nil {
		s.insp.finish(rec.x, rec.status, d, rec.note, rec.Header())
	}
}

// appendDuration appends a request's duration for the log: 0.42ms, 12.3ms, 2.5s.
func appendDuration(b []byte, d time.Duration) []byte {
	switch {
	case d < time.Millisecond:
		return append(strconv.AppendFloat(b, float64(d)/float64(time.Millisecond), 'f', 2, 64), "ms"...)
	case d < time.Second:
		return append(strconv.AppendFloat(b, float64(d)/float64(time.Millisecond), 'f', 1, 64), "ms"...)
	}
	return append(b, d.Round(time.Millisecond).String()...)
}

// recorder keeps the status and a note on how the request was answered, for the log.
type recorder struct {
	http.ResponseWriter
	status int
	note   string
	x      *exchange // what the inspector keeps; nil without one
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	if r.x != nil {
		r.x.Body = clip(r.x.Body, b, &r.x.Clipped)
	}
	return r.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// note records how a request was answered when the writer keeps notes.
func note(w http.ResponseWriter, msg string) {
	if rec, ok := w.(*recorder); ok {
		rec.note = msg
	}
}

// LineWriter writes log lines through a buffer flushed shortly after the first unflushed
// line, so a busy server makes one write per burst rather than one per request.
type LineWriter struct {
	mu      sync.Mutex
	w       *bufio.Writer
	pending bool
	delay   time.Duration
}

// NewLineWriter buffers lines to w, flushing within delay of each write (0: at once).
func NewLineWriter(w io.Writer, delay time.Duration) *LineWriter {
	return &LineWriter{w: bufio.NewWriterSize(w, 64<<10), delay: delay}
}

// Printf writes one line; a trailing newline is added.
func (l *LineWriter) Printf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(l.w, format, args...)
	l.w.WriteByte('\n')
	l.flushSoon()
}

// request writes one request log line, built in the buffer itself rather than through
// fmt, because a busy server writes one for every request.
func (l *LineWriter) request(start time.Time, method, uri string, status int, d time.Duration, note string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.w.AvailableBuffer()
	b = start.AppendFormat(b, "15:04:05.000")
	b = append(b, ' ')
	b = append(b, method...)
	b = append(b, ' ')
	b = append(b, uri...)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(status), 10)
	b = append(b, ' ')
	b = appendDuration(b, d)
	b = append(b, ' ')
	b = appendSafe(b, note)
	b = append(b, '\n')
	l.w.Write(b)
	l.flushSoon()
}

// appendSafe appends text that may hold what a client sent, with control characters
// other than newlines escaped, so no request can drive the developer's terminal (escape
// sequences) or forge log lines (a newline followed by text that looks like one).
func appendSafe(b []byte, s string) []byte {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\n' || c == 0x7f || c == 0xc2 {
			clean = false
			break
		}
	}
	if clean {
		return append(b, s...)
	}
	for _, r := range s {
		if r < 0x20 && r != '\n' || r >= 0x7f && r < 0xa0 {
			b = append(b, `\u00`...)
			b = append(b, "0123456789abcdef"[r>>4], "0123456789abcdef"[r&0xf])
			continue
		}
		b = utf8.AppendRune(b, r)
	}
	return b
}

// flushSoon flushes at once, or schedules a flush within the delay; l.mu is held.
func (l *LineWriter) flushSoon() {
	if l.delay == 0 {
		l.w.Flush()
		return
	}
	if !l.pending {
		l.pending = true
		time.AfterFunc(l.delay, l.Flush)
	}
}

// Flush writes out every buffered line.
func (l *LineWriter) Flush() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.pending = false
	l.w.Flush()
}

// Change is how one version of a spec differs from the one before, by operation name.
type Change struct {
	Added, Changed, Removed []string
	Total                   int
	// Notes are more lines on the reload: changes it cannot apply, such as a new
	// server.port, and what it did to the resources' records.
	Notes []string
}

// Empty reports whether no endpoint was added, changed or removed.
func (c Change) Empty() bool { return len(c.Added)+len(c.Changed)+len(c.Removed) == 0 }

// String sums the change up in one line.
func (c Change) String() string {
	part := func(n []string, verb string) string {
		if len(n) == 0 {
			return "0 " + verb
		}
		return fmt.Sprintf("%d %s (%s)", len(n), verb, strings.Join(n, ", "))
	}
	noun := "endpoints"
	if c.Total == 1 {
		noun = "endpoint"
	}
	s := fmt.Sprintf("%s, %s, %s; %d %s", part(c.Added, "added"), part(c.Changed, "changed"), part(c.Removed, "removed"), c.Total, noun)
	if c.Empty() {
		s = fmt.Sprintf("no endpoint changed; %d %s", c.Total, noun)
	}
	for _, n := range c.Notes {
		s += "; " + n
	}
	return s
}

// Diff compares two routers endpoint by endpoint.
func Diff(old, cur *Router) Change {
	before := map[string]string{}
	if old != nil {
		for _, r := range old.routes {
			before[r.ep.Name] = r.fingerprint
		}
	}
	var c Change
	for _, r := range cur.routes {
		fp, ok := before[r.ep.Name]
		switch {
		case !ok:
			c.Added = append(c.Added, r.ep.Name)
		case fp != r.fingerprint:
			c.Changed = append(c.Changed, r.ep.Name)
		}
		delete(before, r.ep.Name)
	}
	for name := range before {
		c.Removed = append(c.Removed, name)
	}
	sort.Strings(c.Removed)
	c.Total = len(cur.routes)
	if old != nil {
		was, now := old.spec.Server, cur.spec.Server
		if was.Port != now.Port && now.Port != 0 {
			c.Notes = append(c.Notes, fmt.Sprintf("server.port is now %d: restart bb serve to listen there", now.Port))
		}
		if was.Host != now.Host && now.Host != "" {
			c.Notes = append(c.Notes, fmt.Sprintf("server.host is now %s: restart bb serve to listen there", now.Host))
		}
		if was.CORSOrigins != now.CORSOrigins && !cur.opt.NoCORS {
			switch origins := strings.ReplaceAll(now.CORSOrigins, ",", ", "); {
			case cur.opt.CORSOrigins != "":
				c.Notes = append(c.Notes, "server.cors.origins changed, but --cors-origin (or BB_CORS_ORIGINS) still says which origins get credentials")
			case origins == "":
				c.Notes = append(c.Notes, "no origin gets CORS credentials now")
			default:
				c.Notes = append(c.Notes, "CORS credentials now go to "+origins)
			}
		}
	}
	return c
}
