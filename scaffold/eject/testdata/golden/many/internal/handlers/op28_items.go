package handlers

import (
	"net/http"

	"bigshop/internal/api"
)

// Op28Items answers GET /v1/items28/{itemId}/parts/{part_no}. Operation number 28.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.ItemID, in.PartNo; the store is h.Store.
func (h *Handlers) Op28Items(r *http.Request, in api.Op28ItemsInput) (api.Response, error) {
	if api.StubMatches(r, "path.itemId", "28") &&
		api.StubMatches(r, "path.part_no", `"p28"`) {
		return api.Response{Status: 200, Body: api.RawJSON(`{"id":28,"name":"item28","parts":[{"no":"p28","qty":28}]}`)}, nil
	}
	return api.Response{Status: 404, Body: api.RawJSON(`{"error":"not found"}`)}, nil
}
