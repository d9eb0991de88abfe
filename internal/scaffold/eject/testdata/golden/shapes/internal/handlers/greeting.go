package handlers

import (
	"net/http"

	"shapes/internal/api"
	"shapes/internal/api/stubs"
)

// Greeting answers GET /greeting.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.GreetingOK:
//   - always: 200 "hello"
func (h *Handlers) Greeting(r *http.Request, in api.GreetingInput) (api.GreetingOutput, error) {
	return stubs.Greeting(r)
}
