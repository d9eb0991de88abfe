package handlers

import (
	"net/http"

	"bigshop/internal/api"
)

// Op21Items answers GET /v1/items21/{itemId}/parts/{part_no}. Operation number 21.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.ItemID, in.PartNo; the store is h.Store.
func (h *Handlers) Op21Items(r *http.Request, in api.Op21ItemsInput) (api.Response, error) {
	if api.StubMatches(r, "path.itemId", "21") &&
		api.StubMatches(r, "path.part_no", `"p21"`) {
		return api.Response{Status: 200, Body: api.RawJSON(`{"id":21,"name":"item21","parts":[{"no":"p21","qty":21}]}`)}, nil
	}
	return api.Response{Status: 404, Body: api.RawJSON(`{"error":"not found"}`)}, nil
}
