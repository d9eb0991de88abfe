package handlers

import (
	"net/http"

	"bigshop/internal/api"
)

// Op22Items answers POST /v1/items22/{itemId}/parts/{part_no}. Operation number 22.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.ItemID, in.PartNo, in.DryRun, in.Limit, in.Body (api.Op22ItemsRequest); the store is h.Store.
func (h *Handlers) Op22Items(r *http.Request, in api.Op22ItemsInput) (api.Response, error) {
	if api.StubMatches(r, "path.itemId", "22") &&
		api.StubMatches(r, "path.part_no", `"p22"`) {
		return api.Response{Status: 200, Body: api.RawJSON(`{"id":22,"name":"item22","parts":[{"no":"p22","qty":22}]}`)}, nil
	}
	return api.Response{Status: 404, Body: api.RawJSON(`{"error":"not found"}`)}, nil
}
