package handlers

import (
	"net/http"

	"bigshop/internal/api"
	"bigshop/internal/api/stubs"
)

// Op13Items answers OPTIONS /v1/items13/{itemId}/parts/{part_no}. Operation number 13.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.Op13ItemsOK, api.Op13ItemsNotFound:
//   - when path.itemId is 13 and path.part_no is "p13": 200 {"id":13,"name":"item13","parts":[{"no":"p13","qty":13}]}
//   - otherwise: 404 {"error":"not found"}
//
// The request is typed in in.ItemID, in.PartNo.
func (h *Handlers) Op13Items(r *http.Request, in api.Op13ItemsInput) (api.Op13ItemsOutput, error) {
	return stubs.Op13Items(r)
}
