package handlers

import (
	"net/http"

	"notes/internal/api"
	"notes/internal/api/stubs"
)

// Configuration answers GET /config.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.ConfigurationOK:
//   - always: 200 {"theme":"dark"}
func (h *Handlers) Configuration(r *http.Request, in api.ConfigurationInput) (api.ConfigurationOutput, error) {
	return stubs.Configuration(r)
}
