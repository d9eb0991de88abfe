package handlers

import (
	"net/http"

	"orders/internal/api"
	"orders/internal/api/stubs"
)

// PlaceOrder answers POST /orders.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.PlaceOrderCreated, api.PlaceOrderUnprocessableEntity:
//   - when body.coupon is "SAVE10": 201 {"id":2,"total":9.5,"discount":1.0}
//   - when body.lines.0.n is 100: 201 {"id":1,"total":10.5,"discount":null}
//   - otherwise: 422 {"type":"about:blank","title":"Unprocessable","status":422}
//
// The request is typed in in.Body (api.PlaceOrderRequest).
func (h *Handlers) PlaceOrder(r *http.Request, in api.PlaceOrderInput) (api.PlaceOrderOutput, error) {
	return stubs.PlaceOrder(r)
}
