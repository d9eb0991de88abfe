package handlers

import (
	"net/http"

	"shapes/internal/api"
	"shapes/internal/api/stubs"
)

// Greeting answers GET /greeting.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic:
//   - always: 200 "hello"
//
// The store is h.Store.
func (h *Handlers) Greeting(r *http.Request, in api.GreetingInput) (api.Response, error) {
	return stubs.Greeting(r)
}
