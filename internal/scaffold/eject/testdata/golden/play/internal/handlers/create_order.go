package handlers

import (
	"net/http"

	"play/internal/api"
	"play/internal/api/stubs"
)

// CreateOrder answers POST /api/orders/{id}.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.CreateOrderServiceUnavailable, api.CreateOrderCreated:
//   - always: 503 {"error":"offline"}
//
// The request is typed in in.ID, in.Body (api.CreateOrderRequest).
func (h *Handlers) CreateOrder(r *http.Request, in api.CreateOrderInput) (api.CreateOrderOutput, error) {
	return stubs.CreateOrder(r)
}
