package handlers

import (
	"net/http"

	"bigshop/internal/api"
	"bigshop/internal/api/stubs"
)

// Op14Items answers GET /v1/items14/{itemId}/parts/{part_no}. Operation number 14.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.Op14ItemsOK, api.Op14ItemsNotFound:
//   - when path.itemId is 14 and path.part_no is "p14": 200 {"id":14,"name":"item14","parts":[{"no":"p14","qty":14}]}
//   - otherwise: 404 {"error":"not found"}
//
// The request is typed in in.ItemID, in.PartNo.
func (h *Handlers) Op14Items(r *http.Request, in api.Op14ItemsInput) (api.Op14ItemsOutput, error) {
	return stubs.Op14Items(r)
}
