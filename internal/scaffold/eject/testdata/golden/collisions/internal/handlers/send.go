package handlers

import (
	"net/http"

	"clash/internal/api"
	"clash/internal/api/stubs"
)

// Send answers POST /send.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.SendNoContent:
//   - always: 204
func (h *Handlers) Send(r *http.Request, in api.SendInput) (api.SendOutput, error) {
	return stubs.Send(r)
}
