package handlers

import (
	"net/http"

	"shapes/internal/api"
)

// ListPeople answers GET /people.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.All; the store is h.Store.
func (h *Handlers) ListPeople(r *http.Request, in api.ListPeopleInput) (api.Response, error) {
	if api.StubMatches(r, "query.all", "true") {
		return api.Response{Status: 200, Body: api.RawJSON(`[{"name":"Ada","age":36},{"name":"Bob","nickname":"B"}]`)}, nil
	}
	return api.Response{Status: 200, Body: api.RawJSON(`[{"name":"Cy","age":null}]`)}, nil
}
