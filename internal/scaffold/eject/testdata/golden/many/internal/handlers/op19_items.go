package handlers

import (
	"net/http"

	"bigshop/internal/api"
	"bigshop/internal/api/stubs"
)

// Op19Items answers HEAD /v1/items19/{itemId}/parts/{part_no}. Operation number 19.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.Op19ItemsNoContent, api.Op19ItemsNotFound:
//   - when path.itemId is 19 and path.part_no is "p19": 204
//   - otherwise: 404 {"error":"not found"}
//
// The request is typed in in.ItemID, in.PartNo.
func (h *Handlers) Op19Items(r *http.Request, in api.Op19ItemsInput) (api.Op19ItemsOutput, error) {
	return stubs.Op19Items(r)
}
