package handlers

import (
	"net/http"

	"bigshop/internal/api"
	"bigshop/internal/api/stubs"
)

// Op7Items answers GET /v1/items7/{itemId}/parts/{part_no}. Operation number 7.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.Op7ItemsOK, api.Op7ItemsNotFound:
//   - when path.itemId is 7 and path.part_no is "p7": 200 {"id":7,"name":"item7","parts":[{"no":"p7","qty":7}]}
//   - otherwise: 404 {"error":"not found"}
//
// The request is typed in in.ItemID, in.PartNo.
func (h *Handlers) Op7Items(r *http.Request, in api.Op7ItemsInput) (api.Op7ItemsOutput, error) {
	return stubs.Op7Items(r)
}
