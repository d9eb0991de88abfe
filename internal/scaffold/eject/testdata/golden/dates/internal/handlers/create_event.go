package handlers

import (
	"net/http"

	"calendar/internal/api"
	"calendar/internal/api/stubs"
)

// CreateEvent answers POST /events.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.CreateEventUnprocessableEntity, api.CreateEventCreated:
//   - when body.title is "": 422 {"errors":[{"field":"title","message":"required"}]}
//   - otherwise: 201 {"id":3,"starts_at":"2024-05-01T09:00:00Z","when":"soon"}
//
// The request is typed in in.Body (api.CreateEventRequest).
func (h *Handlers) CreateEvent(r *http.Request, in api.CreateEventInput) (api.CreateEventOutput, error) {
	return stubs.CreateEvent(r)
}
