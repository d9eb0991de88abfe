package handlers

import (
	"net/http"

	"calendar/internal/api"
)

// ListEvents answers GET /events. Events between two moments. Both bounds are optional.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.From, in.To, in.Days; the store is h.Store.
func (h *Handlers) ListEvents(r *http.Request, in api.ListEventsInput) (api.Response, error) {
	return api.Response{Status: 200, Body: api.RawJSON(`[{"id":1,"starts_at":"2024-05-01T09:00:00Z","ends_at":"2024-05-01T10:30:00.250+02:00","day":"2024-05-01","created":"2024-04-01T00:00:00.123456Z","updated":null},{"id":2,"starts_at":"2024-05-02T09:00:00Z","ends_at":"2024-05-02T10:00:00Z","day":"2024-05-02","created":"2024-04-02T00:00:00Z","updated":"2024-04-03T00:00:00Z"}]`)}, nil
}
