package handlers

import (
	"net/http"

	"bigshop/internal/api"
	"bigshop/internal/api/stubs"
)

// Op6Items answers OPTIONS /v1/items6/{itemId}/parts/{part_no}. Operation number 6.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.Op6ItemsOK, api.Op6ItemsNotFound:
//   - when path.itemId is 6 and path.part_no is "p6": 200 {"id":6,"name":"item6","parts":[{"no":"p6","qty":6}]}
//   - otherwise: 404 {"error":"not found"}
//
// The request is typed in in.ItemID, in.PartNo.
func (h *Handlers) Op6Items(r *http.Request, in api.Op6ItemsInput) (api.Op6ItemsOutput, error) {
	return stubs.Op6Items(r)
}
