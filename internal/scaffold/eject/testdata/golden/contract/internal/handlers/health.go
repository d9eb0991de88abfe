package handlers

import (
	"net/http"

	"orders/internal/api"
	"orders/internal/api/stubs"
)

// Health answers GET /healthz.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.HealthOK:
//   - always: 200 {"status":"ok","version":"1.2.3"}
func (h *Handlers) Health(r *http.Request, in api.HealthInput) (api.HealthOutput, error) {
	return stubs.Health(r)
}
