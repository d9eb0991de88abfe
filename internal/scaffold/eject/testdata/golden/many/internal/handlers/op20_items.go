package handlers

import (
	"net/http"

	"bigshop/internal/api"
	"bigshop/internal/api/stubs"
)

// Op20Items answers OPTIONS /v1/items20/{itemId}/parts/{part_no}. Operation number 20.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.Op20ItemsOK, api.Op20ItemsNotFound:
//   - when path.itemId is 20 and path.part_no is "p20": 200 {"id":20,"name":"item20","parts":[{"no":"p20","qty":20}]}
//   - otherwise: 404 {"error":"not found"}
//
// The request is typed in in.ItemID, in.PartNo.
func (h *Handlers) Op20Items(r *http.Request, in api.Op20ItemsInput) (api.Op20ItemsOutput, error) {
	return stubs.Op20Items(r)
}
