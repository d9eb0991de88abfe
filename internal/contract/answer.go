package contract

import (
	"bytes"
	"encoding/json"
	"net/http"
)

// ErrorFormat is the shape of the error answers a server gives on its own (a request
// that does not fit, no such route, a body over the limit, a handler that failed). It
// follows the spec's own error answers, so a client decodes bb's errors as it decodes
// the backend's.
type ErrorFormat struct {
	// Problem sends RFC 9457 problem details (application/problem+json): type, title,
	// status and detail, the rest as extension members.
	Problem bool
	// Key holds the message in a plain JSON object: {"<Key>": "…"}; "" means "error".
	Key string
}

// Member is one more member of an error body, after the message.
type Member struct {
	Key   string
	Value any
}

// WriteError sends e as a JSON error answer in the default format: {"error": "…"}.
func WriteError(w http.ResponseWriter, e *HTTPError) { ErrorFormat{}.Write(w, e) }

// Write sends e as an error answer in format f. The message comes first; then, when
// there are any, "problems" (each misfit of a request), "endpoint" and "unmatched" (why
// no stub answer matched), and e's extra members.
func (f ErrorFormat) Write(w http.ResponseWriter, e *HTTPError) {
	h := w.Header()
	for k, vs := range e.Header {
		h[k] = vs
	}
	ctype, body := f.Body(e)
	h.Set("Content-Type", ctype)
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(e.Status)
	w.Write(body)
}

// Body is the Content-Type and the body, ending in a newline, that Write sends for e.
func (f ErrorFormat) Body(e *HTTPError) (ctype string, body []byte) {
	var members []Member
	ctype = "application/json"
	if f.Problem {
		ctype = "application/problem+json"
		members = []Member{{"type", "about:blank"}, {"title", http.StatusText(e.Status)}, {"status", e.Status}, {"detail", e.Msg}}
	} else {
		key := f.Key
		if key == "" {
			key = "error"
		}
		members = []Member{{key, e.Msg}}
	}
	if len(e.Problems) > 0 {
		members = append(members, Member{"problems", e.Problems})
	}
	if e.Endpoint != "" {
		members = append(members, Member{"endpoint", e.Endpoint})
	}
	if len(e.Unmatched) > 0 {
		members = append(members, Member{"unmatched", e.Unmatched})
	}
	members = append(members, e.Extra...)
	var b bytes.Buffer
	b.WriteByte('{')
	seen := map[string]bool{}
	for _, m := range members {
		if seen[m.Key] {
			continue // the message's key wins over a member of the same name
		}
		seen[m.Key] = true
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		key, _ := json.Marshal(m.Key) // a string always encodes
		b.Write(key)
		b.WriteByte(':')
		data, err := json.Marshal(m.Value)
		if err != nil {
			data = []byte("null")
		}
		b.Write(data)
	}
	b.WriteString("}\n")
	return ctype, b.Bytes()
}
