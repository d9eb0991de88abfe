package handlers

import (
	"net/http"

	"bigshop/internal/api"
)

// Op7Items answers GET /v1/items7/{itemId}/parts/{part_no}. Operation number 7.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.ItemID, in.PartNo; the store is h.Store.
func (h *Handlers) Op7Items(r *http.Request, in api.Op7ItemsInput) (api.Response, error) {
	if api.StubMatches(r, "path.itemId", "7") &&
		api.StubMatches(r, "path.part_no", `"p7"`) {
		return api.Response{Status: 200, Body: api.RawJSON(`{"id":7,"name":"item7","parts":[{"no":"p7","qty":7}]}`)}, nil
	}
	return api.Response{Status: 404, Body: api.RawJSON(`{"error":"not found"}`)}, nil
}
