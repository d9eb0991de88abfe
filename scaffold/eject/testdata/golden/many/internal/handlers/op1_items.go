package handlers

import (
	"net/http"

	"bigshop/internal/api"
)

// Op1Items answers POST /v1/items1/{itemId}/parts/{part_no}. Operation number 1.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.ItemID, in.PartNo, in.DryRun, in.Limit, in.Body (api.Op1ItemsRequest); the store is h.Store.
func (h *Handlers) Op1Items(r *http.Request, in api.Op1ItemsInput) (api.Response, error) {
	if api.StubMatches(r, "path.itemId", "1") &&
		api.StubMatches(r, "path.part_no", `"p1"`) {
		return api.Response{Status: 200, Body: api.RawJSON(`{"id":1,"name":"item1","parts":[{"no":"p1","qty":1}]}`)}, nil
	}
	return api.Response{Status: 404, Body: api.RawJSON(`{"error":"not found"}`)}, nil
}
