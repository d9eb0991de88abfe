package handlers

import (
	"net/http"

	"shapes/internal/api"
	"shapes/internal/api/stubs"
)

// Ratio answers GET /ratio.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.RatioOK:
//   - when query.precise is true: 200 0.5
//   - otherwise: 200 1
//
// The request is typed in in.Precise.
func (h *Handlers) Ratio(r *http.Request, in api.RatioInput) (api.RatioOutput, error) {
	return stubs.Ratio(r)
}
