package handlers

import (
	"net/http"

	"bigshop/internal/api"
)

// Op14Items answers GET /v1/items14/{itemId}/parts/{part_no}. Operation number 14.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.ItemID, in.PartNo; the store is h.Store.
func (h *Handlers) Op14Items(r *http.Request, in api.Op14ItemsInput) (api.Response, error) {
	if api.StubMatches(r, "path.itemId", "14") &&
		api.StubMatches(r, "path.part_no", `"p14"`) {
		return api.Response{Status: 200, Body: api.RawJSON(`{"id":14,"name":"item14","parts":[{"no":"p14","qty":14}]}`)}, nil
	}
	return api.Response{Status: 404, Body: api.RawJSON(`{"error":"not found"}`)}, nil
}
