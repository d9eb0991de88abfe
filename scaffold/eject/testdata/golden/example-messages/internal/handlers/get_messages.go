package handlers

import (
	"net/http"

	"messages/internal/api"
)

// GetMessages answers POST /api/get_messages. The messages of one user.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.Body (api.GetMessagesRequest); the store is h.Store.
func (h *Handlers) GetMessages(r *http.Request, in api.GetMessagesInput) (api.Response, error) {
	if api.StubMatches(r, "body.user", `"larry"`) {
		return api.Response{Status: 200, Body: api.RawJSON(`{"messages":["test1","test2"]}`)}, nil
	}
	return api.Response{Status: 404, Body: api.RawJSON(`{"error":"no user found"}`)}, nil
}
