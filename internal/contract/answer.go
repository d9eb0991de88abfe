package contract

import (
	"encoding/json"
	"net/http"
)

// ErrorBody is the JSON body of every answer the server gives on its own:
// {"error": "…"}, with "problems" listing each misfit of a request that does not fit.
type ErrorBody struct {
	Error     string   `json:"error"`
	Problems  Problems `json:"problems,omitempty"`
	Endpoint  string   `json:"endpoint,omitempty"`
	Unmatched []string `json:"unmatched,omitempty"`
}

// WriteError sends e as a JSON error answer.
func WriteError(w http.ResponseWriter, e *HTTPError) {
	h := w.Header()
	for k, vs := range e.Header {
		h[k] = vs
	}
	data, _ := json.Marshal(ErrorBody{Error: e.Msg, Problems: e.Problems, Endpoint: e.Endpoint, Unmatched: e.Unmatched}) // strings and bools always encode
	h.Set("Content-Type", "application/json")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(e.Status)
	w.Write(append(data, '\n'))
}
