package handlers

import (
	"net/http"

	"edges/internal/api"
	"edges/internal/api/stubs"
)

// GetLinux answers GET /linux/.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.GetLinuxOK:
//   - always: 200 responses/motd.json (application/json)
func (h *Handlers) GetLinux(r *http.Request, in api.GetLinuxInput) (api.GetLinuxOutput, error) {
	return stubs.GetLinux(r)
}
