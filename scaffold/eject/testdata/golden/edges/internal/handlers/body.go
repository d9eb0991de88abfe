package handlers

import (
	"net/http"

	"edges/internal/api"
)

// Body answers POST /body/{body}.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.PathBody, in.QueryBody, in.IDs, in.Body (api.BodyRequest); the store is h.Store.
func (h *Handlers) Body(r *http.Request, in api.BodyInput) (api.Response, error) {
	return api.Response{Status: 201, Body: api.RawJSON(`{"id":1}`)}, nil
}
