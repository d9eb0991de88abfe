package handlers

import (
	"net/http"

	"shapes/internal/api"
	"shapes/internal/api/stubs"
)

// ListNames answers GET /names.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.ListNamesOK:
//   - always: 200 ["ada","bob"]
func (h *Handlers) ListNames(r *http.Request, in api.ListNamesInput) (api.ListNamesOutput, error) {
	return stubs.ListNames(r)
}
