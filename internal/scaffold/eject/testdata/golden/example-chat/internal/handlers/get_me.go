package handlers

import (
	"net/http"

	"chat/internal/api"
	"chat/internal/api/stubs"
)

// GetMe answers GET /api/me.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.GetMeOK:
//   - always: 200 {"user":"larry","display_name":"Larry","unread":2}
//
// The store is h.Store.
func (h *Handlers) GetMe(r *http.Request, in api.GetMeInput) (api.GetMeOutput, error) {
	return stubs.GetMe(r)
}
