package handlers

import (
	"net/http"

	"catalog/internal/api"
	"catalog/internal/api/stubs"
)

// GetUser answers GET /users/{id}.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.GetUserOK:
//   - always: 200 {"id":"3f2b8a6e-1c4d-4e5f-9a0b-1c2d3e4f5a6b"}
//
// The request is typed in in.ID.
func (h *Handlers) GetUser(r *http.Request, in api.GetUserInput) (api.GetUserOutput, error) {
	return stubs.GetUser(r)
}
