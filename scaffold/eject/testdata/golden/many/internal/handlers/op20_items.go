package handlers

import (
	"net/http"

	"bigshop/internal/api"
)

// Op20Items answers OPTIONS /v1/items20/{itemId}/parts/{part_no}. Operation number 20.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.ItemID, in.PartNo; the store is h.Store.
func (h *Handlers) Op20Items(r *http.Request, in api.Op20ItemsInput) (api.Response, error) {
	if api.StubMatches(r, "path.itemId", "20") &&
		api.StubMatches(r, "path.part_no", `"p20"`) {
		return api.Response{Status: 200, Body: api.RawJSON(`{"id":20,"name":"item20","parts":[{"no":"p20","qty":20}]}`)}, nil
	}
	return api.Response{Status: 404, Body: api.RawJSON(`{"error":"not found"}`)}, nil
}
