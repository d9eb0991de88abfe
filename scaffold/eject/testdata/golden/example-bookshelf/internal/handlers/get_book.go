package handlers

import (
	"net/http"

	"bookshelf/internal/api"
)

// GetBook answers GET /v1/books/{id}. One book by its id.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.ID; the store is h.Store.
func (h *Handlers) GetBook(r *http.Request, in api.GetBookInput) (api.Response, error) {
	if api.StubMatches(r, "path.id", "1") {
		return api.Response{Status: 200, Body: api.RawJSON(`{"id":1,"title":"The Hobbit","author":"J. R. R. Tolkien","rating":4.8,"tags":["classic"],"published_at":"1937-09-21T00:00:00Z","series":null}`)}, nil
	}
	if api.StubMatches(r, "path.id", "2") {
		return api.Response{Status: 200, Body: api.RawJSON(`{"id":2,"title":"Piranesi","author":"Susanna Clarke","rating":4,"tags":[],"published_at":"2020-09-15T00:00:00Z","series":{"name":"Standalone","position":1}}`)}, nil
	}
	return api.Response{Status: 404, Body: api.RawJSON(`{"error":"book not found"}`)}, nil
}
