package handlers

import (
	"net/http"

	"orders/internal/api"
	"orders/internal/api/stubs"
)

// GetOrder answers GET /orders/{id}.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.GetOrderOK, api.GetOrderNotFound:
//   - when path.id is 1: 200 {"id":1,"total":10.5,"placed_at":"2026-11-30T10:00:00Z"}
//   - when path.id is 0.0: 200 {"id":0,"total":0,"placed_at":"2026-11-30T10:00:00Z"}
//   - otherwise: 404 {"error":"no such order"}
//
// The request is typed in in.ID, in.Expand, in.Fields.
func (h *Handlers) GetOrder(r *http.Request, in api.GetOrderInput) (api.GetOrderOutput, error) {
	return stubs.GetOrder(r)
}
