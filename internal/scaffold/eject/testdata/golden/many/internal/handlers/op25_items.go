package handlers

import (
	"net/http"

	"bigshop/internal/api"
	"bigshop/internal/api/stubs"
)

// Op25Items answers DELETE /v1/items25/{itemId}/parts/{part_no}. Operation number 25.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.Op25ItemsNoContent, api.Op25ItemsNotFound:
//   - when path.itemId is 25 and path.part_no is "p25": 204
//   - otherwise: 404 {"error":"not found"}
//
// The request is typed in in.ItemID, in.PartNo.
func (h *Handlers) Op25Items(r *http.Request, in api.Op25ItemsInput) (api.Op25ItemsOutput, error) {
	return stubs.Op25Items(r)
}
