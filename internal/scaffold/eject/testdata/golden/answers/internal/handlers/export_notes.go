package handlers

import (
	"net/http"

	"notes/internal/api"
	"notes/internal/api/stubs"
)

// ExportNotes answers GET /notes.csv.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.ExportNotesOK:
//   - always: 200 notes.csv (text/csv; charset=utf-8)
func (h *Handlers) ExportNotes(r *http.Request, in api.ExportNotesInput) (api.ExportNotesOutput, error) {
	return stubs.ExportNotes(r)
}
