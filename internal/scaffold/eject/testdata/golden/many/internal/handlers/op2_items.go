package handlers

import (
	"net/http"

	"bigshop/internal/api"
	"bigshop/internal/api/stubs"
)

// Op2Items answers PUT /v1/items2/{itemId}/parts/{part_no}. Operation number 2.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.Op2ItemsOK, api.Op2ItemsNotFound:
//   - when path.itemId is 2 and path.part_no is "p2": 200 {"id":2,"name":"item2","parts":[{"no":"p2","qty":2}]}
//   - otherwise: 404 {"error":"not found"}
//
// The request is typed in in.ItemID, in.PartNo, in.DryRun, in.Limit, in.Body (api.Op2ItemsItem).
func (h *Handlers) Op2Items(r *http.Request, in api.Op2ItemsInput) (api.Op2ItemsOutput, error) {
	return stubs.Op2Items(r)
}
