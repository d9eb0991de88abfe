package handlers

import (
	"net/http"

	"bigshop/internal/api"
)

// Op18Items answers DELETE /v1/items18/{itemId}/parts/{part_no}. Operation number 18.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.ItemID, in.PartNo; the store is h.Store.
func (h *Handlers) Op18Items(r *http.Request, in api.Op18ItemsInput) (api.Response, error) {
	if api.StubMatches(r, "path.itemId", "18") &&
		api.StubMatches(r, "path.part_no", `"p18"`) {
		return api.Response{Status: 204}, nil
	}
	return api.Response{Status: 404, Body: api.RawJSON(`{"error":"not found"}`)}, nil
}
