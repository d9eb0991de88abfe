package handlers

import (
	"net/http"

	"shapes/internal/api"
	"shapes/internal/api/stubs"
)

// ListNumbers answers GET /numbers.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.ListNumbersOK:
//   - always: 200 [1,2,3.5]
func (h *Handlers) ListNumbers(r *http.Request, in api.ListNumbersInput) (api.ListNumbersOutput, error) {
	return stubs.ListNumbers(r)
}
