package handlers

import (
	"net/http"

	"catalog/internal/api"
	"catalog/internal/api/stubs"
)

// GetBook answers GET /books/{slug}.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.GetBookOK:
//   - always: 200 {"slug":"the-hobbit","title":"The Hobbit"}
//
// The request is typed in in.Slug.
func (h *Handlers) GetBook(r *http.Request, in api.GetBookInput) (api.GetBookOutput, error) {
	return stubs.GetBook(r)
}
