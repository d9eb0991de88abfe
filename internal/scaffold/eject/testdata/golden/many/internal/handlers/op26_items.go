package handlers

import (
	"net/http"

	"bigshop/internal/api"
	"bigshop/internal/api/stubs"
)

// Op26Items answers HEAD /v1/items26/{itemId}/parts/{part_no}. Operation number 26.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.Op26ItemsNoContent, api.Op26ItemsNotFound:
//   - when path.itemId is 26 and path.part_no is "p26": 204
//   - otherwise: 404 {"error":"not found"}
//
// The request is typed in in.ItemID, in.PartNo.
func (h *Handlers) Op26Items(r *http.Request, in api.Op26ItemsInput) (api.Op26ItemsOutput, error) {
	return stubs.Op26Items(r)
}
