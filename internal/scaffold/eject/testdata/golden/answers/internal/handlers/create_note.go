package handlers

import (
	"net/http"

	"notes/internal/api"
	"notes/internal/api/stubs"
)

// CreateNote answers POST /notes. Creates a note now, or later when the server is busy.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.CreateNoteAccepted, api.CreateNoteConflict, api.CreateNoteUnprocessableEntity, api.CreateNoteCreated:
//   - when body.title is "later": 202 {"job_id":7,"state":"queued"}
//   - when header.Idempotency-Key is "used": 409 {"conflict":{"id":1}}
//   - when body.title is "": 422 {"errors":[{"field":"title","message":"is empty"}]}
//   - otherwise: 201 {"id":1,"title":"Groceries","body":"milk","rating":4,"statu…
//
// The request is typed in in.Body (api.CreateNoteRequest).
func (h *Handlers) CreateNote(r *http.Request, in api.CreateNoteInput) (api.CreateNoteOutput, error) {
	return stubs.CreateNote(r)
}
