package handlers

import (
	"net/http"

	"shapes/internal/api"
	"shapes/internal/api/stubs"
)

// ListNothing answers GET /nothing.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.ListNothingOK:
//   - always: 200 []
func (h *Handlers) ListNothing(r *http.Request, in api.ListNothingInput) (api.ListNothingOutput, error) {
	return stubs.ListNothing(r)
}
