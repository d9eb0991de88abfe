package handlers

import (
	"net/http"

	"edges/internal/api"
)

// RunTest answers POST /run/{kind}.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.Kind, in.Verbose, in.Ratio, in.At, in.Tag, in.Body (api.RunTestRequest); the store is h.Store.
func (h *Handlers) RunTest(r *http.Request, in api.RunTestInput) (api.Response, error) {
	if api.StubMatches(r, "path.kind", `"unit"`) &&
		api.StubMatches(r, "body.nested.deep.value", "1.5") {
		return api.Response{Status: 200, Body: api.RawJSON(`{"ok":true,"took_ms":12}`)}, nil
	}
	if api.StubMatches(r, "query.verbose", "false") {
		return api.Response{Status: 200, Body: api.RawJSON(`{"ok":false,"took_ms":3.5,"log":["line"]}`)}, nil
	}
	return api.Response{Status: http.StatusNotFound, Body: api.Error{Error: "no stub answer of runTest matches this request"}}, nil
}
