package handlers

import (
	"net/http"

	"edges/internal/api"
)

// GetWelcome answers GET /welcome.txt.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The store is h.Store.
func (h *Handlers) GetWelcome(r *http.Request, in api.GetWelcomeInput) (api.Response, error) {
	return api.Response{Status: 200, Body: api.Raw{ContentType: "text/plain; charset=utf-8", Data: []byte("Welcome, plain text.\n")}}, nil
}
