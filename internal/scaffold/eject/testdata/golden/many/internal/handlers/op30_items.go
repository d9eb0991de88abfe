package handlers

import (
	"net/http"

	"bigshop/internal/api"
	"bigshop/internal/api/stubs"
)

// Op30Items answers PUT /v1/items30/{itemId}/parts/{part_no}. Operation number 30.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.Op30ItemsOK, api.Op30ItemsNotFound:
//   - when path.itemId is 30 and path.part_no is "p30": 200 {"id":30,"name":"item30","parts":[{"no":"p30","qty":30}]}
//   - otherwise: 404 {"error":"not found"}
//
// The request is typed in in.ItemID, in.PartNo, in.DryRun, in.Limit, in.Body (api.Op30ItemsItem).
func (h *Handlers) Op30Items(r *http.Request, in api.Op30ItemsInput) (api.Op30ItemsOutput, error) {
	return stubs.Op30Items(r)
}
