package handlers

import (
	"net/http"

	"inventory/internal/api"
	"inventory/internal/api/stubs"
)

// SetTags answers PUT /products/{sku}/tags.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.SetTagsNoContent:
//   - always: 204
//
// The request is typed in in.Sku, in.Body (api.SetTagsRequest).
func (h *Handlers) SetTags(r *http.Request, in api.SetTagsInput) (api.SetTagsOutput, error) {
	return stubs.SetTags(r)
}
