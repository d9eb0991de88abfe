package handlers

import (
	"net/http"

	"notes/internal/api"
	"notes/internal/api/stubs"
)

// DeleteNote answers DELETE /notes/{id}.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.DeleteNoteNoContent:
//   - always: 204
//
// The request is typed in in.ID.
func (h *Handlers) DeleteNote(r *http.Request, in api.DeleteNoteInput) (api.DeleteNoteOutput, error) {
	return stubs.DeleteNote(r)
}
