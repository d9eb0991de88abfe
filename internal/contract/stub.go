package contract

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Answer is one stub response: what the server sends, byte for byte, unless it holds
// templates, and how it behaves: when it may answer and how it fails.
type Answer struct {
	Status int
	Header http.Header // Content-Type included, each header exactly as the spec writes it
	Body   []byte      // nil: no body
	Delay  time.Duration
	// DelayMax, when above Delay, makes the delay a random one in [Delay, DelayMax].
	DelayMax time.Duration
	// Templated says Body's string values and Header's values may hold {{ }} templates,
	// filled in from each request.
	Templated bool
	// Scenario, when set, lets this response answer only in that scenario.
	Scenario string
	// Chance, when above 0, is the share of the requests reaching this response that
	// it answers; the others go on to the next response.
	Chance float64
	// Fault makes the answer fail on purpose.
	Fault Fault

	compiled atomic.Pointer[compiledAnswer]
}

// compiledAnswer is an answer's templates, compiled on first use.
type compiledAnswer struct {
	body   *templatedBody // nil: the body has no templates
	header map[string][]*Template
	err    error
}

// Fault is a way a stub answer fails on purpose.
type Fault string

// The faults a response can have.
const (
	FaultDrop      Fault = "drop"      // the connection closes with no answer
	FaultReset     Fault = "reset"     // the connection is reset (TCP RST)
	FaultTimeout   Fault = "timeout"   // no answer until the client gives up
	FaultMalformed Fault = "malformed" // the status and headers, then a broken body
	FaultSlow      Fault = "slow"      // the body arrives in small pieces over seconds
)

// Faults lists the faults a response may name.
var Faults = []Fault{FaultDrop, FaultReset, FaultTimeout, FaultMalformed, FaultSlow}

// Sequence is how an endpoint's responses take turns.
type Sequence string

// The kinds of sequence.
const (
	SequenceNone       Sequence = ""            // the first response whose `when` holds answers
	SequenceRepeatLast Sequence = "repeat-last" // each request the next response, then the last one again
	SequenceCycle      Sequence = "cycle"       // each request the next response, then from the first again
)

// ScenarioHeader is the request header that chooses a scenario for one request.
const ScenarioHeader = "X-BB-Scenario"

// scenarioKey is ScenarioHeader as net/http keys it: looked up without a copy.
var scenarioKey = http.CanonicalHeaderKey(ScenarioHeader)

// NewAnswer builds an answer. contentType is the type its body has ("" for none);
// headers are the spec's, in order, as name and value. A header the spec names replaces
// the default of the same name, Content-Type included, so every header goes out once
// and exactly as written; a name the spec repeats is sent with each of its values.
//
// An answer whose only header is its Content-Type shares one Header with every other of
// that type: at 10,000 endpoints that is tens of thousands of maps fewer. Header is
// never changed after NewAnswer.
func NewAnswer(status int, contentType string, body []byte, headers [][2]string, delay time.Duration) *Answer {
	if len(headers) == 0 {
		return &Answer{Status: status, Header: typeHeader(contentType), Body: body, Delay: delay}
	}
	a := &Answer{Status: status, Header: http.Header{}, Body: body, Delay: delay}
	if contentType != "" {
		a.Header.Set("Content-Type", contentType)
	}
	named := map[string]bool{}
	for _, h := range headers {
		k := http.CanonicalHeaderKey(h[0])
		if !named[k] {
			named[k] = true
			a.Header[k] = nil
		}
		a.Header[k] = append(a.Header[k], h[1])
	}
	return a
}

// typeHeaders holds the shared Header of answers whose only header is a Content-Type, by
// type; it stops growing at maxTypeHeaders types, beyond which each answer has its own.
var typeHeaders struct {
	sync.Mutex
	m map[string]http.Header
}

const maxTypeHeaders = 64

func typeHeader(contentType string) http.Header {
	typeHeaders.Lock()
	defer typeHeaders.Unlock()
	if h, ok := typeHeaders.m[contentType]; ok {
		return h
	}
	h := http.Header{}
	if contentType != "" {
		h.Set("Content-Type", contentType)
	}
	if typeHeaders.m == nil {
		typeHeaders.m = map[string]http.Header{}
	}
	if len(typeHeaders.m) < maxTypeHeaders {
		typeHeaders.m[contentType] = h
	}
	return h
}

// Compile compiles the answer's templates, once, and reports the first error. Serving
// compiles on first use; a spec checker calls it to refuse a broken template early.
func (a *Answer) Compile() error { return a.compile().err }

func (a *Answer) compile() *compiledAnswer {
	if c := a.compiled.Load(); c != nil {
		return c
	}
	c := &compiledAnswer{}
	if a.Templated {
		c.body, c.err = compileBody(a.Body)
		for k, vs := range a.Header {
			for _, v := range vs {
				if c.err != nil || !HasTemplate(v) {
					continue
				}
				t, err := ParseTemplate(v)
				if err != nil {
					c.err = fmt.Errorf("header %s: template %s: %w", k, strconv.Quote(v), err)
					continue
				}
				if c.header == nil {
					c.header = map[string][]*Template{}
				}
				c.header[k] = append(c.header[k], t)
			}
		}
	}
	a.compiled.CompareAndSwap(nil, c)
	return a.compiled.Load()
}

// Stub is an endpoint's stub answers: the responses in order, each with the conditions
// that must all hold for it to answer, and how they take turns.
type Stub struct {
	Endpoint string
	When     [][]Condition
	Answers  []*Answer
	Sequence Sequence

	count atomic.Int64 // requests so far, for sequences and {{ counter }}
}

// Reset starts the stub's counter again: the next request is the first.
func (s *Stub) Reset() { s.count.Store(0) }

// Count is how many requests the stub has had since it was made or reset.
func (s *Stub) Count() int64 { return s.count.Load() }

// Play is how a server plays its stubs: the scenario they are in, whether faults and
// chances take part, and the random source behind delays, chances and templates.
type Play struct {
	// Scenario is the scenario of requests that choose none with the X-BB-Scenario
	// header.
	Scenario string
	// Faults lets responses with a fault or a chance answer. Off, they are skipped: an
	// ejected server plays them only when its settings say so.
	Faults bool
	// Chaos, above 0, is the share of all requests given a random fault.
	Chaos float64
	Rand  *Rand
}

// Rand is a random source safe for concurrent use; seeded, it gives the same numbers
// for the same calls, so a test can pin chances, delays and templates.
type Rand struct {
	mu sync.Mutex
	r  *rand.Rand
}

// NewRand returns a source seeded with seed; 0 seeds it at random.
func NewRand(seed uint64) *Rand {
	if seed == 0 {
		seed = rand.Uint64()
	}
	return &Rand{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

// Float64 is a number in [0, 1).
func (r *Rand) Float64() float64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.r.Float64()
}

// IntN is a number in [0, n).
func (r *Rand) IntN(n int) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.r.IntN(n)
}

// Fill fills b with random bytes.
func (r *Rand) Fill(b []byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i := range b {
		b[i] = byte(r.r.Uint32())
	}
}

// UUID draws a random UUID (version 4), in lower case.
func (r *Rand) UUID() string {
	var b [16]byte
	r.Fill(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	const hex = "0123456789abcdef"
	out := make([]byte, 0, 36)
	for i, c := range b {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			out = append(out, '-')
		}
		out = append(out, hex[c>>4], hex[c&15])
	}
	return string(out)
}

// fallbackRand serves a Play made without a Rand.
var fallbackRand = NewRand(0)

func (p *Play) rand() *Rand {
	if p.Rand == nil {
		return fallbackRand
	}
	return p.Rand
}

// scenario is the scenario of rq: its X-BB-Scenario header, else the play's.
func (p *Play) scenario(rq *Request) string {
	if rq != nil && rq.Header != nil {
		if vs := rq.Header[scenarioKey]; len(vs) > 0 {
			if v := strings.TrimSpace(vs[0]); v != "" {
				return v
			}
		}
	}
	return p.Scenario
}

// Pick is the answer chosen for one request, with what the log says about it.
type Pick struct {
	Answer   *Answer
	Index    int    // 0-based index of the response that answers
	N        int64  // the request's number at its endpoint, from 1
	Scenario string // the scenario the request was in, "" for none
	Misses   []Miss // why the responses tried before did not answer
	Passed   []int  // responses whose condition held but whose chance was not drawn
	Chaos    Fault  // a fault bb serve --chaos added, "" for none
	Extra    time.Duration

	rq   *Request
	play *Play
	stub *Stub
}

// Answer picks the answer for rq, or the error answer: a 400 when a body condition
// meets a body that is not JSON, a 404 when no response matches.
func (s *Stub) Answer(rq *Request, play *Play) (Pick, *HTTPError) {
	if play == nil {
		play = &Play{}
	}
	n := s.count.Add(1)
	p := Pick{Index: -1, N: n, Scenario: play.scenario(rq), rq: rq, play: play, stub: s}
	if s.Sequence != SequenceNone {
		if n := s.eligible(p.Scenario, play.Faults, -1); n > 0 {
			k := int((p.N - 1) % int64(n))
			if s.Sequence == SequenceRepeatLast && p.N-1 >= int64(n) {
				k = n - 1
			}
			p.Index = s.eligible(p.Scenario, play.Faults, k)
		}
	} else {
		for pass := 0; pass < 2 && p.Index < 0; pass++ {
			for i, a := range s.Answers {
				if !s.may(a, pass, p.Scenario, play.Faults) {
					continue
				}
				held, miss, err := Holds(rq, s.When[i], i)
				if err != nil {
					return p, &HTTPError{Status: http.StatusBadRequest, Endpoint: s.Endpoint,
						Msg: fmt.Sprintf("endpoint %s has a body condition, so the request body must be JSON: %v", s.Endpoint, err.(*BadBodyError).Err)}
				}
				if !held {
					p.Misses = append(p.Misses, miss)
					continue
				}
				if c := a.Chance; c > 0 && play.rand().Float64() >= c {
					p.Passed = append(p.Passed, i)
					continue
				}
				p.Index = i
				break
			}
		}
	}
	if p.Index < 0 {
		why := make([]string, len(p.Misses))
		for k, m := range p.Misses {
			why[k] = m.String()
		}
		msg := fmt.Sprintf("no response of endpoint %s matches this request; add a response without `when` as the fallback", s.Endpoint)
		if p.Scenario != "" && !s.hasScenario(p.Scenario) {
			msg = fmt.Sprintf("no response of endpoint %s answers scenario %q outside its own, and none matches this request", s.Endpoint, p.Scenario)
		}
		return p, &HTTPError{Status: http.StatusNotFound, Endpoint: s.Endpoint, Unmatched: why, Msg: msg}
	}
	p.Answer = s.Answers[p.Index]
	if play.Chaos > 0 && play.rand().Float64() < play.Chaos {
		chaos := []Fault{"503", FaultDrop, FaultReset, FaultMalformed, FaultSlow, "delay"}
		p.Chaos = chaos[play.rand().IntN(len(chaos))]
		switch p.Chaos {
		case "503":
			return p, &HTTPError{Status: http.StatusServiceUnavailable, Endpoint: s.Endpoint,
				Msg: "bb serve --chaos: a failure on purpose, to try the app's error handling"}
		case "delay":
			p.Extra = time.Second + time.Duration(play.rand().IntN(2000))*time.Millisecond
		}
	}
	return p, nil
}

// may reports whether a may answer in scenario on the given pass: the scenario's own
// responses on the first, those of no scenario on the second; with faults off, none
// with a fault or a chance.
func (s *Stub) may(a *Answer, pass int, scenario string, faults bool) bool {
	if pass == 0 && (a.Scenario == "" || a.Scenario != scenario) || pass == 1 && a.Scenario != "" {
		return false
	}
	return faults || a.Fault == "" && a.Chance == 0
}

// eligible counts the responses that may answer in scenario, in the order they are
// tried (k < 0), or gives the index of the k-th of them.
func (s *Stub) eligible(scenario string, faults bool, k int) int {
	n := 0
	for pass := 0; pass < 2; pass++ {
		for i, a := range s.Answers {
			if !s.may(a, pass, scenario, faults) {
				continue
			}
			if n == k {
				return i
			}
			n++
		}
	}
	if k >= 0 {
		return -1
	}
	return n
}

func (s *Stub) hasScenario(name string) bool {
	for _, a := range s.Answers {
		if a.Scenario == name {
			return true
		}
	}
	return false
}

// Holds reports whether every condition holds for rq; when one does not, miss says
// which, for the response at index i.
func Holds(rq *Request, conds []Condition, i int) (bool, Miss, error) {
	for j := range conds {
		c := &conds[j]
		held, got, found, err := c.Test(rq)
		if err != nil {
			return false, Miss{}, &BadBodyError{err}
		}
		if !held {
			m := Miss{Response: i + 1, Cond: c, Got: "missing"}
			if found {
				m.Got = gotText(c, got)
			}
			return false, m, nil
		}
	}
	return true, Miss{}, nil
}

// Fault is the fault the answer plays: its own, or the one chaos added.
func (p *Pick) Fault() Fault {
	if p.Chaos != "" && p.Chaos != "delay" {
		return p.Chaos
	}
	if p.Answer == nil {
		return ""
	}
	return p.Answer.Fault
}

// Note says how the answer was played, for a log: "scenario offline, fault drop"; ""
// when it was played plainly.
func (p *Pick) Note() string {
	var parts []string
	if p.Answer != nil && p.Answer.Scenario != "" {
		parts = append(parts, "scenario "+p.Scenario)
	}
	if p.stub != nil && p.stub.Sequence != SequenceNone {
		parts = append(parts, fmt.Sprintf("request %d of the sequence", p.N))
	}
	if p.Answer != nil && p.Answer.Chance > 0 {
		parts = append(parts, fmt.Sprintf("its chance %g drawn", p.Answer.Chance))
	}
	for _, i := range p.Passed {
		parts = append(parts, fmt.Sprintf("the chance of response %d not drawn", i+1))
	}
	if f := p.Fault(); f != "" {
		if p.Chaos != "" {
			parts = append(parts, "chaos fault "+string(f))
		} else {
			parts = append(parts, "fault "+string(f))
		}
	}
	if p.Chaos == "delay" {
		parts = append(parts, "chaos delay "+p.Extra.Round(time.Millisecond).String())
	}
	return strings.Join(parts, ", ")
}

// Render fills in the answer's templates for the request: the headers and body to
// send. An answer without templates gives its own, unchanged.
func (p *Pick) Render(now time.Time) (http.Header, []byte, error) {
	a := p.Answer
	if !a.Templated {
		return a.Header, a.Body, nil
	}
	c := a.compile()
	if c.err != nil {
		return nil, nil, c.err
	}
	rnd := p.play.rand()
	header := a.Header
	if c.header != nil {
		// A copy of the map; only the templated values are new.
		header = make(http.Header, len(a.Header))
		for k, vs := range a.Header {
			header[k] = vs
		}
		for k, tmpls := range c.header {
			vs := a.Header[k]
			out := make([]string, len(vs))
			ti := 0
			for i, v := range vs {
				out[i] = v
				if HasTemplate(v) {
					s, err := tmpls[ti].Exec(p.rq, p.N, now, rnd)
					if err != nil {
						return nil, nil, fmt.Errorf("header %s: %w", k, err)
					}
					out[i] = headerLine.Replace(templateText(s))
					ti++
				}
			}
			header[k] = out
		}
	}
	body := a.Body
	if c.body != nil {
		var err error
		if body, err = c.body.render(p.rq, p.N, now, rnd); err != nil {
			return nil, nil, err
		}
	}
	return header, body, nil
}

// headerLine keeps a filled-in header value on one line.
var headerLine = strings.NewReplacer("\r", "", "\n", " ")

// Write sends the answer after its delay, playing its fault. A client that goes away
// during the delay gets nothing. wrote is false when nothing was sent; err is set when a
// template could not be filled in, before anything was sent, so the caller can answer
// with an error instead.
func (p *Pick) Write(w http.ResponseWriter, r *http.Request) (wrote bool, err error) {
	a := p.Answer
	fault := p.Fault()
	delay := a.Delay
	if a.DelayMax > a.Delay {
		delay += time.Duration(p.play.rand().IntN(int(a.DelayMax-a.Delay) + 1))
	}
	delay += p.Extra
	if fault == FaultSlow {
		delay = 0 // the delay is how long the body takes to arrive
	}
	if !wait(r, delay) {
		return false, nil
	}
	switch fault {
	case FaultDrop, FaultReset:
		hangUp(w, fault == FaultReset)
		return false, nil
	case FaultTimeout:
		// Hold the request until the client gives up, within a bound.
		wait(r, 10*time.Minute)
		hangUp(w, false)
		return false, nil
	}
	header, body, err := p.Render(time.Now())
	if err != nil {
		return false, err
	}
	h := w.Header()
	for k, v := range header {
		if k == "Vary" {
			h[k] = append(h[k], v...) // keep a CORS layer's Vary: Origin
			continue
		}
		h[k] = v
	}
	if r.Method == http.MethodHead {
		body = nil
	}
	switch fault {
	case FaultMalformed:
		body = malformed(body)
	case FaultSlow:
		w.WriteHeader(a.Status)
		trickle(w, r, body, max(a.Delay, a.DelayMax, 3*time.Second))
		return true, nil
	}
	w.WriteHeader(a.Status)
	if body != nil {
		w.Write(body)
	}
	return true, nil
}

// wait waits d, or until the client goes away; it reports whether the client stayed.
func wait(r *http.Request, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
		return false
	}
}

// hangUp closes the connection without an answer; reset makes it a TCP reset.
func hangUp(w http.ResponseWriter, reset bool) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler) // HTTP/2: abort the stream
	}
	if tc, ok := conn.(*net.TCPConn); ok && reset {
		tc.SetLinger(0)
	}
	conn.Close()
}

// malformed is body cut in half, so no JSON parser takes it.
func malformed(body []byte) []byte {
	cut := append([]byte{}, body[:len(body)/2]...)
	if _, err := Decode(cut, "body"); err == nil || len(bytes.TrimSpace(cut)) == 0 {
		cut = append(cut, `{"`...)
	}
	return cut
}

// trickle sends body in pieces spread over d.
func trickle(w http.ResponseWriter, r *http.Request, body []byte, d time.Duration) {
	rc := http.NewResponseController(w)
	rc.Flush()
	const pieces = 10
	step := max(1, (len(body)+pieces-1)/pieces)
	for i := 0; i < len(body); i += step {
		if !wait(r, d/pieces) {
			return
		}
		w.Write(body[i:min(len(body), i+step)])
		rc.Flush()
	}
}
