package handlers

import (
	"net/http"

	"bigshop/internal/api"
	"bigshop/internal/api/stubs"
)

// Op4Items answers DELETE /v1/items4/{itemId}/parts/{part_no}. Operation number 4.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.Op4ItemsNoContent, api.Op4ItemsNotFound:
//   - when path.itemId is 4 and path.part_no is "p4": 204
//   - otherwise: 404 {"error":"not found"}
//
// The request is typed in in.ItemID, in.PartNo.
func (h *Handlers) Op4Items(r *http.Request, in api.Op4ItemsInput) (api.Op4ItemsOutput, error) {
	return stubs.Op4Items(r)
}
