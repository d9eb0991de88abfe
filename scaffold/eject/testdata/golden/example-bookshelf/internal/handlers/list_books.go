package handlers

import (
	"net/http"

	"bookshelf/internal/api"
)

// ListBooks answers GET /v1/books. Books on the shelf, a page at a time.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.Page, in.Genre; the store is h.Store.
func (h *Handlers) ListBooks(r *http.Request, in api.ListBooksInput) (api.Response, error) {
	if api.StubMatches(r, "query.page", "2") {
		return api.Response{Status: 200, Header: http.Header{"X-Total-Count": {"3"}}, Body: api.RawJSON("[]")}, nil
	}
	if api.StubMatches(r, "query.genre", `"fantasy"`) {
		return api.Response{Status: 200, Header: http.Header{"X-Total-Count": {"1"}}, Body: api.RawJSON(`[{"id":1,"title":"The Hobbit","author":"J. R. R. Tolkien","rating":4.8,"tags":["classic"]}]`)}, nil
	}
	return api.Response{Status: 200, Header: http.Header{"X-Total-Count": {"3"}}, Body: api.Raw{ContentType: "application/json", Data: []byte(`[
  {"id": 1, "title": "The Hobbit", "author": "J. R. R. Tolkien", "rating": 4.8, "tags": ["classic"]},
  {"id": 2, "title": "Piranesi", "author": "Susanna Clarke", "rating": 4, "tags": []},
  {"id": 3, "title": "Dune", "author": "Frank Herbert", "rating": 4.6, "tags": ["scifi", "classic"]}
]
`)}}, nil
}
