package contract

import (
	"fmt"
	"net/http"
	"time"
)

// Answer is one stub response: what the server sends, byte for byte.
type Answer struct {
	Status int
	Header http.Header // Content-Type included, each header exactly as the spec writes it
	Body   []byte      // nil: no body
	Delay  time.Duration
}

// NewAnswer builds an answer. contentType is the type its body has ("" for none);
// headers are the spec's, in order, as name and value. A header the spec names replaces
// the default of the same name, Content-Type included, so every header goes out once
// and exactly as written; a name the spec repeats is sent with each of its values.
func NewAnswer(status int, contentType string, body []byte, headers [][2]string, delay time.Duration) *Answer {
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

// Stub is an endpoint's stub answers: the responses in order, each with the conditions
// that must all hold for it to answer.
type Stub struct {
	Endpoint string
	When     [][]Condition
	Answers  []*Answer
}

// Answer picks the answer for rq, or the error answer: a 400 when a body condition
// meets a body that is not JSON, a 404 when no response matches. misses says why the
// responses before the answer (or all of them) did not match.
func (s *Stub) Answer(rq *Request) (*Answer, []Miss, *HTTPError) {
	i, misses, err := Match(rq, s.When)
	if err != nil {
		return nil, nil, &HTTPError{Status: http.StatusBadRequest, Endpoint: s.Endpoint,
			Msg: fmt.Sprintf("endpoint %s has a body condition, so the request body must be JSON: %v", s.Endpoint, err.(*BadBodyError).Err)}
	}
	if i < 0 {
		why := make([]string, len(misses))
		for k, m := range misses {
			why[k] = m.String()
		}
		return nil, misses, &HTTPError{Status: http.StatusNotFound, Endpoint: s.Endpoint, Unmatched: why,
			Msg: fmt.Sprintf("no response of endpoint %s matches this request; add a response without `when` as the fallback", s.Endpoint)}
	}
	return s.Answers[i], misses, nil
}

// Write sends a after its delay; a client that goes away during the delay gets nothing.
// It reports whether it wrote.
func (a *Answer) Write(w http.ResponseWriter, r *http.Request) bool {
	if a.Delay > 0 {
		t := time.NewTimer(a.Delay)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return false
		}
	}
	h := w.Header()
	for k, v := range a.Header {
		if k == "Vary" {
			h[k] = append(h[k], v...) // keep a CORS layer's Vary: Origin
			continue
		}
		h[k] = v
	}
	w.WriteHeader(a.Status)
	if a.Body != nil && r.Method != http.MethodHead {
		w.Write(a.Body)
	}
	return true
}
