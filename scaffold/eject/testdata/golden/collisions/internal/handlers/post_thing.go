package handlers

import (
	"net/http"

	"clash/internal/api"
)

// PostThing answers POST /things.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.Body (api.PostThingRequest); the store is h.Store.
func (h *Handlers) PostThing(r *http.Request, in api.PostThingInput) (api.Response, error) {
	if api.StubMatches(r, "body.book.series.id", "1") {
		return api.Response{Status: 201, Body: api.RawJSON(`{"series":{"id":1}}`)}, nil
	}
	return api.Response{Status: 500, Body: api.RawJSON(`{"error":"boom"}`)}, nil
}
