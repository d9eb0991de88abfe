package handlers

import (
	"net/http"

	"clash/internal/api"
	"clash/internal/api/stubs"
)

// GetOther answers GET /other.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.GetOtherNotFound:
//   - always: 404 {"error":{"code":1,"text":"no"}}
func (h *Handlers) GetOther(r *http.Request, in api.GetOtherInput) (api.GetOtherOutput, error) {
	return stubs.GetOther(r)
}
