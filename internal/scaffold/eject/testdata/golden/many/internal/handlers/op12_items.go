package handlers

import (
	"net/http"

	"bigshop/internal/api"
	"bigshop/internal/api/stubs"
)

// Op12Items answers HEAD /v1/items12/{itemId}/parts/{part_no}. Operation number 12.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.Op12ItemsNoContent, api.Op12ItemsNotFound:
//   - when path.itemId is 12 and path.part_no is "p12": 204
//   - otherwise: 404 {"error":"not found"}
//
// The request is typed in in.ItemID, in.PartNo.
func (h *Handlers) Op12Items(r *http.Request, in api.Op12ItemsInput) (api.Op12ItemsOutput, error) {
	return stubs.Op12Items(r)
}
