package handlers

import (
	"net/http"

	"bigshop/internal/api"
	"bigshop/internal/api/stubs"
)

// Op16Items answers PUT /v1/items16/{itemId}/parts/{part_no}. Operation number 16.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.Op16ItemsOK, api.Op16ItemsNotFound:
//   - when path.itemId is 16 and path.part_no is "p16": 200 {"id":16,"name":"item16","parts":[{"no":"p16","qty":16}]}
//   - otherwise: 404 {"error":"not found"}
//
// The request is typed in in.ItemID, in.PartNo, in.DryRun, in.Limit, in.Body (api.Op16ItemsItem).
func (h *Handlers) Op16Items(r *http.Request, in api.Op16ItemsInput) (api.Op16ItemsOutput, error) {
	return stubs.Op16Items(r)
}
