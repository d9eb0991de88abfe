package handlers

import (
	"net/http"

	"inventory/internal/api"
	"inventory/internal/api/stubs"
)

// ListVotes answers GET /votes.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.ListVotesOK:
//   - always: 200 {"3f2b8a6e-1c4d-4e5f-9a0b-1c2d3e4f5a6b":{"up":3,"down":1},"…
func (h *Handlers) ListVotes(r *http.Request, in api.ListVotesInput) (api.ListVotesOutput, error) {
	return stubs.ListVotes(r)
}
