package handlers

import (
	"net/http"

	"bigshop/internal/api"
)

// Op9Items answers PUT /v1/items9/{itemId}/parts/{part_no}. Operation number 9.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.ItemID, in.PartNo, in.DryRun, in.Limit, in.Body (api.Op9ItemsRequest); the store is h.Store.
func (h *Handlers) Op9Items(r *http.Request, in api.Op9ItemsInput) (api.Response, error) {
	if api.StubMatches(r, "path.itemId", "9") &&
		api.StubMatches(r, "path.part_no", `"p9"`) {
		return api.Response{Status: 200, Body: api.RawJSON(`{"id":9,"name":"item9","parts":[{"no":"p9","qty":9}]}`)}, nil
	}
	return api.Response{Status: 404, Body: api.RawJSON(`{"error":"not found"}`)}, nil
}
