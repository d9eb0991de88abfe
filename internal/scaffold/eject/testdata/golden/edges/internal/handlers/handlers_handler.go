package handlers

import (
	"net/http"

	"edges/internal/api"
	"edges/internal/api/stubs"
)

// Handlers answers DELETE /handlers/{id}.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.HandlersNoContent, api.HandlersGone:
//   - when path.id is 7: 204
//   - otherwise: 410 {"error":"gone","since":"2026-01-01T00:00:00.000Z"}
//
// The request is typed in in.ID.
func (h *Handlers) Handlers(r *http.Request, in api.HandlersInput) (api.HandlersOutput, error) {
	return stubs.Handlers(r)
}
