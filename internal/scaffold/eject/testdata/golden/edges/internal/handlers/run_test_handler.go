package handlers

import (
	"net/http"

	"edges/internal/api"
	"edges/internal/api/stubs"
)

// RunTest answers POST /run/{kind}.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.RunTestOK:
//   - when path.kind is "unit" and body.nested.deep.value is 1.5: 200 {"ok":true,"took_ms":12}
//   - when query.verbose is false: 200 {"ok":false,"took_ms":3.5,"log":["line"]}
//
// The request is typed in in.Kind, in.Verbose, in.Ratio, in.At, in.Tag, in.Body (api.RunTestRequest).
func (h *Handlers) RunTest(r *http.Request, in api.RunTestInput) (api.RunTestOutput, error) {
	return stubs.RunTest(r)
}
