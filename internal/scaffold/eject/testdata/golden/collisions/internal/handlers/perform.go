package handlers

import (
	"net/http"

	"clash/internal/api"
	"clash/internal/api/stubs"
)

// Perform answers POST /perform.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.PerformOK:
//   - always: 200 {"ok":true}
//
// The request is typed in in.Method, in.Path, in.Query, in.Returning, in.Response, in.Timeout.
func (h *Handlers) Perform(r *http.Request, in api.PerformInput) (api.PerformOutput, error) {
	return stubs.Perform(r)
}
