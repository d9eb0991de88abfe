package handlers

import (
	"net/http"

	"bigshop/internal/api"
)

// Op6Items answers OPTIONS /v1/items6/{itemId}/parts/{part_no}. Operation number 6.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.ItemID, in.PartNo; the store is h.Store.
func (h *Handlers) Op6Items(r *http.Request, in api.Op6ItemsInput) (api.Response, error) {
	if api.StubMatches(r, "path.itemId", "6") &&
		api.StubMatches(r, "path.part_no", `"p6"`) {
		return api.Response{Status: 200, Body: api.RawJSON(`{"id":6,"name":"item6","parts":[{"no":"p6","qty":6}]}`)}, nil
	}
	return api.Response{Status: 404, Body: api.RawJSON(`{"error":"not found"}`)}, nil
}
