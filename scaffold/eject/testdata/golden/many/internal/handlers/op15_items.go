package handlers

import (
	"net/http"

	"bigshop/internal/api"
)

// Op15Items answers POST /v1/items15/{itemId}/parts/{part_no}. Operation number 15.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.ItemID, in.PartNo, in.DryRun, in.Limit, in.Body (api.Op15ItemsRequest); the store is h.Store.
func (h *Handlers) Op15Items(r *http.Request, in api.Op15ItemsInput) (api.Response, error) {
	if api.StubMatches(r, "path.itemId", "15") &&
		api.StubMatches(r, "path.part_no", `"p15"`) {
		return api.Response{Status: 200, Body: api.RawJSON(`{"id":15,"name":"item15","parts":[{"no":"p15","qty":15}]}`)}, nil
	}
	return api.Response{Status: 404, Body: api.RawJSON(`{"error":"not found"}`)}, nil
}
