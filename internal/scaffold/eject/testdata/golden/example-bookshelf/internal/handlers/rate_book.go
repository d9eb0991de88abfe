package handlers

import (
	"net/http"

	"bookshelf/internal/api"
	"bookshelf/internal/api/stubs"
)

// RateBook answers PUT /v1/books/{id}/rating. Rates a book from 1 to 5.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.RateBookUnprocessableEntity, api.RateBookOK:
//   - when body.stars is 0: 422 {"error":"stars must be between 1 and 5"}
//   - when body.review.spoilers is true: 422 {"error":"no spoilers please"}
//   - otherwise: 200 {"id":1,"rating":4.9}
//
// The request is typed in in.ID, in.Body (api.RateBookRequest); the store is h.Store.
func (h *Handlers) RateBook(r *http.Request, in api.RateBookInput) (api.RateBookOutput, error) {
	return stubs.RateBook(r)
}
