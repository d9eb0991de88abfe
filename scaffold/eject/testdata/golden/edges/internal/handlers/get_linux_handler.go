package handlers

import (
	"net/http"

	"edges/internal/api"
)

// GetLinux answers GET /linux/.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The store is h.Store.
func (h *Handlers) GetLinux(r *http.Request, in api.GetLinuxInput) (api.Response, error) {
	return api.Response{Status: 200, Header: http.Header{"Cache-Control": {"no-store"}, "X-Tags": {"a"}}, Body: api.Raw{ContentType: "application/json", Data: []byte(`{"motd": "Welcome.\nThe server is up.", "since": null}
`)}}, nil
}
