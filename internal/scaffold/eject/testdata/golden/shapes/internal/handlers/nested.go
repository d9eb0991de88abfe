package handlers

import (
	"net/http"

	"shapes/internal/api"
	"shapes/internal/api/stubs"
)

// Nested answers POST /nested.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.NestedCreated:
//   - always: 201 {"ids":[[1]]}
//
// The request is typed in in.Body ([][]Nested).
func (h *Handlers) Nested(r *http.Request, in api.NestedInput) (api.NestedOutput, error) {
	return stubs.Nested(r)
}
