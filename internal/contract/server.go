package contract

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// ServerOptions are an ejected server's settings. They live in code the developer owns
// (its main.go and the contract tests' setup), never in generated files.
type ServerOptions struct {
	// MaxBodyBytes is the largest request body the server reads; a larger one gets 413.
	// 0 means 1 MiB.
	MaxBodyBytes int64
	// WriteError, when set, sends every error answer the server gives on its own: a
	// request that does not fit (400, with every problem), a body over the limit (413), no
	// such route (404, 405), a handler that failed (500). It may log them, or change their
	// shape. Unset, they take the shape of the spec's own error answers, as in bb serve.
	WriteError func(w http.ResponseWriter, r *http.Request, e *HTTPError)
	// Stubs is how the stub answers play, for the handlers that still give them: the
	// scenario of requests without an X-BB-Scenario header, whether responses with a
	// fault or a chance take part (never unless set), and the random seed. nil plays no
	// faults, no scenario and a random seed.
	Stubs *Play
}

// defaultPlay plays the stubs of servers whose options set none.
var defaultPlay = &Play{Rand: NewRand(0)}

// PlayFromEnv reads how the stub answers play from settings: STUB_SCENARIO names the
// scenario, STUB_FAULTS=on lets responses with a fault or a chance answer, STUB_SEED
// (a number) pins the random choices.
func PlayFromEnv(getenv func(string) string) (*Play, error) {
	p := &Play{Scenario: strings.TrimSpace(getenv("STUB_SCENARIO"))}
	switch v := strings.ToLower(strings.TrimSpace(getenv("STUB_FAULTS"))); v {
	case "", "off", "0", "false", "no":
	case "on", "1", "true", "yes":
		p.Faults = true
	default:
		return nil, fmt.Errorf("STUB_FAULTS=%s: write on or off", v)
	}
	var seed uint64
	if v := strings.TrimSpace(getenv("STUB_SEED")); v != "" {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("STUB_SEED=%s: write a whole number", v)
		}
		seed = n
	}
	p.Rand = NewRand(seed)
	return p, nil
}

// Server is the part of an ejected server that is the same for every spec: reading and
// checking requests, calling the handlers, writing their answers and the errors.
type Server struct {
	Options ServerOptions
	Errors  ErrorFormat // the shape of the spec's own error answers
}

// WriteError sends e, through the WriteError setting when there is one.
func (s Server) WriteError(w http.ResponseWriter, r *http.Request, e *HTTPError) {
	if s.Options.WriteError != nil {
		s.Options.WriteError(w, r, e)
		return
	}
	s.Errors.Write(w, e)
}

var internalError = &HTTPError{Status: http.StatusInternalServerError, Msg: "internal server error"}

// Response is what a handler's output sends: built by the constructors generated for
// each endpoint, one per status the spec declares.
type Response struct {
	status int
	header http.Header
	body   any    // encoded as JSON; nil sends raw
	raw    []byte // sent as it is when body is nil
	ctype  string // the Content-Type; "" means application/json for a JSON body
	stub   *Pick
}

// JSONResponse answers status with body encoded as JSON, sent as ctype ("" means
// application/json).
func JSONResponse(status int, ctype string, body any) Response {
	return Response{status: status, ctype: ctype, body: body}
}

// RawResponse answers status with data as it is, sent as ctype.
func RawResponse(status int, ctype string, data []byte) Response {
	return Response{status: status, ctype: ctype, raw: data}
}

// EmptyResponse answers status with no body.
func EmptyResponse(status int) Response { return Response{status: status} }

// StubResponse sends a stub answer exactly as bb serve does: its status, headers, bytes
// (templates filled in), delay and fault.
func StubResponse(p *Pick) Response { return Response{status: p.Answer.Status, stub: p} }

// WithHeader is r with one more header value.
func (r Response) WithHeader(name, value string) Response {
	h := make(http.Header, len(r.header)+1)
	for k, vs := range r.header {
		h[k] = vs
	}
	h.Add(name, value)
	r.header = h
	return r
}

func (s Server) write(w http.ResponseWriter, r *http.Request, resp Response) {
	if resp.stub != nil {
		if _, err := resp.stub.Write(w, r); err != nil {
			slog.Error("filling in a stub answer", "err", err)
			s.WriteError(w, r, &HTTPError{Status: http.StatusInternalServerError, Msg: "the stub answer could not be filled in: " + err.Error()})
		}
		return
	}
	if resp.status == 0 {
		slog.Error("a handler returned an empty output; build it with one of its constructors", "path", r.URL.Path)
		s.WriteError(w, r, internalError)
		return
	}
	h := w.Header()
	for k, vs := range resp.header {
		h[k] = append(h[k], vs...)
	}
	data := resp.raw
	if resp.body != nil {
		var err error
		if data, err = json.Marshal(resp.body); err != nil {
			slog.Error("encoding the response body", "err", err)
			s.WriteError(w, r, internalError)
			return
		}
		if resp.ctype == "" {
			resp.ctype = "application/json"
		}
	}
	if resp.ctype != "" && h.Get("Content-Type") == "" {
		h.Set("Content-Type", resp.ctype)
	}
	w.WriteHeader(resp.status)
	if resp.status != http.StatusNoContent && resp.status != http.StatusNotModified {
		w.Write(data)
	}
}

// routedBody is a request's body after Route read it: the same bytes to read again,
// and what Route made of the request, for the stub answers. One allocation holds it all,
// and the request is not copied to carry it in a context.
type routedBody struct {
	bytes.Reader
	rq   Request
	play *Play
}

// Close does nothing: the body was read and closed before.
func (*routedBody) Close() error { return nil }

// RequestOf is the request as Route read it, body decoded; the stub answers match their
// `when` conditions against it. A request Route did not read, or whose body the handler
// replaced, is read here: its body (which stays readable) and all.
func RequestOf(r *http.Request) *Request {
	if b, ok := r.Body.(*routedBody); ok {
		return &b.rq
	}
	var body []byte
	if r.Body != nil && r.Body != http.NoBody {
		body, _ = io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
	}
	return NewRequest(r, body)
}

// PlayOf is how the stub answers play in the server that routed r.
func PlayOf(r *http.Request) *Play {
	if b, ok := r.Body.(*routedBody); ok && b.play != nil {
		return b.play
	}
	return defaultPlay
}

// Recovered is next, answering a request whose handler panicked with a 500 in the
// spec's error shape, as Route does, and logging the panic.
func (s Server) Recovered(op string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer s.recoverPanic(w, r, op)
		next.ServeHTTP(w, r)
	})
}

// recoverPanic, deferred, turns a handler's panic into a 500 and a log line;
// http.ErrAbortHandler goes on up, to abort the response as net/http does.
func (s Server) recoverPanic(w http.ResponseWriter, r *http.Request, op string) {
	if p := recover(); p != nil {
		if p == http.ErrAbortHandler {
			panic(p)
		}
		slog.Error("handler panicked", "operation", op, "panic", p)
		s.WriteError(w, r, internalError)
	}
}

// Route adapts one endpoint to net/http, as bb serve --validate answers it: it reads
// the body (bounded), refuses a request that does not fit op with a 400 naming every
// misfit, then calls serve and writes its answer. serve can still read r.Body.
func (s Server) Route(op *Operation, serve func(r *http.Request, rq *Request) (Response, error)) http.HandlerFunc {
	limit := s.Options.MaxBodyBytes
	if limit <= 0 {
		limit = 1 << 20
	}
	play := s.Options.Stubs
	if play == nil {
		play = defaultPlay
	}
	return func(w http.ResponseWriter, r *http.Request) {
		defer s.recoverPanic(w, r, op.Name)
		body, herr := ReadBody(w, r, limit)
		if herr != nil {
			s.WriteError(w, r, herr)
			return
		}
		rb := &routedBody{play: play}
		rb.Reset(body)
		rb.rq.init(r, body)
		if ps := op.CheckRequest(&rb.rq); len(ps) > 0 {
			s.WriteError(w, r, BadRequest(ps))
			return
		}
		r.Body = rb
		resp, err := serve(r, &rb.rq)
		if err != nil {
			if errors.As(err, &herr) {
				s.WriteError(w, r, herr)
				return
			}
			slog.Error("handler failed", "operation", op.Name, "err", err)
			s.WriteError(w, r, internalError)
			return
		}
		s.write(w, r, resp)
	}
}

// Mux is an ejected server's router: net/http's ServeMux with the spec's method
// patterns, answering what it has no route for as bb serve does, in the spec's error
// shape: 404, 405 with Allow, and a path that differs from a route's only by a trailing
// slash as Slash says. A request to a route costs one lookup.
type Mux struct {
	s      Server
	routes *http.ServeMux // the routes alone, which say what a miss would have hit
	all    *http.ServeMux // the routes, and a catch-all for the misses
	// slashed is set when a route's path ends in a slash: ServeMux then redirects
	// some paths before a catch-all sees them, so Slash must look first.
	slashed bool
}

// NewMux returns a Mux with no routes yet.
func (s Server) NewMux() *Mux {
	m := &Mux{s: s, routes: http.NewServeMux(), all: http.NewServeMux()}
	m.all.HandleFunc("/", m.miss)
	return m
}

// Handle routes pattern, a ServeMux pattern with a method, to h.
func (m *Mux) Handle(pattern string, h http.Handler) {
	m.routes.Handle(pattern, h)
	m.all.Handle(pattern, h)
	m.slashed = m.slashed || strings.HasSuffix(pattern, "/") || strings.HasSuffix(pattern, "}") && (strings.HasSuffix(pattern, "{$}") || strings.HasSuffix(pattern, "...}"))
}

// HandleFunc routes pattern, a ServeMux pattern with a method, to h.
func (m *Mux) HandleFunc(pattern string, h func(http.ResponseWriter, *http.Request)) {
	m.Handle(pattern, http.HandlerFunc(h))
}

// ServeHTTP answers r with its route, or with the error answer for a miss.
func (m *Mux) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if m.slashed && m.slash(w, r) {
		return
	}
	m.all.ServeHTTP(w, r)
}

func (m *Mux) slash(w http.ResponseWriter, r *http.Request) bool {
	return Slash(w, r, m.routes, func(e *HTTPError) { m.s.WriteError(w, r, e) }) != ""
}

// miss answers a request no route takes.
func (m *Mux) miss(w http.ResponseWriter, r *http.Request) {
	if !m.slashed && m.slash(w, r) {
		return
	}
	// ServeMux answers misses in plain text; keep its status and Allow, send JSON.
	rec := &statusOnly{header: http.Header{}}
	m.routes.ServeHTTP(rec, r)
	if allow := rec.header.Get("Allow"); allow != "" {
		w.Header().Set("Allow", allow)
	}
	path := EchoPath(r.URL.Path)
	msg := "no endpoint " + r.Method + " " + path
	if rec.status == http.StatusMethodNotAllowed {
		msg = "method " + r.Method + " is not allowed on " + path
	}
	m.s.WriteError(w, r, &HTTPError{Status: rec.status, Msg: msg})
}

// statusOnly records what ServeMux would answer to a request it has no route for.
type statusOnly struct {
	header http.Header
	status int
}

func (s *statusOnly) Header() http.Header { return s.header }
func (s *statusOnly) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return len(b), nil
}
func (s *statusOnly) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
}

// DecodeBody decodes the checked body into v, reading exactly the keys the check read.
// The body is not read again: v is filled from the document the check read, unless a
// type in v decodes itself (time.Time, Nullable), which then reads its canonical text.
func DecodeBody(rq *Request, s *Schema, v any) error {
	doc, _, _ := rq.JSON()
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && !rv.IsNil() {
		if fill := fillerFor(s, rv.Type().Elem()); fill != nil {
			if fill(doc, rv.Elem()) {
				return nil
			}
			rv.Elem().SetZero()
		}
	}
	if err := json.Unmarshal(s.appendCanonical(make([]byte, 0, len(rq.Body)), doc), v); err != nil {
		return &HTTPError{Status: http.StatusBadRequest, Msg: "the request body does not fit: " + err.Error()}
	}
	return nil
}

// QueryValue is the first value of a checked query parameter, or nil when it is absent.
func QueryValue[T any](r *http.Request, name string, k Kind) *T {
	vs := r.URL.Query()[name]
	if len(vs) == 0 {
		return nil
	}
	v := Text[T](k, vs[0])
	return &v
}

// QueryValues is every value of a checked query parameter.
func QueryValues[T any](r *http.Request, name string, k Kind) []T {
	var out []T
	for _, s := range r.URL.Query()[name] {
		out = append(out, Text[T](k, s))
	}
	return out
}

// NullableSchema is s that also accepts null.
func NullableSchema(s *Schema) *Schema {
	c := *s
	c.Nullable = true
	return &c
}

// CheckBody checks an answer's body against s, nil when s does not type it.
func CheckBody(s *Schema, body []byte) error {
	if s == nil {
		return nil
	}
	if len(bytes.TrimSpace(body)) == 0 {
		if s.Nullable {
			return nil
		}
		return fmt.Errorf("the body is empty; expected %s", s.Kind)
	}
	doc, err := Decode(body, "body")
	if err != nil {
		return fmt.Errorf("the body is not JSON: %v", err)
	}
	if ps := s.Check(doc, "body").Errors(); len(ps) > 0 {
		return ps
	}
	return nil
}

// RequestLog writes one JSON line per request, in the shape of slog's JSON handler
// ({"time":…,"level":"INFO","msg":"request","method":…,"path":…,"status":…,"ms":…}),
// with no allocation beyond the line: a busy server spends its time answering, not
// logging. Its level says which requests: all, errors (status 400 and above) or off.
type RequestLog struct {
	mu     sync.Mutex
	w      io.Writer
	errors bool
	off    bool
	second atomic.Pointer[logSecond]
}

// logSecond is the time of a log line to the second, formatted once for every line in
// that second: the date and time, and the zone.
type logSecond struct {
	unix       int64
	date, zone []byte
}

// NewRequestLog logs to w at level: "all" (or ""), "errors" or "off".
func NewRequestLog(w io.Writer, level string) (*RequestLog, error) {
	l := &RequestLog{w: w}
	switch strings.ToLower(strings.TrimSpace(level)) {
	case "", "all":
	case "errors":
		l.errors = true
	case "off":
		l.off = true
	default:
		return nil, fmt.Errorf("LOG_REQUESTS=%s: write all, errors or off", level)
	}
	return l, nil
}

var logBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 256); return &b }}

// Handler logs the requests next answers.
func (l *RequestLog) Handler(next http.Handler) http.Handler {
	if l.off {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		if l.errors && sw.status < 400 {
			return
		}
		l.line(start, r.Method, r.URL.Path, sw.status, time.Since(start))
	})
}

func (l *RequestLog) line(start time.Time, method, path string, status int, d time.Duration) {
	bp := logBuffers.Get().(*[]byte)
	b := append((*bp)[:0], `{"time":"`...)
	b = l.appendTime(b, start)
	b = append(b, `","level":"INFO","msg":"request","method":`...)
	b = appendJSONString(b, method)
	b = append(b, `,"path":`...)
	b = appendJSONString(b, path)
	b = append(b, `,"status":`...)
	b = strconv.AppendInt(b, int64(status), 10)
	b = append(b, `,"ms":`...)
	b = strconv.AppendFloat(b, float64(d.Microseconds())/1000, 'f', -1, 64)
	b = append(b, "}\n"...)
	l.mu.Lock()
	l.w.Write(b)
	l.mu.Unlock()
	*bp = b
	logBuffers.Put(bp)
}

// LogDelay is how long a line may wait in a LogBuffer before it is written.
const LogDelay = 100 * time.Millisecond

// logBufferSize is how much a LogBuffer gathers before it writes at once.
const logBufferSize = 32 << 10

// LogBuffer gathers what is written to it and passes it on to its writer in one write:
// when 32 KiB have gathered, and at most LogDelay after the first line. A busy server so
// makes one write for hundreds of request lines rather than one each. Close writes what
// is left: call it when the server stops.
type LogBuffer struct {
	w     io.Writer
	timer *time.Timer
	wmu   sync.Mutex // held while writing to w, so lines go out in order

	mu    sync.Mutex
	buf   []byte // what is waiting
	spare []byte // the buffer written last, to fill next
	armed bool   // the timer will write buf
	err   error  // the first error writing to w
}

// NewLogBuffer gathers writes for w.
func NewLogBuffer(w io.Writer) *LogBuffer {
	b := &LogBuffer{w: w, buf: make([]byte, 0, logBufferSize), spare: make([]byte, 0, logBufferSize)}
	b.timer = time.AfterFunc(time.Hour, func() { b.Flush() })
	b.timer.Stop()
	return b
}

// Write keeps p to write later; it writes at once only when the buffer is full.
func (b *LogBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	b.buf = append(b.buf, p...)
	full := len(b.buf) >= logBufferSize
	if !full && !b.armed {
		b.armed = true
		b.timer.Reset(LogDelay)
	}
	b.mu.Unlock()
	if full {
		b.Flush()
	}
	return len(p), nil
}

// Flush writes what is waiting, and reports the first error writing has met.
func (b *LogBuffer) Flush() error {
	b.wmu.Lock()
	defer b.wmu.Unlock()
	b.mu.Lock()
	data := b.buf
	b.buf, b.spare = b.spare[:0], nil
	b.armed = false
	b.mu.Unlock()
	var err error
	if len(data) > 0 {
		_, err = b.w.Write(data)
	}
	b.mu.Lock()
	b.spare = data[:0]
	if b.err == nil {
		b.err = err
	}
	err = b.err
	b.mu.Unlock()
	return err
}

// Close writes what is waiting.
func (b *LogBuffer) Close() error {
	b.timer.Stop()
	return b.Flush()
}

// appendTime appends t as "2006-01-02T15:04:05.000000000Z07:00" does, formatting the
// part up to the second once a second.
func (l *RequestLog) appendTime(b []byte, t time.Time) []byte {
	sec := l.second.Load()
	if sec == nil || sec.unix != t.Unix() {
		full := t.AppendFormat(nil, "2006-01-02T15:04:05.000000000Z07:00")
		dot := bytes.IndexByte(full, '.')
		sec = &logSecond{unix: t.Unix(), date: full[:dot], zone: full[dot+10:]}
		l.second.Store(sec)
	}
	b = append(b, sec.date...)
	b = append(b, '.')
	ns := t.Nanosecond()
	for div := 100000000; div > 0; div /= 10 {
		b = append(b, byte('0'+ns/div%10))
	}
	return append(b, sec.zone...)
}

// LogRequests logs one line per request with its status and duration, through log.
// RequestLog does the same at a fraction of the cost.
func LogRequests(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		log.Info("request", "method", r.Method, "path", r.URL.Path, "status", sw.status, "ms", float64(time.Since(start).Microseconds())/1000)
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (s *statusWriter) WriteHeader(code int) {
	if !s.wrote {
		s.status, s.wrote = code, true
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusWriter) Write(b []byte) (int, error) {
	s.wrote = true
	return s.ResponseWriter.Write(b)
}

func (s *statusWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// Nullable is a key of a PATCH body, which is a JSON Merge Patch: absent (Set is
// false) leaves the value as it is, null removes it, a value replaces it.
type Nullable[T any] struct {
	Value T
	Null  bool // the key holds null: remove the value
	Set   bool // the key is present
}

// Of is a Nullable holding v.
func Of[T any](v T) Nullable[T] { return Nullable[T]{Value: v, Set: true} }

// Null is a Nullable holding null.
func Null[T any]() Nullable[T] { return Nullable[T]{Null: true, Set: true} }

// MarshalJSON writes null or the value; a key that is not set is left out by omitzero.
func (n Nullable[T]) MarshalJSON() ([]byte, error) {
	if n.Null || !n.Set {
		return []byte("null"), nil
	}
	return json.Marshal(n.Value)
}

// UnmarshalJSON reads null or the value; it is only called for a key that is present.
func (n *Nullable[T]) UnmarshalJSON(data []byte) error {
	n.Set = true
	if string(bytes.TrimSpace(data)) == "null" {
		n.Null = true
		return nil
	}
	return json.Unmarshal(data, &n.Value)
}

// IsZero reports whether the key is absent, so omitzero leaves it out.
func (n Nullable[T]) IsZero() bool { return !n.Set }

// ExtraKey is one key a struct tag cannot spell ("", "🔥", "a,b"), for MarshalWithExtra.
type ExtraKey struct {
	Key   string
	Value any
	Omit  bool
}

// MarshalWithExtra encodes v, a struct, then adds the keys its tags cannot spell.
func MarshalWithExtra(v any, extra []ExtraKey) ([]byte, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.Write(data[:len(data)-1]) // all but the closing brace
	empty := len(data) == 2
	for _, e := range extra {
		if e.Omit {
			continue
		}
		k, _ := json.Marshal(e.Key)
		val, err := json.Marshal(e.Value)
		if err != nil {
			return nil, err
		}
		if !empty {
			b.WriteByte(',')
		}
		empty = false
		b.Write(k)
		b.WriteByte(':')
		b.Write(val)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalExtra decodes the keys a struct's tags cannot spell into their fields.
func UnmarshalExtra(data []byte, into map[string]any) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	for k, target := range into {
		if r, ok := raw[k]; ok {
			if err := json.Unmarshal(r, target); err != nil {
				return err
			}
		}
	}
	return nil
}

// CheckResponse checks an answer of the operation op against schemas, each operation's
// success and error body shapes: a 2xx body against the first, any other against the
// second. It returns nil, or the problems found; a body the spec does not type is not
// checked.
func CheckResponse(schemas map[string][2]*Schema, op string, status int, body []byte) error {
	s, ok := schemas[op]
	if !ok {
		return fmt.Errorf("no operation %q in the spec", op)
	}
	if status >= 200 && status < 300 {
		return CheckBody(s[0], body)
	}
	return CheckBody(s[1], body)
}

// CORSFor is an ejected server's CORS setting over next: origins as CORS_ORIGINS
// writes them (see ParseOrigins; "" turns CORS off), routes the spec's patterns, headers
// the request headers preflights allow and expose the response headers a credentialed
// page may read. An entry that is not an origin is logged and left out.
func CORSFor(origins string, routes map[string]string, headers, expose []string, next http.Handler) http.Handler {
	o, err := ParseOrigins(origins)
	if err != nil {
		slog.Error("CORS origins left out", "err", err)
	}
	if o.Empty() {
		return next
	}
	patterns := make([]string, 0, len(routes))
	for _, p := range routes {
		patterns = append(patterns, p)
	}
	return NewCORS(CORSOptions{Origins: o, Routes: patterns, Headers: headers, Expose: expose}).Handler(next)
}
