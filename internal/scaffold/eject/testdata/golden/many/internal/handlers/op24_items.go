package handlers

import (
	"net/http"

	"bigshop/internal/api"
	"bigshop/internal/api/stubs"
)

// Op24Items answers PATCH /v1/items24/{itemId}/parts/{part_no}. Operation number 24.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.Op24ItemsOK, api.Op24ItemsNotFound:
//   - when path.itemId is 24 and path.part_no is "p24": 200 {"id":24,"name":"item24","parts":[{"no":"p24","qty":24}]}
//   - otherwise: 404 {"error":"not found"}
//
// The request is typed in in.ItemID, in.PartNo, in.DryRun, in.Limit, in.Body (api.Item).
func (h *Handlers) Op24Items(r *http.Request, in api.Op24ItemsInput) (api.Op24ItemsOutput, error) {
	return stubs.Op24Items(r)
}
