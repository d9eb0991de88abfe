package handlers

import (
	"net/http"

	"bigshop/internal/api"
	"bigshop/internal/api/stubs"
)

// Op23Items answers PUT /v1/items23/{itemId}/parts/{part_no}. Operation number 23.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.Op23ItemsOK, api.Op23ItemsNotFound:
//   - when path.itemId is 23 and path.part_no is "p23": 200 {"id":23,"name":"item23","parts":[{"no":"p23","qty":23}]}
//   - otherwise: 404 {"error":"not found"}
//
// The request is typed in in.ItemID, in.PartNo, in.DryRun, in.Limit, in.Body (api.Op23ItemsItem).
func (h *Handlers) Op23Items(r *http.Request, in api.Op23ItemsInput) (api.Op23ItemsOutput, error) {
	return stubs.Op23Items(r)
}
