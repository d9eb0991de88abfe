package handlers

import (
	"net/http"

	"bigshop/internal/api"
)

// Op2Items answers PUT /v1/items2/{itemId}/parts/{part_no}. Operation number 2.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.ItemID, in.PartNo, in.DryRun, in.Limit, in.Body (api.Op2ItemsRequest); the store is h.Store.
func (h *Handlers) Op2Items(r *http.Request, in api.Op2ItemsInput) (api.Response, error) {
	if api.StubMatches(r, "path.itemId", "2") &&
		api.StubMatches(r, "path.part_no", `"p2"`) {
		return api.Response{Status: 200, Body: api.RawJSON(`{"id":2,"name":"item2","parts":[{"no":"p2","qty":2}]}`)}, nil
	}
	return api.Response{Status: 404, Body: api.RawJSON(`{"error":"not found"}`)}, nil
}
