package handlers

import (
	"net/http"

	"clash/internal/api"
	"clash/internal/api/stubs"
)

// Configuration answers GET /configuration.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.ConfigurationOK:
//   - always: 200 {"status":"on"}
//
// The request is typed in in.Timeout.
func (h *Handlers) Configuration(r *http.Request, in api.ConfigurationInput) (api.ConfigurationOutput, error) {
	return stubs.Configuration(r)
}
