package handlers

import (
	"net/http"

	"bigshop/internal/api"
	"bigshop/internal/api/stubs"
)

// Op28Items answers GET /v1/items28/{itemId}/parts/{part_no}. Operation number 28.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.Op28ItemsOK, api.Op28ItemsNotFound:
//   - when path.itemId is 28 and path.part_no is "p28": 200 {"id":28,"name":"item28","parts":[{"no":"p28","qty":28}]}
//   - otherwise: 404 {"error":"not found"}
//
// The request is typed in in.ItemID, in.PartNo.
func (h *Handlers) Op28Items(r *http.Request, in api.Op28ItemsInput) (api.Op28ItemsOutput, error) {
	return stubs.Op28Items(r)
}
