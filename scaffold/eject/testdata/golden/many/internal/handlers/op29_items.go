package handlers

import (
	"net/http"

	"bigshop/internal/api"
)

// Op29Items answers POST /v1/items29/{itemId}/parts/{part_no}. Operation number 29.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.ItemID, in.PartNo, in.DryRun, in.Limit, in.Body (api.Op29ItemsRequest); the store is h.Store.
func (h *Handlers) Op29Items(r *http.Request, in api.Op29ItemsInput) (api.Response, error) {
	if api.StubMatches(r, "path.itemId", "29") &&
		api.StubMatches(r, "path.part_no", `"p29"`) {
		return api.Response{Status: 200, Body: api.RawJSON(`{"id":29,"name":"item29","parts":[{"no":"p29","qty":29}]}`)}, nil
	}
	return api.Response{Status: 404, Body: api.RawJSON(`{"error":"not found"}`)}, nil
}
