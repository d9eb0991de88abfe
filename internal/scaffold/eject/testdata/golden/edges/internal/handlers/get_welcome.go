package handlers

import (
	"net/http"

	"edges/internal/api"
	"edges/internal/api/stubs"
)

// GetWelcome answers GET /welcome.txt.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.GetWelcomeOK:
//   - always: 200 responses/welcome.txt (text/plain; charset=utf-8)
func (h *Handlers) GetWelcome(r *http.Request, in api.GetWelcomeInput) (api.GetWelcomeOutput, error) {
	return stubs.GetWelcome(r)
}
