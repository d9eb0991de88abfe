package handlers

import (
	"net/http"

	"catalog/internal/api"
	"catalog/internal/api/stubs"
)

// ListProducts answers GET /products.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.ListProductsOK:
//   - always: 200 products.json (application/json)
func (h *Handlers) ListProducts(r *http.Request, in api.ListProductsInput) (api.ListProductsOutput, error) {
	return stubs.ListProducts(r)
}
