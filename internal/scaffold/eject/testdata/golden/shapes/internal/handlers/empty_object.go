package handlers

import (
	"net/http"

	"shapes/internal/api"
	"shapes/internal/api/stubs"
)

// EmptyObject answers POST /empty.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.EmptyObjectOK:
//   - always: 200 {}
//
// The request is typed in in.Body (map[string]any).
func (h *Handlers) EmptyObject(r *http.Request, in api.EmptyObjectInput) (api.EmptyObjectOutput, error) {
	return stubs.EmptyObject(r)
}
