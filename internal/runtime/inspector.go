package runtime

import (
	"bytes"
	"crypto/rand"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/backwards-backend/bb/internal/contract"
	"github.com/backwards-backend/bb/internal/spec"
)

// The inspector is a small local web page, at InspectorPath on bb serve's own port, that
// shows each request the app sent, what bb answered and why, the spec's endpoints and
// the state of the last reload. It answers clients on this machine only, keeps the last
// requests in memory only, and never writes a request anywhere but into bb.yaml, and
// that only when the developer presses "add stub".

// InspectorPath is where the inspector's page is served.
const InspectorPath = "/_bb/"

// DefaultInspectorKeep is how many requests the inspector keeps by default.
const DefaultInspectorKeep = 500

// MaxInspectedBody is how much of each request and response body the inspector keeps;
// the page says when a body was clipped.
const MaxInspectedBody = 64 << 10

//go:embed inspector/index.html inspector/inspector.js inspector/inspector.css inspector/favicon.svg
var inspectorAssets embed.FS

// contentSecurityPolicy lets the page run only its own script and style, from this
// server, and show images only from its own blobs: nothing a request carries can run.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// InspectorOptions configure the inspector.
type InspectorOptions struct {
	Keep int    // how many requests to keep; 0 means DefaultInspectorKeep
	File string // the spec file, which "add stub" edits
	// SwiftCalls, when set, renders for each endpoint the call of its generated Swift
	// function, keyed by endpoint name.
	SwiftCalls func(*spec.Spec) map[string]string
	// Log writes a line to bb serve's log: the inspector's refusals go there.
	Log func(format string, args ...any)
}

// Inspector keeps the last requests and pushes each new one, and each reload, to the
// pages that watch.
type Inspector struct {
	opt    InspectorOptions
	token  string
	server *Server
	page   []byte

	mu     sync.Mutex
	ring   []*exchange
	lastID uint64
	// pages are the open event streams, each woken when there is news; each reads
	// the ring itself, so a request costs a page no more than a wake-up.
	pages    map[chan struct{}]bool
	closed   bool
	cur      Status // the last reload's
	statusAt uint64 // counts status changes

	editMu sync.Mutex // one bb.yaml edit at a time
}

// NewInspector returns an inspector of the requests srv answers; srv.Inspect(in) puts
// it in place.
func NewInspector(srv *Server, opt InspectorOptions) *Inspector {
	if opt.Keep <= 0 {
		opt.Keep = DefaultInspectorKeep
	}
	if opt.Log == nil {
		opt.Log = func(string, ...any) {}
	}
	var tok [16]byte
	rand.Read(tok[:])
	in := &Inspector{opt: opt, token: hex.EncodeToString(tok[:]), server: srv, ring: make([]*exchange, opt.Keep), pages: map[chan struct{}]bool{}}
	html, _ := inspectorAssets.ReadFile("inspector/index.html")
	in.page = []byte(strings.Replace(string(html), "{{token}}", in.token, 1))
	in.Loaded(srv.Router(), Change{Total: len(srv.Router().routes)}, time.Now())
	return in
}

// Token is the per-process secret the page sends with each request that edits bb.yaml.
func (in *Inspector) Token() string { return in.token }

// Summary is a request as the log on the page lists it.
type Summary struct {
	ID       uint64    `json:"id"`
	Time     time.Time `json:"time"`
	Method   string    `json:"method"`
	URI      string    `json:"uri"`
	Status   int       `json:"status"`
	Micros   int64     `json:"micros"`
	Note     string    `json:"note"`
	Endpoint string    `json:"endpoint,omitempty"`
	Response int       `json:"response,omitempty"` // 1-based; 0 when none answered
	// Misses say why each response tried before the one that answered did not.
	Misses []string `json:"misses,omitempty"`
	// Unfit is what the ejected server would refuse in the request.
	Unfit []contract.Problem `json:"unfit,omitempty"`
	// Stub is the bb.yaml endpoint that would answer a request no endpoint took.
	Stub   string `json:"stub,omitempty"`
	Remote string `json:"remote"`
}

// Detail is one request with its headers and bodies, as the page shows it when opened.
type Detail struct {
	Summary
	RequestHeader  http.Header `json:"requestHeader"`
	RequestBody    []byte      `json:"requestBody"`
	RequestClipped bool        `json:"requestClipped"`
	Header         http.Header `json:"header"`
	Body           []byte      `json:"body"`
	Clipped        bool        `json:"clipped"`
	MaxBody        int         `json:"maxBody"`
}

// exchange is a request in flight or kept.
type exchange struct {
	Detail
	path  string // escaped, for a snippet
	query string // raw, for a snippet
}

// maxInspectedNote bounds each note and miss the inspector keeps: they quote what the
// request held, which may be as large as its body.
const maxInspectedNote = 4 << 10

// shorten cuts s to at most n bytes, at a rune boundary, marking the cut.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "") + "… (cut)"
}

// clip appends b to dst, keeping at most MaxInspectedBody bytes.
func clip(dst []byte, b []byte, clipped *bool) []byte {
	room := MaxInspectedBody - len(dst)
	if len(b) > room {
		*clipped = true
		b = b[:max(room, 0)]
	}
	return append(dst, b...)
}

// teeBody keeps what the handler reads of a request body.
type teeBody struct {
	io.ReadCloser
	x *exchange
}

func (t *teeBody) Read(p []byte) (int, error) {
	n, err := t.ReadCloser.Read(p)
	t.x.RequestBody = clip(t.x.RequestBody, p[:n], &t.x.RequestClipped)
	return n, err
}

// inspecting returns the exchange the inspector records for the request w answers, or nil.
func inspecting(w http.ResponseWriter) *exchange {
	if rec, ok := w.(*recorder); ok {
		return rec.x
	}
	return nil
}

// matched records which response of endpoint answered, why the earlier ones did not,
// and what the ejected server would refuse.
func (x *exchange) matched(endpoint string, p *contract.Pick, unfit contract.Problems) {
	if x == nil {
		return
	}
	x.Endpoint = endpoint
	if p != nil {
		if p.Answer != nil {
			x.Response = p.Index + 1
		}
		for _, m := range p.Misses {
			x.Misses = append(x.Misses, shorten(m.String(), maxInspectedNote))
		}
	}
	x.Unfit = unfit.Errors()
}

// begin starts recording a request.
func (in *Inspector) begin(r *http.Request, start time.Time) *exchange {
	x := &exchange{path: r.URL.EscapedPath(), query: r.URL.RawQuery}
	x.Time = start
	x.Method = r.Method
	x.URI = r.URL.RequestURI()
	x.Remote = r.RemoteAddr
	// net/http makes a header map for each request and each answer and does not
	// change either once the handler returns, so they are kept as they are.
	x.RequestHeader = r.Header
	x.MaxBody = MaxInspectedBody
	if r.Body != nil && r.Body != http.NoBody {
		r.Body = &teeBody{ReadCloser: r.Body, x: x}
	}
	return x
}

// finish keeps a request once answered and pushes it to the pages that watch.
func (in *Inspector) finish(x *exchange, status int, d time.Duration, note string, header http.Header) {
	x.Status = status
	x.Micros = d.Microseconds()
	x.Note = shorten(note, maxInspectedNote)
	x.Header = header
	// The capture grew by doubling; keep only what it holds.
	x.RequestBody = bytes.Clone(x.RequestBody)
	x.Body = bytes.Clone(x.Body)
	in.keep(x)
}

func (in *Inspector) keep(x *exchange) {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.lastID++
	x.ID = in.lastID
	in.ring[(x.ID-1)%uint64(len(in.ring))] = x
	in.wake()
}

// wake tells every open page there is news; in.mu is held. It never blocks: a page
// already woken reads everything new when it gets to it.
func (in *Inspector) wake() {
	for ch := range in.pages {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}

// event formats one server-sent event.
func event(name string, v any) []byte {
	js, err := json.Marshal(v)
	if err != nil {
		js = []byte(`{}`)
	}
	return []byte("event: " + name + "\ndata: " + string(js) + "\n\n")
}

// get returns a kept request, or nil when it is gone or never was.
func (in *Inspector) get(id uint64) *exchange {
	in.mu.Lock()
	defer in.mu.Unlock()
	if id == 0 || id > in.lastID {
		return nil
	}
	x := in.ring[(id-1)%uint64(len(in.ring))]
	if x == nil || x.ID != id {
		return nil
	}
	return x
}

// kept returns the kept requests, oldest first.
func (in *Inspector) kept() []*exchange {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.keptLocked()
}

func (in *Inspector) keptLocked() []*exchange {
	return in.since(0)
}

// since returns the kept requests after id, oldest first; in.mu is held.
func (in *Inspector) since(id uint64) []*exchange {
	var out []*exchange
	n := uint64(len(in.ring))
	first := id + 1
	if in.lastID > n && first < in.lastID-n+1 {
		first = in.lastID - n + 1
	}
	for id := first; id <= in.lastID; id++ {
		if x := in.ring[(id-1)%n]; x != nil && x.ID == id {
			out = append(out, x)
		}
	}
	return out
}

// Status is the state of the spec being served, as the page shows it.
type Status struct {
	File     string    `json:"file"`
	LoadedAt time.Time `json:"loadedAt"`
	Total    int       `json:"total"`
	Added    []string  `json:"added"`
	Changed  []string  `json:"changed"`
	Removed  []string  `json:"removed"`
	Notes    []string  `json:"notes"`
	// Failed, when set, is when the last save failed to load; Errors say where and why,
	// and the spec loaded at LoadedAt is still served.
	Failed *time.Time  `json:"failed,omitempty"`
	Errors []SpecError `json:"errors,omitempty"`
}

// SpecError is one problem of a spec that failed to load.
type SpecError struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"col"`
	Msg  string `json:"message"`
	Text string `json:"text"` // file:line:col: message
}

// Loaded records a good load of the spec and pushes it to the pages.
func (in *Inspector) Loaded(rt *Router, c Change, at time.Time) {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.setStatus(Status{File: in.opt.File, LoadedAt: at, Total: c.Total, Added: c.Added, Changed: c.Changed, Removed: c.Removed, Notes: c.Notes})
}

// Failed records a save that did not load and pushes its errors to the pages.
func (in *Inspector) Failed(err error, at time.Time) {
	in.mu.Lock()
	defer in.mu.Unlock()
	st := in.cur
	st.Failed = &at
	st.Errors = specErrors(err)
	in.setStatus(st)
}

// setStatus keeps st and pushes it to the pages; in.mu is held.
func (in *Inspector) setStatus(st Status) {
	in.cur = st
	in.statusAt++
	in.wake()
}

// specErrors lists a load error's problems with their positions.
func specErrors(err error) []SpecError {
	var list spec.ErrorList
	var one *spec.Error
	switch {
	case errors.As(err, &list):
	case errors.As(err, &one):
		list = spec.ErrorList{one}
	default:
		return []SpecError{{Msg: err.Error(), Text: err.Error()}}
	}
	out := make([]SpecError, len(list))
	for i, e := range list {
		out[i] = SpecError{File: e.File, Line: e.Pos.Line, Col: e.Pos.Col, Msg: e.Msg, Text: e.Error()}
	}
	return out
}

// Close ends every event stream, so that a shutdown need not wait for open pages.
func (in *Inspector) Close() {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.closed = true
	for ch := range in.pages {
		delete(in.pages, ch)
		close(ch)
	}
}

// owns reports whether the inspector answers path.
func (in *Inspector) owns(path string) bool {
	switch path {
	case "/_bb", InspectorPath, "/_bb/inspector.js", "/_bb/inspector.css", "/_bb/favicon.svg", "/_bb/events", "/_bb/api/spec", "/_bb/api/stub":
		return true
	}
	return strings.HasPrefix(path, "/_bb/api/requests/")
}

// loopbackHost reports whether a Host header names this machine: a page from another
// site that got its name resolved to 127.0.0.1 (DNS rebinding) names itself instead.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// ServeHTTP answers the inspector's page, its assets, its event stream and its API.
func (in *Inspector) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	h := w.Header()
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")
	if !contract.Loopback(r) || !loopbackHost(r.Host) {
		why := "only clients on this machine may open the inspector"
		if contract.Loopback(r) {
			why = "the inspector answers only to localhost or a loopback address in the Host header"
		}
		http.Error(w, why, http.StatusForbidden)
		in.opt.Log("%s %s %s 403 inspector refused %s: %s", start.Format("15:04:05.000"), r.Method, contract.EchoPath(r.URL.EscapedPath()), r.RemoteAddr, why)
		x := &exchange{}
		x.Time, x.Method, x.URI, x.Remote, x.MaxBody = start, r.Method, r.URL.RequestURI(), r.RemoteAddr, MaxInspectedBody
		x.RequestHeader = r.Header.Clone()
		in.finish(x, http.StatusForbidden, time.Since(start), "inspector refused: "+why, w.Header().Clone())
		return
	}
	switch p := r.URL.Path; {
	case p == "/_bb":
		http.Redirect(w, r, InspectorPath, http.StatusMovedPermanently)
	case p == InspectorPath:
		in.asset(w, r, "text/html; charset=utf-8", in.page)
	case p == "/_bb/inspector.js" || p == "/_bb/inspector.css" || p == "/_bb/favicon.svg":
		name := strings.TrimPrefix(p, "/_bb/")
		data, _ := inspectorAssets.ReadFile("inspector/" + name)
		ctype := map[string]string{".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml"}[path.Ext(name)]
		in.asset(w, r, ctype, data)
	case p == "/_bb/events":
		in.events(w, r)
	case p == "/_bb/api/spec":
		in.specAPI(w, r)
	case p == "/_bb/api/stub":
		in.addStub(w, r)
	default:
		id, err := strconv.ParseUint(strings.TrimPrefix(p, "/_bb/api/requests/"), 10, 64)
		x := in.get(id)
		if err != nil || x == nil {
			jsonError(w, http.StatusNotFound, "no such request is kept; the inspector keeps the last "+strconv.Itoa(in.opt.Keep))
			return
		}
		writeJSON(w, &x.Detail)
	}
}

func (in *Inspector) asset(w http.ResponseWriter, r *http.Request, ctype string, data []byte) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		jsonError(w, http.StatusMethodNotAllowed, "the inspector's page is read with GET")
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Write(data)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

func jsonError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

// streamDelay is how long a page's stream waits after news for more to come with it.
const streamDelay = 30 * time.Millisecond

// events streams the kept requests, then each new request and reload as it happens.
// A kept request does not change, so the stream reads them from the ring unlocked.
func (in *Inspector) events(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	rc.SetWriteDeadline(time.Time{}) // a page stays open for hours
	wake := make(chan struct{}, 1)
	in.mu.Lock()
	if in.closed {
		in.mu.Unlock()
		jsonError(w, http.StatusServiceUnavailable, "bb serve is stopping")
		return
	}
	in.pages[wake] = true
	in.mu.Unlock()
	defer func() {
		in.mu.Lock()
		delete(in.pages, wake)
		in.mu.Unlock()
	}()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("X-Accel-Buffering", "no")
	buf := []byte("retry: 1000\nevent: reset\ndata: {}\n\n")
	var sent, statusSent uint64
	ping := time.NewTicker(15 * time.Second)
	defer ping.Stop()
	for {
		in.mu.Lock()
		xs := in.since(sent)
		var st *Status
		if in.statusAt != statusSent {
			cur := in.cur
			st, statusSent = &cur, in.statusAt
		}
		in.mu.Unlock()
		for _, x := range xs {
			buf = append(buf, event("request", &x.Summary)...)
			sent = x.ID
		}
		if st != nil {
			buf = append(buf, event("status", st)...)
		}
		if len(buf) > 0 {
			if _, err := w.Write(buf); err != nil {
				return
			}
			if rc.Flush() != nil {
				return
			}
			buf = buf[:0]
		}
		select {
		case <-r.Context().Done():
			return
		case _, ok := <-wake:
			if !ok {
				return // bb serve is stopping
			}
			// Gather a burst into one write: a page need not redraw more often, and
			// a server under load must not spend itself on its inspector.
			select {
			case <-r.Context().Done():
				return
			case <-time.After(streamDelay):
			}
		case <-ping.C:
			buf = append(buf, ": ping\n\n"...)
		}
	}
}

// addStub adds the suggested stub of a request no endpoint answered to bb.yaml. Only
// the page may: the request must be a POST from the page's own origin carrying the
// process's token, so no other site can make the browser edit the developer's files.
func (in *Inspector) addStub(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		jsonError(w, http.StatusMethodNotAllowed, "add a stub with POST")
		return
	}
	if o := r.Header.Get("Origin"); o != "http://"+r.Host {
		jsonError(w, http.StatusForbidden, "only the inspector's own page may add a stub (the Origin header is "+strconv.Quote(o)+")")
		return
	}
	if subtle.ConstantTimeCompare([]byte(r.Header.Get("X-BB-Token")), []byte(in.token)) != 1 {
		jsonError(w, http.StatusForbidden, "the X-BB-Token header is missing or wrong; reload the inspector's page")
		return
	}
	var req struct {
		ID uint64 `json:"id"`
	}
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<10)).Decode(&req); err != nil {
		jsonError(w, http.StatusBadRequest, "the body must be {\"id\": N}, N a request the inspector keeps")
		return
	}
	x := in.get(req.ID)
	if x == nil || x.Stub == "" {
		jsonError(w, http.StatusNotFound, "no kept request without an endpoint has that id")
		return
	}
	name, err := in.appendStub(x)
	if err != nil {
		jsonError(w, http.StatusConflict, err.Error())
		return
	}
	writeJSON(w, map[string]string{"endpoint": name, "file": in.opt.File})
}

// appendStub writes the suggested stub of x into the spec file, after its last endpoint,
// keeping the rest of the file as it is.
func (in *Inspector) appendStub(x *exchange) (string, error) {
	in.editMu.Lock()
	defer in.editMu.Unlock()
	file := in.opt.File
	data, err := os.ReadFile(file)
	if err != nil {
		return "", err
	}
	cur, err := spec.Parse(file, data)
	if err != nil {
		return "", fmt.Errorf("%s does not load now, so nothing is added to it; fix it first", file)
	}
	name, _ := snippetName(cur, x.Method, x.path)
	body := x.RequestBody
	if x.RequestClipped {
		body = nil
	}
	query, _ := url.ParseQuery(x.query)
	next, err := spec.AppendEndpoint(data, Snippet(cur, x.Method, x.path, query, body))
	if err != nil {
		return "", err
	}
	if _, err := spec.Parse(file, next); err != nil {
		return "", fmt.Errorf("the stub would not load, so nothing is added: %v", err)
	}
	if err := writeFileAtomic(file, next); err != nil {
		return "", err
	}
	return name, nil
}
