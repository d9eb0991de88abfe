package handlers

import (
	"net/http"

	"bigshop/internal/api"
	"bigshop/internal/api/stubs"
)

// Op29Items answers POST /v1/items29/{itemId}/parts/{part_no}. Operation number 29.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.Op29ItemsOK, api.Op29ItemsNotFound:
//   - when path.itemId is 29 and path.part_no is "p29": 200 {"id":29,"name":"item29","parts":[{"no":"p29","qty":29}]}
//   - otherwise: 404 {"error":"not found"}
//
// The request is typed in in.ItemID, in.PartNo, in.DryRun, in.Limit, in.Body (api.Op29ItemsItem).
func (h *Handlers) Op29Items(r *http.Request, in api.Op29ItemsInput) (api.Op29ItemsOutput, error) {
	return stubs.Op29Items(r)
}
