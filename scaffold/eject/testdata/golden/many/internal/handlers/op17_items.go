package handlers

import (
	"net/http"

	"bigshop/internal/api"
)

// Op17Items answers PATCH /v1/items17/{itemId}/parts/{part_no}. Operation number 17.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.ItemID, in.PartNo, in.DryRun, in.Limit, in.Body (api.Op17ItemsRequest); the store is h.Store.
func (h *Handlers) Op17Items(r *http.Request, in api.Op17ItemsInput) (api.Response, error) {
	if api.StubMatches(r, "path.itemId", "17") &&
		api.StubMatches(r, "path.part_no", `"p17"`) {
		return api.Response{Status: 200, Body: api.RawJSON(`{"id":17,"name":"item17","parts":[{"no":"p17","qty":17}]}`)}, nil
	}
	return api.Response{Status: 404, Body: api.RawJSON(`{"error":"not found"}`)}, nil
}
