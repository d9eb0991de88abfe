package handlers

import (
	"net/http"

	"notes/internal/api"
	"notes/internal/api/stubs"
)

// NoteText answers GET /notes/{id}/text.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.NoteTextOK:
//   - always: 200 milk
//
// The request is typed in in.ID.
func (h *Handlers) NoteText(r *http.Request, in api.NoteTextInput) (api.NoteTextOutput, error) {
	return stubs.NoteText(r)
}
