package handlers

import (
	"net/http"

	"bookshelf/internal/api"
	"bookshelf/internal/api/stubs"
)

// AddBook answers POST /v1/books. Puts a book on the shelf; only signed-in readers may.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.AddBookCreated, api.AddBookUnauthorized:
//   - when header.Authorization is "Bearer secret-token": 201 {"id":3,"title":"Dune","author":"Frank Herbert","rating":0,…
//   - otherwise: 401 {"error":"sign in first"}
//
// The request is typed in in.Body (api.AddBookRequest); the store is h.Store.
func (h *Handlers) AddBook(r *http.Request, in api.AddBookInput) (api.AddBookOutput, error) {
	return stubs.AddBook(r)
}
