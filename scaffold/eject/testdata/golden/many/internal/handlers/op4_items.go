package handlers

import (
	"net/http"

	"bigshop/internal/api"
)

// Op4Items answers DELETE /v1/items4/{itemId}/parts/{part_no}. Operation number 4.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.ItemID, in.PartNo; the store is h.Store.
func (h *Handlers) Op4Items(r *http.Request, in api.Op4ItemsInput) (api.Response, error) {
	if api.StubMatches(r, "path.itemId", "4") &&
		api.StubMatches(r, "path.part_no", `"p4"`) {
		return api.Response{Status: 204}, nil
	}
	return api.Response{Status: 404, Body: api.RawJSON(`{"error":"not found"}`)}, nil
}
