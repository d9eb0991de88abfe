package contract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Source is the part of a request a condition reads.
type Source string

// The places a condition can look.
const (
	SourceBody   Source = "body"
	SourceQuery  Source = "query"
	SourceHeader Source = "header"
	SourcePath   Source = "path"
)

// Condition is one `when` entry of a response: a place in the request and the value it
// must hold there.
type Condition struct {
	Key    string // as written, e.g. body.user or query.page
	Source Source
	Name   string // query, header or path: the name; body: the path after "body."
	Steps  []Step // body: the path to walk; empty means the whole body
	Want   any    // the value, as Decode gives it
}

// Request is what conditions and checks look at: the parts of an HTTP request, with the
// body decoded at most once.
type Request struct {
	Body   []byte
	Query  url.Values
	Header http.Header
	Host   string // net/http keeps the Host header here, not in Header
	// PathValue, when set, reads the path parameters; unset, NewRequest's request does.
	PathValue func(name string) string

	r       *http.Request
	decoded bool
	doc     any
	docErr  error
}

// NewRequest takes r apart; body is r's body, already read.
func NewRequest(r *http.Request, body []byte) *Request {
	rq := &Request{}
	rq.init(r, body)
	return rq
}

func (rq *Request) init(r *http.Request, body []byte) {
	*rq = Request{Body: body, Header: r.Header, Host: r.Host, r: r}
	if r.URL != nil && r.URL.RawQuery != "" {
		rq.Query = r.URL.Query()
	}
}

// JSON decodes the body once, with Decode. An empty body is no document at all (present
// is false), not an error.
func (rq *Request) JSON() (doc any, present bool, err error) {
	if len(bytes.TrimSpace(rq.Body)) == 0 {
		return nil, false, nil
	}
	if !rq.decoded {
		rq.decoded = true
		rq.doc, rq.docErr = Decode(rq.Body, "body")
	}
	return rq.doc, rq.docErr == nil, rq.docErr
}

// pathValue is the path parameter name; ok is false when the request has none to read.
func (rq *Request) pathValue(name string) (v string, ok bool) {
	switch {
	case rq.PathValue != nil:
		return rq.PathValue(name), true
	case rq.r != nil:
		return rq.r.PathValue(name), true
	}
	return "", false
}

// Test reports whether c holds for rq. When it does not, got is what the request holds
// where c looks (a string for query, header and path), and found is false when it holds
// nothing there. err is set only when a body condition meets a body that is not JSON.
func (c *Condition) Test(rq *Request) (held bool, got any, found bool, err error) {
	var texts []string
	switch c.Source {
	case SourceBody:
		doc, ok, err := rq.JSON()
		if err != nil {
			return false, nil, false, err
		}
		if ok {
			got, found = Walk(doc, c.Steps)
		}
		return found && Equal(c.Want, got), got, found, nil
	case SourceQuery:
		texts = rq.Query[c.Name]
	case SourceHeader:
		texts = rq.Header.Values(c.Name)
		if rq.Host != "" && strings.EqualFold(c.Name, "Host") {
			texts = []string{rq.Host}
		}
	case SourcePath:
		if v, ok := rq.pathValue(c.Name); ok {
			texts = []string{v}
		}
	}
	for _, t := range texts {
		if TextEqual(c.Want, t) {
			return true, t, true, nil
		}
	}
	if len(texts) > 0 {
		return false, texts[0], true, nil
	}
	return false, nil, false, nil
}

// TextEqual compares a condition's value with text from a query, a header or a path:
// numbers by value (2 matches 2, 2.0 and 20e-1, but not 02, +2 or 0x2), anything else by
// its text (true matches "true", a string matches itself).
func TextEqual(want any, s string) bool {
	switch w := want.(type) {
	case json.Number, float64:
		n, _ := numberText(w)
		return NumberEqual(n, s)
	case string:
		return w == s
	case bool:
		return strconv.FormatBool(w) == s
	case nil:
		return s == "null"
	}
	return false
}

// Miss says why a response did not answer: the first of its conditions that failed.
type Miss struct {
	Response int // 1-based index of the response
	Cond     *Condition
	Got      string // what the request held there, as JSON or quoted text, or "missing"
}

// String says which condition failed, what it wanted and what the request held.
func (m Miss) String() string {
	want, _ := json.Marshal(m.Cond.Want)
	return fmt.Sprintf("response %d: %s: want %s, got %s", m.Response, m.Cond.Key, want, m.Got)
}

// BadBodyError is a body condition meeting a body that is not JSON.
type BadBodyError struct{ Err error }

// Error says the body is not JSON and why.
func (e *BadBodyError) Error() string { return "the request body is not valid JSON: " + e.Err.Error() }

// Unwrap returns the decoding error.
func (e *BadBodyError) Unwrap() error { return e.Err }

// Match picks the response that answers rq: the first whose conditions all hold, as a
// 0-based index into responses (each given by its conditions), or -1 when none does.
// misses holds the first failed condition of each response tried before.
func Match(rq *Request, responses [][]Condition) (int, []Miss, error) {
	var misses []Miss
	for i, conds := range responses {
		held, m, err := Holds(rq, conds, i)
		if err != nil {
			return -1, nil, err
		}
		if !held {
			misses = append(misses, m)
			continue
		}
		return i, misses, nil
	}
	return -1, misses, nil
}

// gotText spells what a request held where c looked, for a Miss.
func gotText(c *Condition, got any) string {
	if s, ok := got.(string); ok && c.Source != SourceBody {
		return strconv.Quote(s)
	}
	js, _ := json.Marshal(got)
	return string(js)
}
