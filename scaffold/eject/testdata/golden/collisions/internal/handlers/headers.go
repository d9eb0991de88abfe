package handlers

import (
	"net/http"

	"clash/internal/api"
)

// Headers answers GET /odd%25zz/b%20c/{name}.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.Name; the store is h.Store.
func (h *Handlers) Headers(r *http.Request, in api.HeadersInput) (api.Response, error) {
	return api.Response{Status: 200, Body: api.RawJSON(`{"url_error":{"x":1},"query":{"q":1},"response":{"r":1},"task":{"t":1}}`)}, nil
}
