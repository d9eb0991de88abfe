package handlers

import (
	"net/http"

	"keys/internal/api"
	"keys/internal/api/stubs"
)

// UpdateProfile answers PATCH /profile/{class}.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.UpdateProfileNoContent:
//   - when path.class is 3: 204
//
// The request is typed in in.Class, in.Self, in.In, in.QueryBody, in.SortBy, in.Body (api.UpdateProfileRequest).
func (h *Handlers) UpdateProfile(r *http.Request, in api.UpdateProfileInput) (api.UpdateProfileOutput, error) {
	return stubs.UpdateProfile(r)
}
