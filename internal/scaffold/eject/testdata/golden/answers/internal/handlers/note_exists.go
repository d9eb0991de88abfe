package handlers

import (
	"net/http"

	"notes/internal/api"
	"notes/internal/api/stubs"
)

// NoteExists answers HEAD /notes/{id}.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.NoteExistsNotFound, api.NoteExistsOK:
//   - when path.id is 9: 404
//   - otherwise: 200
//
// The request is typed in in.ID.
func (h *Handlers) NoteExists(r *http.Request, in api.NoteExistsInput) (api.NoteExistsOutput, error) {
	return stubs.NoteExists(r)
}
