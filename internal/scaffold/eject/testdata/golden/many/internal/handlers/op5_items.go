package handlers

import (
	"net/http"

	"bigshop/internal/api"
	"bigshop/internal/api/stubs"
)

// Op5Items answers HEAD /v1/items5/{itemId}/parts/{part_no}. Operation number 5.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.Op5ItemsNoContent, api.Op5ItemsNotFound:
//   - when path.itemId is 5 and path.part_no is "p5": 204
//   - otherwise: 404 {"error":"not found"}
//
// The request is typed in in.ItemID, in.PartNo.
func (h *Handlers) Op5Items(r *http.Request, in api.Op5ItemsInput) (api.Op5ItemsOutput, error) {
	return stubs.Op5Items(r)
}
