package handlers

import (
	"net/http"

	"orders/internal/api"
	"orders/internal/api/stubs"
)

// UpdateOrder answers PATCH /orders/{id}.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.UpdateOrderOK:
//   - when body.priority is 3: 200 {"id":1,"note":"rush","priority":3}
//   - otherwise: 200 {"id":1,"note":"rush","priority":1}
//
// The request is typed in in.ID, in.Body (api.UpdateOrderRequest).
func (h *Handlers) UpdateOrder(r *http.Request, in api.UpdateOrderInput) (api.UpdateOrderOutput, error) {
	return stubs.UpdateOrder(r)
}
