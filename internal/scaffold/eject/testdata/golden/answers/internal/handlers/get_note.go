package handlers

import (
	"net/http"

	"notes/internal/api"
	"notes/internal/api/stubs"
)

// GetNote answers GET /notes/{id}.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.GetNoteOK, api.GetNoteNotFound:
//   - when path.id is 1: 200 {"id":1,"title":"Groceries","body":"milk","rating":4.5,"sta…
//   - when path.id is 2: 200 {"id":2,"title":"Books","body":null,"rating":3,"status":"do…
//   - otherwise: 404 {"error":"no such note"}
//
// The request is typed in in.ID.
func (h *Handlers) GetNote(r *http.Request, in api.GetNoteInput) (api.GetNoteOutput, error) {
	return stubs.GetNote(r)
}
