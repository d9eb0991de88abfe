package handlers

import (
	"net/http"

	"clash/internal/api"
	"clash/internal/api/stubs"
)

// Session answers POST /session.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic:
//   - always: 200 {"token":"abc"}
//
// The request is typed in in.Body (api.SessionRequest); the store is h.Store.
func (h *Handlers) Session(r *http.Request, in api.SessionInput) (api.Response, error) {
	return stubs.Session(r)
}
