package handlers

import (
	"net/http"

	"clash/internal/api"
)

// Send answers POST /send.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The store is h.Store.
func (h *Handlers) Send(r *http.Request, in api.SendInput) (api.Response, error) {
	return api.Response{Status: 204}, nil
}
