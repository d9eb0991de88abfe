package handlers

import (
	"net/http"

	"calendar/internal/api"
)

// CreateEvent answers POST /events.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.Body (api.CreateEventRequest); the store is h.Store.
func (h *Handlers) CreateEvent(r *http.Request, in api.CreateEventInput) (api.Response, error) {
	if api.StubMatches(r, "body.title", `""`) {
		return api.Response{Status: 422, Body: api.RawJSON(`{"errors":[{"field":"title","message":"required"}]}`)}, nil
	}
	return api.Response{Status: 201, Body: api.RawJSON(`{"id":3,"starts_at":"2024-05-01T09:00:00Z","when":"soon"}`)}, nil
}
