package handlers

import (
	"net/http"

	"shapes/internal/api"
)

// Maybe answers GET /maybe.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.Empty; the store is h.Store.
func (h *Handlers) Maybe(r *http.Request, in api.MaybeInput) (api.Response, error) {
	if api.StubMatches(r, "query.empty", "true") {
		return api.Response{Status: 204}, nil
	}
	return api.Response{Status: 200, Body: api.RawJSON(`{"value":1}`)}, nil
}
