package handlers

import (
	"net/http"

	"catalog/internal/api"
	"catalog/internal/api/stubs"
)

// GetPage answers GET /books/{slug}/pages/{number}.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.GetPageOK, api.GetPageNotFound:
//   - when path.number is 12: 200 {"number":12,"text":"In a hole in the ground"}
//   - otherwise: 404 {"error":"no such page"}
//
// The request is typed in in.Slug, in.Number.
func (h *Handlers) GetPage(r *http.Request, in api.GetPageInput) (api.GetPageOutput, error) {
	return stubs.GetPage(r)
}
