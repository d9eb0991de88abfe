package handlers

import (
	"net/http"

	"bigshop/internal/api"
	"bigshop/internal/api/stubs"
)

// Op8Items answers POST /v1/items8/{itemId}/parts/{part_no}. Operation number 8.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.Op8ItemsOK, api.Op8ItemsNotFound:
//   - when path.itemId is 8 and path.part_no is "p8": 200 {"id":8,"name":"item8","parts":[{"no":"p8","qty":8}]}
//   - otherwise: 404 {"error":"not found"}
//
// The request is typed in in.ItemID, in.PartNo, in.DryRun, in.Limit, in.Body (api.Op8ItemsItem).
func (h *Handlers) Op8Items(r *http.Request, in api.Op8ItemsInput) (api.Op8ItemsOutput, error) {
	return stubs.Op8Items(r)
}
