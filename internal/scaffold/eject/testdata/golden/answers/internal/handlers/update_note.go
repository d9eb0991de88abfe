package handlers

import (
	"net/http"

	"notes/internal/api"
	"notes/internal/api/stubs"
)

// UpdateNote answers PATCH /notes/{id}. Changes some fields; null removes one.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.UpdateNoteUnauthorized, api.UpdateNoteOK:
//   - when header.Authorization is "expired": 401 {"message":"token expired","retry":true}
//   - otherwise: 200 {"id":1,"title":"Groceries","body":"milk","rating":4,"statu…
//
// The request is typed in in.ID, in.Body (api.UpdateNoteRequest).
func (h *Handlers) UpdateNote(r *http.Request, in api.UpdateNoteInput) (api.UpdateNoteOutput, error) {
	return stubs.UpdateNote(r)
}
