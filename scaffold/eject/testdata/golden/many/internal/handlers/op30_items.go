package handlers

import (
	"net/http"

	"bigshop/internal/api"
)

// Op30Items answers PUT /v1/items30/{itemId}/parts/{part_no}. Operation number 30.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.ItemID, in.PartNo, in.DryRun, in.Limit, in.Body (api.Op30ItemsRequest); the store is h.Store.
func (h *Handlers) Op30Items(r *http.Request, in api.Op30ItemsInput) (api.Response, error) {
	if api.StubMatches(r, "path.itemId", "30") &&
		api.StubMatches(r, "path.part_no", `"p30"`) {
		return api.Response{Status: 200, Body: api.RawJSON(`{"id":30,"name":"item30","parts":[{"no":"p30","qty":30}]}`)}, nil
	}
	return api.Response{Status: 404, Body: api.RawJSON(`{"error":"not found"}`)}, nil
}
