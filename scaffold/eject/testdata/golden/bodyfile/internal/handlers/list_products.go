package handlers

import (
	"net/http"

	"catalog/internal/api"
)

// ListProducts answers GET /products.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The store is h.Store.
func (h *Handlers) ListProducts(r *http.Request, in api.ListProductsInput) (api.Response, error) {
	return api.Response{Status: 200, Body: api.Raw{ContentType: "application/json", Data: []byte(`[
  {"sku": "abc-1", "name": "Kettle", "price": 29.9, "stock": 3, "variants": [{"color": "red"}]},
  {"sku": "abc-2", "name": "Toaster", "price": 45, "stock": 0, "variants": [], "discontinued": true}
]
`)}}, nil
}
