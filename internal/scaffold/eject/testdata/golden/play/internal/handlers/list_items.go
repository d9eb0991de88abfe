package handlers

import (
	"net/http"

	"play/internal/api"
	"play/internal/api/stubs"
)

// ListItems answers GET /api/items.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.ListItemsOK:
//   - always: 200 {"items":[],"page":"{{ query.page | int }}"}
//
// The request is typed in in.Page.
func (h *Handlers) ListItems(r *http.Request, in api.ListItemsInput) (api.ListItemsOutput, error) {
	return stubs.ListItems(r)
}
