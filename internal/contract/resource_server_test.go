package contract

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// refusing is a store whose every call fails with err.
type refusing struct{ err error }

func (r refusing) List(context.Context, *ListQuery) ([]byte, int64, error) { return nil, 0, r.err }
func (r refusing) Get(context.Context, any) ([]byte, error)                { return nil, r.err }
func (r refusing) Create(context.Context, any, []byte) ([]byte, error)     { return nil, r.err }
func (r refusing) Replace(context.Context, any, []byte) ([]byte, error)    { return nil, r.err }
func (r refusing) Delete(context.Context, any) error                       { return r.err }

// TestResourceServerErrors: the errors of a store become answers in the spec's shape:
// 404, 409, an *HTTPError's own status and message, and 500 for the rest.
func TestResourceServerErrors(t *testing.T) {
	res := &Resource{Name: "notes", Item: "note", Path: "/notes", Param: "id", ID: "id", IDKind: IDInt,
		Record: &Schema{Kind: KindObject, Fields: []Field{{Key: "id", Required: true, Schema: &Schema{Kind: KindInt}}}}}
	for _, tt := range []struct {
		err    error
		status int
		body   string
	}{
		{ErrNoRecord, 404, `{"error":"no note with id 7"}`},
		{ErrDuplicateID, 409, `{"error":"a note with id 7 exists already"}`},
		{&HTTPError{Status: http.StatusForbidden, Msg: "not yours"}, 403, `{"error":"not yours"}`},
		{context.DeadlineExceeded, 500, `{"error":"the notes store failed: context deadline exceeded"}`},
	} {
		srv := &ResourceServer{Resource: res, Records: refusing{tt.err},
			WriteError: func(w http.ResponseWriter, r *http.Request, e *HTTPError) { ErrorFormat{}.Write(w, e) }}
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", "/notes/7", nil)
		req.SetPathValue("id", "7")
		srv.Serve(rec, req, OpGet)
		if rec.Code != tt.status || strings.TrimSpace(rec.Body.String()) != tt.body {
			t.Errorf("%v: %d %s, want %d %s", tt.err, rec.Code, rec.Body, tt.status, tt.body)
		}
	}
}
