package handlers

import (
	"net/http"

	"bigshop/internal/api"
)

// Op10Items answers PATCH /v1/items10/{itemId}/parts/{part_no}. Operation number 10.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.ItemID, in.PartNo, in.DryRun, in.Limit, in.Body (api.Op10ItemsRequest); the store is h.Store.
func (h *Handlers) Op10Items(r *http.Request, in api.Op10ItemsInput) (api.Response, error) {
	if api.StubMatches(r, "path.itemId", "10") &&
		api.StubMatches(r, "path.part_no", `"p10"`) {
		return api.Response{Status: 200, Body: api.RawJSON(`{"id":10,"name":"item10","parts":[{"no":"p10","qty":10}]}`)}, nil
	}
	return api.Response{Status: 404, Body: api.RawJSON(`{"error":"not found"}`)}, nil
}
