package handlers

import (
	"net/http"

	"tasks/internal/api"
	"tasks/internal/api/stubs"
)

// CreateTask answers POST /tasks.
//
// It still gives the stub answers of bb.yaml, exactly as bb serve does; replace them
// with real logic, answering with api.CreateTaskCreated, api.CreateTaskBadRequest:
//   - when body.title is "Write tests": 201 {"id":1,"title":"Write tests"}
//   - otherwise: 400 {"message":"title is required"}
//
// The request is typed in in.Body (api.CreateTaskRequest).
func (h *Handlers) CreateTask(r *http.Request, in api.CreateTaskInput) (api.CreateTaskOutput, error) {
	return stubs.CreateTask(r)
}
