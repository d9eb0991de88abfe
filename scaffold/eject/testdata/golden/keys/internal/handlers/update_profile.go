package handlers

import (
	"net/http"

	"keys/internal/api"
)

// UpdateProfile answers PATCH /profile/{class}.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.Class, in.Self, in.In, in.QueryBody, in.SortBy, in.Body (api.UpdateProfileRequest); the store is h.Store.
func (h *Handlers) UpdateProfile(r *http.Request, in api.UpdateProfileInput) (api.Response, error) {
	if api.StubMatches(r, "path.class", "3") {
		return api.Response{Status: 204}, nil
	}
	return api.Response{Status: http.StatusNotFound, Body: api.Error{Error: "no stub answer of updateProfile matches this request"}}, nil
}
