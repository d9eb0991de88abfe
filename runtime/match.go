package runtime

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/backwards-backend/bb/spec"
)

// Request is what conditions look at: the parts of an HTTP request a `when` can name.
type Request struct {
	Body      []byte
	Query     url.Values
	Header    http.Header
	Host      string // net/http keeps the Host header here, not in Header
	PathValue func(name string) string

	parsed  bool
	json    any
	jsonErr error
}

// bodyJSON decodes the body once. An empty body is no JSON at all, not an error: a
// condition on it simply does not hold.
func (rq *Request) bodyJSON() (any, bool, error) {
	if !rq.parsed {
		rq.parsed = true
		if len(bytes.TrimSpace(rq.Body)) > 0 {
			dec := json.NewDecoder(bytes.NewReader(rq.Body))
			dec.UseNumber()
			rq.jsonErr = dec.Decode(&rq.json)
			if rq.jsonErr == nil {
				if _, err := dec.Token(); err != io.EOF {
					rq.jsonErr = errors.New("more data after the JSON value")
				}
			}
			if rq.jsonErr == nil {
				return rq.json, true, nil
			}
		}
	}
	if rq.jsonErr != nil {
		return nil, false, rq.jsonErr
	}
	return rq.json, len(bytes.TrimSpace(rq.Body)) > 0, nil
}

// Miss says why a condition did not hold.
type Miss struct {
	Response int // 1-based index of the response the condition belongs to; 0 when unknown
	Cond     *spec.Condition
	Got      string // what the request held, or "missing"
}

// String says which condition failed, what it wanted and what the request held.
func (m Miss) String() string {
	s := fmt.Sprintf("%s: want %s, got %s", m.Cond.Key, m.Cond.Value.String(), m.Got)
	if m.Response > 0 {
		s = fmt.Sprintf("response %d: %s", m.Response, s)
	}
	return s
}

// BadBodyError is returned by Match when a body condition meets a body that is not JSON.
type BadBodyError struct{ Err error }

// Error says the body is not JSON and why.
func (e *BadBodyError) Error() string { return "the request body is not valid JSON: " + e.Err.Error() }

// Unwrap returns the JSON decoding error.
func (e *BadBodyError) Unwrap() error { return e.Err }

// Holds reports whether one condition holds for the request. When it does not, the Miss
// says what was found instead.
func Holds(c *spec.Condition, rq *Request) (bool, *Miss, error) {
	in := spec.Incoming{Query: rq.Query, Header: rq.Header, Host: rq.Host, PathValue: rq.PathValue}
	if c.Source == spec.SourceBody {
		doc, ok, err := rq.bodyJSON()
		if err != nil {
			return false, nil, &BadBodyError{err}
		}
		in.Body, in.HasBody = doc, ok
	}
	held, got, found := c.Test(&in)
	if held {
		return true, nil, nil
	}
	m := &Miss{Cond: c, Got: "missing"}
	if found {
		if s, ok := got.(string); ok && c.Source != spec.SourceBody {
			m.Got = strconv.Quote(s)
		} else {
			js, _ := json.Marshal(got)
			m.Got = string(js)
		}
	}
	return false, m, nil
}

// Match picks the answer for a request: the first response whose conditions all hold.
// When none does, misses holds the first failed condition of each response.
func (r *route) match(rq *Request) (*answer, []Miss, error) {
	var misses []Miss
	for _, a := range r.answers {
		ok := true
		for i := range a.resp.When {
			held, miss, err := Holds(&a.resp.When[i], rq)
			if err != nil {
				return nil, nil, err
			}
			if !held {
				ok = false
				miss.Response = a.index
				misses = append(misses, *miss)
				break
			}
		}
		if ok {
			return a, misses, nil
		}
	}
	return nil, misses, nil
}

func (r *route) serve(w http.ResponseWriter, req *http.Request) {
	rq := &Request{Header: req.Header, Host: req.Host, PathValue: req.PathValue}
	if req.URL.RawQuery != "" {
		rq.Query = req.URL.Query()
	}
	if req.Body != nil && req.Body != http.NoBody {
		body, err := io.ReadAll(req.Body)
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				note(w, "request body over the limit")
				writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the request body is larger than %d bytes; raise the limit with bb serve --max-body", tooBig.Limit))
				return
			}
			note(w, "request body could not be read")
			writeError(w, http.StatusBadRequest, "the request body could not be read: "+err.Error())
			return
		}
		rq.Body = body
	}
	a, misses, err := r.match(rq)
	if err != nil {
		note(w, err.Error())
		writeError(w, http.StatusBadRequest, fmt.Sprintf("endpoint %s has a body condition, so the request body must be JSON: %v", r.ep.Name, errors.Unwrap(err)), "endpoint", r.ep.Name)
		return
	}
	if a == nil {
		why := make([]string, len(misses))
		for i, m := range misses {
			why[i] = m.String()
		}
		note(w, fmt.Sprintf("%s: no response matched (%s)", r.ep.Name, strings.Join(why, "; ")))
		writeError(w, http.StatusNotFound, fmt.Sprintf("no response of endpoint %s matches this request; add a response without `when` as the fallback", r.ep.Name), "endpoint", r.ep.Name, "unmatched", why)
		return
	}
	note(w, a.note)
	if a.resp.Delay > 0 {
		t := time.NewTimer(a.resp.Delay)
		select {
		case <-t.C:
		case <-req.Context().Done():
			t.Stop()
			note(w, a.note+"; the client went away during the delay")
			return
		}
	}
	h := w.Header()
	for k, v := range a.header {
		if k == "Vary" {
			h[k] = append(h[k], v...) // keep the CORS layer's Vary: Origin
			continue
		}
		h[k] = v
	}
	w.WriteHeader(a.resp.Status)
	if a.body != nil {
		w.Write(a.body)
	}
}
