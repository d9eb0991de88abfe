package handlers

import (
	"net/http"

	"shapes/internal/api"
	"shapes/internal/api/stubs"
)

// Count answers GET /count.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.CountOK:
//   - always: 200 42
func (h *Handlers) Count(r *http.Request, in api.CountInput) (api.CountOutput, error) {
	return stubs.Count(r)
}
