package handlers

import (
	"net/http"

	"bigshop/internal/api"
	"bigshop/internal/api/stubs"
)

// Op10Items answers PATCH /v1/items10/{itemId}/parts/{part_no}. Operation number 10.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.Op10ItemsOK, api.Op10ItemsNotFound:
//   - when path.itemId is 10 and path.part_no is "p10": 200 {"id":10,"name":"item10","parts":[{"no":"p10","qty":10}]}
//   - otherwise: 404 {"error":"not found"}
//
// The request is typed in in.ItemID, in.PartNo, in.DryRun, in.Limit, in.Body (api.Item).
func (h *Handlers) Op10Items(r *http.Request, in api.Op10ItemsInput) (api.Op10ItemsOutput, error) {
	return stubs.Op10Items(r)
}
