package handlers

import (
	"net/http"

	"bigshop/internal/api"
)

// Op24Items answers PATCH /v1/items24/{itemId}/parts/{part_no}. Operation number 24.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.ItemID, in.PartNo, in.DryRun, in.Limit, in.Body (api.Op24ItemsRequest); the store is h.Store.
func (h *Handlers) Op24Items(r *http.Request, in api.Op24ItemsInput) (api.Response, error) {
	if api.StubMatches(r, "path.itemId", "24") &&
		api.StubMatches(r, "path.part_no", `"p24"`) {
		return api.Response{Status: 200, Body: api.RawJSON(`{"id":24,"name":"item24","parts":[{"no":"p24","qty":24}]}`)}, nil
	}
	return api.Response{Status: 404, Body: api.RawJSON(`{"error":"not found"}`)}, nil
}
