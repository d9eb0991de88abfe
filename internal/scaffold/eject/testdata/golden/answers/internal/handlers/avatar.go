package handlers

import (
	"net/http"

	"notes/internal/api"
	"notes/internal/api/stubs"
)

// Avatar answers GET /avatar.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.AvatarBadRequest, api.AvatarOK:
//   - when query.size is "huge": 400 too big
//   - otherwise: 200 avatar.png (image/png)
//
// The request is typed in in.Size.
func (h *Handlers) Avatar(r *http.Request, in api.AvatarInput) (api.AvatarOutput, error) {
	return stubs.Avatar(r)
}
