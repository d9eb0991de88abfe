package handlers

import (
	"net/http"

	"messages/internal/api"
	"messages/internal/api/stubs"
)

// GetMessages answers POST /api/get_messages. The messages of one user.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.GetMessagesOK, api.GetMessagesNotFound:
//   - when body.user is "larry": 200 {"messages":["test1","test2"]}
//   - otherwise: 404 {"error":"no user found"}
//
// The request is typed in in.Body (api.GetMessagesRequest); the store is h.Store.
func (h *Handlers) GetMessages(r *http.Request, in api.GetMessagesInput) (api.GetMessagesOutput, error) {
	return stubs.GetMessages(r)
}
