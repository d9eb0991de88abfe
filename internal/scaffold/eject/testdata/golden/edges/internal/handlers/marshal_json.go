package handlers

import (
	"net/http"

	"edges/internal/api"
	"edges/internal/api/stubs"
)

// MarshalJSONEndpoint answers GET /marshal.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.MarshalJSONEndpointOK:
//   - always: 200 {"ok":true}
func (h *Handlers) MarshalJSONEndpoint(r *http.Request, in api.MarshalJSONEndpointInput) (api.MarshalJSONEndpointOutput, error) {
	return stubs.MarshalJSONEndpoint(r)
}
