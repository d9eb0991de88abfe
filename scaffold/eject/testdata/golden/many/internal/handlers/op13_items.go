package handlers

import (
	"net/http"

	"bigshop/internal/api"
)

// Op13Items answers OPTIONS /v1/items13/{itemId}/parts/{part_no}. Operation number 13.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.ItemID, in.PartNo; the store is h.Store.
func (h *Handlers) Op13Items(r *http.Request, in api.Op13ItemsInput) (api.Response, error) {
	if api.StubMatches(r, "path.itemId", "13") &&
		api.StubMatches(r, "path.part_no", `"p13"`) {
		return api.Response{Status: 200, Body: api.RawJSON(`{"id":13,"name":"item13","parts":[{"no":"p13","qty":13}]}`)}, nil
	}
	return api.Response{Status: 404, Body: api.RawJSON(`{"error":"not found"}`)}, nil
}
