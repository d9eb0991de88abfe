package handlers

import (
	"net/http"

	"catalog/internal/api"
)

// GetProduct answers GET /products/{sku}.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.Sku; the store is h.Store.
func (h *Handlers) GetProduct(r *http.Request, in api.GetProductInput) (api.Response, error) {
	if api.StubMatches(r, "path.sku", `"abc-1"`) {
		return api.Response{Status: 200, Body: api.Raw{ContentType: "application/json", Data: []byte(`{"sku": "abc-1", "name": "Kettle", "price": 29.9, "dimensions": {"w": 20, "h": 25.5}, "reviews": null}
`)}}, nil
	}
	return api.Response{Status: 404, Body: api.Raw{ContentType: "application/json", Data: []byte(`{"error": "no such product", "code": 404}
`)}}, nil
}
