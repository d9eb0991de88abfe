package handlers

import (
	"net/http"

	"clash/internal/api"
	"clash/internal/api/stubs"
)

// GetThingResponse answers GET /thing-response.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.GetThingResponseOK:
//   - always: 200 {"ok":true}
func (h *Handlers) GetThingResponse(r *http.Request, in api.GetThingResponseInput) (api.GetThingResponseOutput, error) {
	return stubs.GetThingResponse(r)
}
