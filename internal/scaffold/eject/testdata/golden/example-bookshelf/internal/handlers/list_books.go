package handlers

import (
	"net/http"

	"bookshelf/internal/api"
	"bookshelf/internal/api/stubs"
)

// ListBooks answers GET /v1/books. Books on the shelf, a page at a time.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.ListBooksOK:
//   - when query.page is 2: 200 []
//   - when query.genre is "fantasy": 200 [{"id":1,"title":"The Hobbit","author":"J. R. R. Tolkien","…
//   - otherwise: 200 responses/books.json (application/json)
//
// The request is typed in in.Page, in.Genre; the store is h.Store.
func (h *Handlers) ListBooks(r *http.Request, in api.ListBooksInput) (api.ListBooksOutput, error) {
	return stubs.ListBooks(r)
}
