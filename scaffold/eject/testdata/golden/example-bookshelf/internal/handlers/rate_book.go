package handlers

import (
	"net/http"

	"bookshelf/internal/api"
)

// RateBook answers PUT /v1/books/{id}/rating. Rates a book from 1 to 5.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.ID, in.Body (api.RateBookRequest); the store is h.Store.
func (h *Handlers) RateBook(r *http.Request, in api.RateBookInput) (api.Response, error) {
	if api.StubMatches(r, "body.stars", "0") {
		return api.Response{Status: 422, Body: api.RawJSON(`{"error":"stars must be between 1 and 5"}`)}, nil
	}
	if api.StubMatches(r, "body.review.spoilers", "true") {
		return api.Response{Status: 422, Body: api.RawJSON(`{"error":"no spoilers please"}`)}, nil
	}
	return api.Response{Status: 200, Body: api.RawJSON(`{"id":1,"rating":4.9}`)}, nil
}
