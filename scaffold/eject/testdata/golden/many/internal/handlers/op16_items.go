package handlers

import (
	"net/http"

	"bigshop/internal/api"
)

// Op16Items answers PUT /v1/items16/{itemId}/parts/{part_no}. Operation number 16.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.ItemID, in.PartNo, in.DryRun, in.Limit, in.Body (api.Op16ItemsRequest); the store is h.Store.
func (h *Handlers) Op16Items(r *http.Request, in api.Op16ItemsInput) (api.Response, error) {
	if api.StubMatches(r, "path.itemId", "16") &&
		api.StubMatches(r, "path.part_no", `"p16"`) {
		return api.Response{Status: 200, Body: api.RawJSON(`{"id":16,"name":"item16","parts":[{"no":"p16","qty":16}]}`)}, nil
	}
	return api.Response{Status: 404, Body: api.RawJSON(`{"error":"not found"}`)}, nil
}
