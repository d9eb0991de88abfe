package handlers

import (
	"net/http"

	"shapes/internal/api"
	"shapes/internal/api/stubs"
)

// ListPeople answers GET /people.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.ListPeopleOK:
//   - when query.all is true: 200 [{"name":"Ada","age":36},{"name":"Bob","nickname":"B"}]
//   - otherwise: 200 [{"name":"Cy","age":null}]
//
// The request is typed in in.All.
func (h *Handlers) ListPeople(r *http.Request, in api.ListPeopleInput) (api.ListPeopleOutput, error) {
	return stubs.ListPeople(r)
}
