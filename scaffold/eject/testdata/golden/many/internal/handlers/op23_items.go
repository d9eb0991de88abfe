package handlers

import (
	"net/http"

	"bigshop/internal/api"
)

// Op23Items answers PUT /v1/items23/{itemId}/parts/{part_no}. Operation number 23.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.ItemID, in.PartNo, in.DryRun, in.Limit, in.Body (api.Op23ItemsRequest); the store is h.Store.
func (h *Handlers) Op23Items(r *http.Request, in api.Op23ItemsInput) (api.Response, error) {
	if api.StubMatches(r, "path.itemId", "23") &&
		api.StubMatches(r, "path.part_no", `"p23"`) {
		return api.Response{Status: 200, Body: api.RawJSON(`{"id":23,"name":"item23","parts":[{"no":"p23","qty":23}]}`)}, nil
	}
	return api.Response{Status: 404, Body: api.RawJSON(`{"error":"not found"}`)}, nil
}
