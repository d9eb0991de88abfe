package handlers

import (
	"net/http"

	"bigshop/internal/api"
)

// Op3Items answers PATCH /v1/items3/{itemId}/parts/{part_no}. Operation number 3.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.ItemID, in.PartNo, in.DryRun, in.Limit, in.Body (api.Op3ItemsRequest); the store is h.Store.
func (h *Handlers) Op3Items(r *http.Request, in api.Op3ItemsInput) (api.Response, error) {
	if api.StubMatches(r, "path.itemId", "3") &&
		api.StubMatches(r, "path.part_no", `"p3"`) {
		return api.Response{Status: 200, Body: api.RawJSON(`{"id":3,"name":"item3","parts":[{"no":"p3","qty":3}]}`)}, nil
	}
	return api.Response{Status: 404, Body: api.RawJSON(`{"error":"not found"}`)}, nil
}
