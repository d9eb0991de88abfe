package handlers

import (
	"net/http"

	"bigshop/internal/api"
	"bigshop/internal/api/stubs"
)

// Op17Items answers PATCH /v1/items17/{itemId}/parts/{part_no}. Operation number 17.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.Op17ItemsOK, api.Op17ItemsNotFound:
//   - when path.itemId is 17 and path.part_no is "p17": 200 {"id":17,"name":"item17","parts":[{"no":"p17","qty":17}]}
//   - otherwise: 404 {"error":"not found"}
//
// The request is typed in in.ItemID, in.PartNo, in.DryRun, in.Limit, in.Body (api.Item).
func (h *Handlers) Op17Items(r *http.Request, in api.Op17ItemsInput) (api.Op17ItemsOutput, error) {
	return stubs.Op17Items(r)
}
