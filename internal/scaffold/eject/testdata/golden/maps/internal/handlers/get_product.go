package handlers

import (
	"net/http"

	"inventory/internal/api"
	"inventory/internal/api/stubs"
)

// GetProduct answers GET /products/{sku}.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.GetProductOK, api.GetProductNotFound:
//   - when path.sku is "abc-1": 200 {"sku":"abc-1","price":10,"stock":{"warehouse_a":3},"rating…
//   - when path.sku is "abc-2": 200 {"sku":"abc-2","price":12.5,"stock":{"warehouse_b":0,"wareh…
//   - otherwise: 404 {"error":"no such product"}
//
// The request is typed in in.Sku.
func (h *Handlers) GetProduct(r *http.Request, in api.GetProductInput) (api.GetProductOutput, error) {
	return stubs.GetProduct(r)
}
