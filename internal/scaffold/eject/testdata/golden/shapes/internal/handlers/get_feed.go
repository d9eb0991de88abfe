package handlers

import (
	"net/http"

	"shapes/internal/api"
	"shapes/internal/api/stubs"
)

// GetFeed answers GET /feed.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.GetFeedOK:
//   - when query.page is 1: 200 {"items":[{"id":1,"kind":"text","text":"hello","score":1,"m…
//   - otherwise: 200 {"items":[],"tags":[],"mixed":[],"numbers":[4],"grid":[],"m…
//
// The request is typed in in.Page.
func (h *Handlers) GetFeed(r *http.Request, in api.GetFeedInput) (api.GetFeedOutput, error) {
	return stubs.GetFeed(r)
}
