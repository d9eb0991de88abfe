package handlers

import (
	"net/http"

	"shapes/internal/api"
	"shapes/internal/api/stubs"
)

// IsOpen answers GET /open.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.IsOpenOK:
//   - always: 200 true
func (h *Handlers) IsOpen(r *http.Request, in api.IsOpenInput) (api.IsOpenOutput, error) {
	return stubs.IsOpen(r)
}
