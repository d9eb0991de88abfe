package handlers

import (
	"net/http"

	"keys/internal/api"
	"keys/internal/api/stubs"
)

// GetProfile answers GET /profile. Every kind of awkward key.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.GetProfileOK:
//   - always: 200 {"user_id":1,"display-name":"Ada","createdAt":"2024-01-02T0…
func (h *Handlers) GetProfile(r *http.Request, in api.GetProfileInput) (api.GetProfileOutput, error) {
	return stubs.GetProfile(r)
}
