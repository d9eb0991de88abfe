package handlers

import (
	"net/http"

	"tasks/internal/api"
)

// CreateTask answers POST /tasks.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.Body (api.CreateTaskRequest); the store is h.Store.
func (h *Handlers) CreateTask(r *http.Request, in api.CreateTaskInput) (api.Response, error) {
	if api.StubMatches(r, "body.title", `"Write tests"`) {
		return api.Response{Status: 201, Body: api.RawJSON(`{"id":1,"title":"Write tests"}`)}, nil
	}
	return api.Response{Status: 400, Body: api.RawJSON(`{"message":"title is required"}`)}, nil
}
