package handlers

import (
	"net/http"

	"calendar/internal/api"
	"calendar/internal/api/stubs"
)

// ListEvents answers GET /events. Events between two moments. Both bounds are optional.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.ListEventsOK:
//   - always: 200 [{"id":1,"starts_at":"2024-05-01T09:00:00Z","ends_at":"2024…
//
// The request is typed in in.From, in.To, in.Days.
func (h *Handlers) ListEvents(r *http.Request, in api.ListEventsInput) (api.ListEventsOutput, error) {
	return stubs.ListEvents(r)
}
