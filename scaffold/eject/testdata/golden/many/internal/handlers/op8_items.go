package handlers

import (
	"net/http"

	"bigshop/internal/api"
)

// Op8Items answers POST /v1/items8/{itemId}/parts/{part_no}. Operation number 8.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.ItemID, in.PartNo, in.DryRun, in.Limit, in.Body (api.Op8ItemsRequest); the store is h.Store.
func (h *Handlers) Op8Items(r *http.Request, in api.Op8ItemsInput) (api.Response, error) {
	if api.StubMatches(r, "path.itemId", "8") &&
		api.StubMatches(r, "path.part_no", `"p8"`) {
		return api.Response{Status: 200, Body: api.RawJSON(`{"id":8,"name":"item8","parts":[{"no":"p8","qty":8}]}`)}, nil
	}
	return api.Response{Status: 404, Body: api.RawJSON(`{"error":"not found"}`)}, nil
}
