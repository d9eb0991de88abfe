package handlers

import (
	"net/http"

	"clash/internal/api"
)

// Session answers POST /session.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.Body (api.SessionRequest); the store is h.Store.
func (h *Handlers) Session(r *http.Request, in api.SessionInput) (api.Response, error) {
	return api.Response{Status: 200, Body: api.RawJSON(`{"token":"abc"}`)}, nil
}
