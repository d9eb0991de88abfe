package handlers

import (
	"net/http"

	"edges/internal/api"
	"edges/internal/api/stubs"
)

// Body answers POST /body/{body}.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.BodyCreated:
//   - always: 201 {"id":1}
//
// The request is typed in in.PathBody, in.QueryBody, in.IDs, in.Body (api.BodyRequest).
func (h *Handlers) Body(r *http.Request, in api.BodyInput) (api.BodyOutput, error) {
	return stubs.Body(r)
}
