package handlers

import (
	"net/http"

	"clash/internal/api"
	"clash/internal/api/stubs"
)

// PostThing answers POST /things.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.PostThingCreated, api.PostThingInternalServerError:
//   - when body.book.series.id is 1: 201 {"series":{"id":1}}
//   - otherwise: 500 {"error":"boom"}
//
// The request is typed in in.Body (api.PostThingRequest).
func (h *Handlers) PostThing(r *http.Request, in api.PostThingInput) (api.PostThingOutput, error) {
	return stubs.PostThing(r)
}
