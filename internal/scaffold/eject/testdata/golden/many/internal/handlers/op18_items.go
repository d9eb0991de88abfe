package handlers

import (
	"net/http"

	"bigshop/internal/api"
	"bigshop/internal/api/stubs"
)

// Op18Items answers DELETE /v1/items18/{itemId}/parts/{part_no}. Operation number 18.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.Op18ItemsNoContent, api.Op18ItemsNotFound:
//   - when path.itemId is 18 and path.part_no is "p18": 204
//   - otherwise: 404 {"error":"not found"}
//
// The request is typed in in.ItemID, in.PartNo.
func (h *Handlers) Op18Items(r *http.Request, in api.Op18ItemsInput) (api.Op18ItemsOutput, error) {
	return stubs.Op18Items(r)
}
