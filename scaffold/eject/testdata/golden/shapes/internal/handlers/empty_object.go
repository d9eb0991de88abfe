package handlers

import (
	"net/http"

	"shapes/internal/api"
)

// EmptyObject answers POST /empty.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.Body (api.EmptyObjectRequest); the store is h.Store.
func (h *Handlers) EmptyObject(r *http.Request, in api.EmptyObjectInput) (api.Response, error) {
	return api.Response{Status: 200, Body: api.RawJSON("{}")}, nil
}
