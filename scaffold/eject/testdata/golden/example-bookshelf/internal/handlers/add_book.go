package handlers

import (
	"net/http"
	"time"

	"bookshelf/internal/api"
)

// AddBook answers POST /v1/books. Puts a book on the shelf; only signed-in readers may.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.Body (api.AddBookRequest); the store is h.Store.
func (h *Handlers) AddBook(r *http.Request, in api.AddBookInput) (api.Response, error) {
	if api.StubMatches(r, "header.Authorization", `"Bearer secret-token"`) {
		return api.Response{Status: 201, Header: http.Header{"Location": {"/v1/books/3"}}, Body: api.RawJSON(`{"id":3,"title":"Dune","author":"Frank Herbert","rating":0,"tags":["scifi"]}`), Delay: 150 * time.Millisecond}, nil
	}
	return api.Response{Status: 401, Header: http.Header{"Www-Authenticate": {"Bearer"}}, Body: api.RawJSON(`{"error":"sign in first"}`)}, nil
}
