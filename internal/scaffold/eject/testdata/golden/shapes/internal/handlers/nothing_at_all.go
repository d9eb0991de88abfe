package handlers

import (
	"net/http"

	"shapes/internal/api"
	"shapes/internal/api/stubs"
)

// NothingAtAll answers GET /null.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.NothingAtAllOK:
//   - always: 200 null
func (h *Handlers) NothingAtAll(r *http.Request, in api.NothingAtAllInput) (api.NothingAtAllOutput, error) {
	return stubs.NothingAtAll(r)
}
