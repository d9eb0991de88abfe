package handlers

import (
	"net/http"

	"catalog/internal/api"
	"catalog/internal/api/stubs"
)

// GetPrice answers GET /prices/{amount}/{taxed}.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.GetPriceOK:
//   - always: 200 {"ok":true}
//
// The request is typed in in.Amount, in.Taxed.
func (h *Handlers) GetPrice(r *http.Request, in api.GetPriceInput) (api.GetPriceOutput, error) {
	return stubs.GetPrice(r)
}
