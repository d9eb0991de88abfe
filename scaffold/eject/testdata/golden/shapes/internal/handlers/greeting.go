package handlers

import (
	"net/http"

	"shapes/internal/api"
)

// Greeting answers GET /greeting.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The store is h.Store.
func (h *Handlers) Greeting(r *http.Request, in api.GreetingInput) (api.Response, error) {
	return api.Response{Status: 200, Body: api.RawJSON(`"hello"`)}, nil
}
