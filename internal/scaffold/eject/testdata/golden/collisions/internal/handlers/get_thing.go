package handlers

import (
	"net/http"

	"clash/internal/api"
	"clash/internal/api/stubs"
)

// GetThing answers GET /things/{default}/{self}.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.GetThingOK:
//   - when path.default is 1 and path.self is 2: 200 {"data":{"x":1},"type":{"y":1},"error":{"z":1},"date":{"d":…
//
// The request is typed in in.Default, in.Self, in.Body, in.QueryDefault, in.QuerySelf, in.Page, in.QueryPage.
func (h *Handlers) GetThing(r *http.Request, in api.GetThingInput) (api.GetThingOutput, error) {
	return stubs.GetThing(r)
}
