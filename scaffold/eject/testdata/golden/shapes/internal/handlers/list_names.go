package handlers

import (
	"net/http"

	"shapes/internal/api"
)

// ListNames answers GET /names.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The store is h.Store.
func (h *Handlers) ListNames(r *http.Request, in api.ListNamesInput) (api.Response, error) {
	return api.Response{Status: 200, Body: api.RawJSON(`["ada","bob"]`)}, nil
}
