package handlers

import (
	"net/http"

	"orders/internal/api"
	"orders/internal/api/stubs"
)

// ExportOrders answers GET /orders/export.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.ExportOrdersOK:
//   - always: 200 files/orders.csv (text/csv; charset=utf-8)
func (h *Handlers) ExportOrders(r *http.Request, in api.ExportOrdersInput) (api.ExportOrdersOutput, error) {
	return stubs.ExportOrders(r)
}
