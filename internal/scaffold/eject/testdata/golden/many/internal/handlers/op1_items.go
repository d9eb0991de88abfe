package handlers

import (
	"net/http"

	"bigshop/internal/api"
	"bigshop/internal/api/stubs"
)

// Op1Items answers POST /v1/items1/{itemId}/parts/{part_no}. Operation number 1.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.Op1ItemsOK, api.Op1ItemsNotFound:
//   - when path.itemId is 1 and path.part_no is "p1": 200 {"id":1,"name":"item1","parts":[{"no":"p1","qty":1}]}
//   - otherwise: 404 {"error":"not found"}
//
// The request is typed in in.ItemID, in.PartNo, in.DryRun, in.Limit, in.Body (api.Op1ItemsItem).
func (h *Handlers) Op1Items(r *http.Request, in api.Op1ItemsInput) (api.Op1ItemsOutput, error) {
	return stubs.Op1Items(r)
}
