package handlers

import (
	"net/http"

	"bigshop/internal/api"
)

// Op27Items answers OPTIONS /v1/items27/{itemId}/parts/{part_no}. Operation number 27.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.ItemID, in.PartNo; the store is h.Store.
func (h *Handlers) Op27Items(r *http.Request, in api.Op27ItemsInput) (api.Response, error) {
	if api.StubMatches(r, "path.itemId", "27") &&
		api.StubMatches(r, "path.part_no", `"p27"`) {
		return api.Response{Status: 200, Body: api.RawJSON(`{"id":27,"name":"item27","parts":[{"no":"p27","qty":27}]}`)}, nil
	}
	return api.Response{Status: 404, Body: api.RawJSON(`{"error":"not found"}`)}, nil
}
