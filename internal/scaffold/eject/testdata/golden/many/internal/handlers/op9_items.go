package handlers

import (
	"net/http"

	"bigshop/internal/api"
	"bigshop/internal/api/stubs"
)

// Op9Items answers PUT /v1/items9/{itemId}/parts/{part_no}. Operation number 9.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.Op9ItemsOK, api.Op9ItemsNotFound:
//   - when path.itemId is 9 and path.part_no is "p9": 200 {"id":9,"name":"item9","parts":[{"no":"p9","qty":9}]}
//   - otherwise: 404 {"error":"not found"}
//
// The request is typed in in.ItemID, in.PartNo, in.DryRun, in.Limit, in.Body (api.Op9ItemsItem).
func (h *Handlers) Op9Items(r *http.Request, in api.Op9ItemsInput) (api.Op9ItemsOutput, error) {
	return stubs.Op9Items(r)
}
