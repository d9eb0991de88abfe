package handlers

import (
	"net/http"

	"bigshop/internal/api"
	"bigshop/internal/api/stubs"
)

// Op22Items answers POST /v1/items22/{itemId}/parts/{part_no}. Operation number 22.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.Op22ItemsOK, api.Op22ItemsNotFound:
//   - when path.itemId is 22 and path.part_no is "p22": 200 {"id":22,"name":"item22","parts":[{"no":"p22","qty":22}]}
//   - otherwise: 404 {"error":"not found"}
//
// The request is typed in in.ItemID, in.PartNo, in.DryRun, in.Limit, in.Body (api.Op22ItemsItem).
func (h *Handlers) Op22Items(r *http.Request, in api.Op22ItemsInput) (api.Op22ItemsOutput, error) {
	return stubs.Op22Items(r)
}
