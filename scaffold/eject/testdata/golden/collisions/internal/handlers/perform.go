package handlers

import (
	"net/http"

	"clash/internal/api"
)

// Perform answers POST /perform.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.Method, in.Path, in.Query, in.Returning; the store is h.Store.
func (h *Handlers) Perform(r *http.Request, in api.PerformInput) (api.Response, error) {
	return api.Response{Status: 200, Body: api.RawJSON(`{"ok":true}`)}, nil
}
