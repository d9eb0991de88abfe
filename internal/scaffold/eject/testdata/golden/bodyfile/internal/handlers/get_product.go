package handlers

import (
	"net/http"

	"catalog/internal/api"
	"catalog/internal/api/stubs"
)

// GetProduct answers GET /products/{sku}.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.GetProductOK, api.GetProductNotFound:
//   - when path.sku is "abc-1": 200 product.json (application/json)
//   - otherwise: 404 notfound.json (application/json)
//
// The request is typed in in.Sku.
func (h *Handlers) GetProduct(r *http.Request, in api.GetProductInput) (api.GetProductOutput, error) {
	return stubs.GetProduct(r)
}
