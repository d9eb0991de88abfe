package handlers

import (
	"net/http"

	"clash/internal/api"
)

// GetOther answers GET /other.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The store is h.Store.
func (h *Handlers) GetOther(r *http.Request, in api.GetOtherInput) (api.Response, error) {
	return api.Response{Status: 404, Body: api.RawJSON(`{"error":{"code":1,"text":"no"}}`)}, nil
}
