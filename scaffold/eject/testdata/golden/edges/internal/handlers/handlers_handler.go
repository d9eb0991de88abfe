package handlers

import (
	"net/http"

	"edges/internal/api"
)

// Handlers answers DELETE /handlers/{id}.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.ID; the store is h.Store.
func (h *Handlers) Handlers(r *http.Request, in api.HandlersInput) (api.Response, error) {
	if api.StubMatches(r, "path.id", "7") {
		return api.Response{Status: 204}, nil
	}
	return api.Response{Status: 410, Body: api.RawJSON(`{"error":"gone","since":"2026-01-01T00:00:00.000Z"}`)}, nil
}
