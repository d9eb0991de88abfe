package handlers

import (
	"net/http"

	"shapes/internal/api"
)

// NothingAtAll answers GET /null.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The store is h.Store.
func (h *Handlers) NothingAtAll(r *http.Request, in api.NothingAtAllInput) (api.Response, error) {
	return api.Response{Status: 200, Body: api.RawJSON("null")}, nil
}
