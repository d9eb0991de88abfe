package handlers

import (
	"net/http"

	"clash/internal/api"
	"clash/internal/api/stubs"
)

// Session answers POST /session.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.SessionOK:
//   - always: 200 {"token":"abc"}
//
// The request is typed in in.Body (api.SessionRequest).
func (h *Handlers) Session(r *http.Request, in api.SessionInput) (api.SessionOutput, error) {
	return stubs.Session(r)
}
