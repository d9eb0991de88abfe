package handlers

import (
	"net/http"

	"edges/internal/api"
)

// MarshalJSONEndpoint answers GET /marshal.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The store is h.Store.
func (h *Handlers) MarshalJSONEndpoint(r *http.Request, in api.MarshalJSONEndpointInput) (api.Response, error) {
	return api.Response{Status: 200, Body: api.RawJSON(`{"ok":true}`)}, nil
}
