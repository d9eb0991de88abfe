package handlers

import (
	"net/http"

	"shapes/internal/api"
)

// Anything answers GET /anything.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.Kind; the store is h.Store.
func (h *Handlers) Anything(r *http.Request, in api.AnythingInput) (api.Response, error) {
	if api.StubMatches(r, "query.kind", `"a"`) {
		return api.Response{Status: 200, Body: api.RawJSON(`{"a":1}`)}, nil
	}
	return api.Response{Status: 200, Body: api.RawJSON("[1]")}, nil
}
