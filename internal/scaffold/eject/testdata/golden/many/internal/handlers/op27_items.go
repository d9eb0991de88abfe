package handlers

import (
	"net/http"

	"bigshop/internal/api"
	"bigshop/internal/api/stubs"
)

// Op27Items answers OPTIONS /v1/items27/{itemId}/parts/{part_no}. Operation number 27.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.Op27ItemsOK, api.Op27ItemsNotFound:
//   - when path.itemId is 27 and path.part_no is "p27": 200 {"id":27,"name":"item27","parts":[{"no":"p27","qty":27}]}
//   - otherwise: 404 {"error":"not found"}
//
// The request is typed in in.ItemID, in.PartNo.
func (h *Handlers) Op27Items(r *http.Request, in api.Op27ItemsInput) (api.Op27ItemsOutput, error) {
	return stubs.Op27Items(r)
}
