package handlers

import (
	"net/http"

	"bigshop/internal/api"
	"bigshop/internal/api/stubs"
)

// Op15Items answers POST /v1/items15/{itemId}/parts/{part_no}. Operation number 15.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.Op15ItemsOK, api.Op15ItemsNotFound:
//   - when path.itemId is 15 and path.part_no is "p15": 200 {"id":15,"name":"item15","parts":[{"no":"p15","qty":15}]}
//   - otherwise: 404 {"error":"not found"}
//
// The request is typed in in.ItemID, in.PartNo, in.DryRun, in.Limit, in.Body (api.Op15ItemsItem).
func (h *Handlers) Op15Items(r *http.Request, in api.Op15ItemsInput) (api.Op15ItemsOutput, error) {
	return stubs.Op15Items(r)
}
