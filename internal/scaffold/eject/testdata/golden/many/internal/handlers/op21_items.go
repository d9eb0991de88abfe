package handlers

import (
	"net/http"

	"bigshop/internal/api"
	"bigshop/internal/api/stubs"
)

// Op21Items answers GET /v1/items21/{itemId}/parts/{part_no}. Operation number 21.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.Op21ItemsOK, api.Op21ItemsNotFound:
//   - when path.itemId is 21 and path.part_no is "p21": 200 {"id":21,"name":"item21","parts":[{"no":"p21","qty":21}]}
//   - otherwise: 404 {"error":"not found"}
//
// The request is typed in in.ItemID, in.PartNo.
func (h *Handlers) Op21Items(r *http.Request, in api.Op21ItemsInput) (api.Op21ItemsOutput, error) {
	return stubs.Op21Items(r)
}
