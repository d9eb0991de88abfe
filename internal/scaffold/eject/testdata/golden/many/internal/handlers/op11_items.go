package handlers

import (
	"net/http"

	"bigshop/internal/api"
	"bigshop/internal/api/stubs"
)

// Op11Items answers DELETE /v1/items11/{itemId}/parts/{part_no}. Operation number 11.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.Op11ItemsNoContent, api.Op11ItemsNotFound:
//   - when path.itemId is 11 and path.part_no is "p11": 204
//   - otherwise: 404 {"error":"not found"}
//
// The request is typed in in.ItemID, in.PartNo.
func (h *Handlers) Op11Items(r *http.Request, in api.Op11ItemsInput) (api.Op11ItemsOutput, error) {
	return stubs.Op11Items(r)
}
