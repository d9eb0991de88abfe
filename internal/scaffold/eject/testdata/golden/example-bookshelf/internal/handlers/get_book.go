package handlers

import (
	"net/http"

	"bookshelf/internal/api"
	"bookshelf/internal/api/stubs"
)

// GetBook answers GET /v1/books/{id}. One book by its id.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.GetBookOK, api.GetBookNotFound:
//   - when path.id is 1: 200 {"id":1,"title":"The Hobbit","author":"J. R. R. Tolkien","r…
//   - when path.id is 2: 200 {"id":2,"title":"Piranesi","author":"Susanna Clarke","ratin…
//   - otherwise: 404 {"error":"book not found"}
//
// The request is typed in in.ID; the store is h.Store.
func (h *Handlers) GetBook(r *http.Request, in api.GetBookInput) (api.GetBookOutput, error) {
	return stubs.GetBook(r)
}
