package handlers

import (
	"net/http"

	"notes/internal/api"
	"notes/internal/api/stubs"
)

// UploadPhoto answers POST /photos. A photo from the camera roll, with a caption.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.UploadPhotoCreated:
//   - always: 201 {"id":9,"url":"https://example.com/9.jpg"}
func (h *Handlers) UploadPhoto(r *http.Request, in api.UploadPhotoInput) (api.UploadPhotoOutput, error) {
	return stubs.UploadPhoto(r)
}
