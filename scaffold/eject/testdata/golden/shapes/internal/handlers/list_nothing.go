package handlers

import (
	"net/http"

	"shapes/internal/api"
)

// ListNothing answers GET /nothing.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The store is h.Store.
func (h *Handlers) ListNothing(r *http.Request, in api.ListNothingInput) (api.Response, error) {
	return api.Response{Status: 200, Body: api.RawJSON("[]")}, nil
}
