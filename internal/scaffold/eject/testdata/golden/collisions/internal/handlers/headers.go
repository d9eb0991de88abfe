package handlers

import (
	"net/http"

	"clash/internal/api"
	"clash/internal/api/stubs"
)

// Headers answers GET /odd%25zz/b%20c/{name}.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.HeadersOK:
//   - always: 200 {"url_error":{"x":1},"query":{"q":1},"response":{"r":1},"ta…
//
// The request is typed in in.Name.
func (h *Handlers) Headers(r *http.Request, in api.HeadersInput) (api.HeadersOutput, error) {
	return stubs.Headers(r)
}
