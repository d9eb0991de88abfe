package handlers

import (
	"net/http"

	"bigshop/internal/api"
)

// Op26Items answers HEAD /v1/items26/{itemId}/parts/{part_no}. Operation number 26.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.ItemID, in.PartNo; the store is h.Store.
func (h *Handlers) Op26Items(r *http.Request, in api.Op26ItemsInput) (api.Response, error) {
	if api.StubMatches(r, "path.itemId", "26") &&
		api.StubMatches(r, "path.part_no", `"p26"`) {
		return api.Response{Status: 204}, nil
	}
	return api.Response{Status: 404, Body: api.RawJSON(`{"error":"not found"}`)}, nil
}
