package handlers

import (
	"net/http"

	"chat/internal/api"
	"chat/internal/api/stubs"
)

// Typing answers POST /api/typing.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.TypingNoContent, api.TypingNotFound:
//   - when body.user is "larry": 204
//   - otherwise: 404 {"error":"no such user"}
//
// The request is typed in in.Body (api.TypingRequest); the store is h.Store.
func (h *Handlers) Typing(r *http.Request, in api.TypingInput) (api.TypingOutput, error) {
	return stubs.Typing(r)
}
