package handlers

import (
	"net/http"

	"bigshop/internal/api"
	"bigshop/internal/api/stubs"
)

// Op3Items answers PATCH /v1/items3/{itemId}/parts/{part_no}. Operation number 3.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.Op3ItemsOK, api.Op3ItemsNotFound:
//   - when path.itemId is 3 and path.part_no is "p3": 200 {"id":3,"name":"item3","parts":[{"no":"p3","qty":3}]}
//   - otherwise: 404 {"error":"not found"}
//
// The request is typed in in.ItemID, in.PartNo, in.DryRun, in.Limit, in.Body (api.Item).
func (h *Handlers) Op3Items(r *http.Request, in api.Op3ItemsInput) (api.Op3ItemsOutput, error) {
	return stubs.Op3Items(r)
}
