package handlers

import (
	"net/http"

	"shapes/internal/api"
	"shapes/internal/api/stubs"
)

// Maybe answers GET /maybe.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.MaybeNoContent, api.MaybeOK:
//   - when query.empty is true: 204
//   - otherwise: 200 {"value":1}
//
// The request is typed in in.Empty.
func (h *Handlers) Maybe(r *http.Request, in api.MaybeInput) (api.MaybeOutput, error) {
	return stubs.Maybe(r)
}
