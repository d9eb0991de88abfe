package handlers

import (
	"net/http"

	"clash/internal/api"
)

// GetThing answers GET /things/{default}/{self}.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.Default, in.Self, in.Body, in.QueryDefault, in.QuerySelf, in.Page, in.QueryPage; the store is h.Store.
func (h *Handlers) GetThing(r *http.Request, in api.GetThingInput) (api.Response, error) {
	if api.StubMatches(r, "path.default", "1") &&
		api.StubMatches(r, "path.self", "2") {
		return api.Response{Status: 200, Body: api.RawJSON(`{"data":{"x":1},"type":{"y":1},"error":{"z":1},"date":{"d":1},"url":{"u":1},"client":{"c":1},"clash_client":{"c":2},"clash_error":{"e":1},"json_value":{"j":1},"book":{"series":{"id":1}},"author":{"series":{"name":"x"}},"series":{"id":1},"user_id":{"a":1},"userID":{"b":1},"get_thing_response":{"nested":true}}`)}, nil
	}
	return api.Response{Status: http.StatusNotFound, Body: api.Error{Error: "no stub answer of getThing matches this request"}}, nil
}
