package handlers

import (
	"net/http"

	"shapes/internal/api"
	"shapes/internal/api/stubs"
)

// Anything answers GET /anything.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.AnythingOK:
//   - when query.kind is "a": 200 {"a":1}
//   - otherwise: 200 [1]
//
// The request is typed in in.Kind.
func (h *Handlers) Anything(r *http.Request, in api.AnythingInput) (api.AnythingOutput, error) {
	return stubs.Anything(r)
}
