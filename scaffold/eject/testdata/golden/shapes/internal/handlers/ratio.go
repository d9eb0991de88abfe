package handlers

import (
	"net/http"

	"shapes/internal/api"
)

// Ratio answers GET /ratio.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.Precise; the store is h.Store.
func (h *Handlers) Ratio(r *http.Request, in api.RatioInput) (api.Response, error) {
	if api.StubMatches(r, "query.precise", "true") {
		return api.Response{Status: 200, Body: api.RawJSON("0.5")}, nil
	}
	return api.Response{Status: 200, Body: api.RawJSON("1")}, nil
}
