package handlers

import (
	"net/http"

	"shapes/internal/api"
)

// IsOpen answers GET /open.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The store is h.Store.
func (h *Handlers) IsOpen(r *http.Request, in api.IsOpenInput) (api.Response, error) {
	return api.Response{Status: 200, Body: api.RawJSON("true")}, nil
}
