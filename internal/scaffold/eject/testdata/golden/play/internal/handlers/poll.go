package handlers

import (
	"net/http"

	"play/internal/api"
	"play/internal/api/stubs"
)

// Poll answers GET /api/jobs/{id}.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.PollOK:
//   - always: 200 {"id":"{{ path.id }}","state":"queued"}
//
// The request is typed in in.ID.
func (h *Handlers) Poll(r *http.Request, in api.PollInput) (api.PollOutput, error) {
	return stubs.Poll(r)
}
