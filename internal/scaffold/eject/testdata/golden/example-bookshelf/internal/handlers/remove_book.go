package handlers

import (
	"net/http"

	"bookshelf/internal/api"
	"bookshelf/internal/api/stubs"
)

// RemoveBook answers DELETE /v1/books/{id}. Takes a book off the shelf.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.RemoveBookNoContent:
//   - always: 204
//
// The request is typed in in.ID; the store is h.Store.
func (h *Handlers) RemoveBook(r *http.Request, in api.RemoveBookInput) (api.RemoveBookOutput, error) {
	return stubs.RemoveBook(r)
}
