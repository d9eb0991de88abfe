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

// echoing stores nothing: a create answers with the record it was given.
type echoing struct{ refusing }

func (echoing) Create(_ context.Context, _ any, in []byte) ([]byte, error) { return in, nil }

// TestResourceServerStringIDs: a client's id of dots alone gets a Location a client can
// follow (. and .. segments are removed before any route sees them), and an empty id,
// whose path would be the list's, is a 400.
func TestResourceServerStringIDs(t *testing.T) {
	str := &Schema{Kind: KindString}
	res := &Resource{Name: "rooms", Item: "room", Path: "/rooms", Param: "slug", ID: "slug", IDKind: IDString,
		Record: &Schema{Kind: KindObject, Fields: []Field{{Key: "slug", Required: true, Schema: str}, {Key: "title", Required: true, Schema: str}}}}
	for _, tt := range []struct {
		slug     string
		status   int
		location string
	}{
		{".", 201, "/rooms/%2E"},
		{"..", 201, "/rooms/%2E%2E"},
		{"...", 201, "/rooms/..."},
		{"a/b c", 201, "/rooms/a%2Fb%20c"},
		{"", 400, ""},
	} {
		srv := &ResourceServer{Resource: res, Records: echoing{},
			WriteError: func(w http.ResponseWriter, r *http.Request, e *HTTPError) { ErrorFormat{}.Write(w, e) }}
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("POST", "/rooms", strings.NewReader(`{"slug":"`+tt.slug+`","title":"t"}`))
		req.Header.Set("Content-Type", "application/json")
		srv.Serve(rec, req, OpCreate)
		if rec.Code != tt.status || rec.Header().Get("Location") != tt.location {
			t.Errorf("slug %q: %d %q %s, want %d %q", tt.slug, rec.Code, rec.Header().Get("Location"), rec.Body, tt.status, tt.location)
		}
	}
}

// TestResourceServerNUL: a write holding a NUL character is a 400 that names where, in
// bb serve as in the ejected server, since PostgreSQL cannot store one.
func TestResourceServerNUL(t *testing.T) {
	str := &Schema{Kind: KindString}
	res := &Resource{Name: "rooms", Item: "room", Path: "/rooms", Param: "slug", ID: "slug", IDKind: IDString,
		Record: &Schema{Kind: KindObject, Fields: []Field{{Key: "slug", Required: true, Schema: str}, {Key: "tags", Schema: &Schema{Kind: KindArray, Elem: str}}}}}
	for body, want := range map[string]string{
		`{"slug":"a","tags":["x","y\u0000z"]}`: `{"error":"body.tags[1]: holds a NUL character (\\u0000), which a PostgreSQL table cannot store"`,
		`{"slug":"a\u0000"}`:                   `{"error":"body.slug: holds a NUL`,
	} {
		srv := &ResourceServer{Resource: res, Records: echoing{},
			WriteError: func(w http.ResponseWriter, r *http.Request, e *HTTPError) { ErrorFormat{}.Write(w, e) }}
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("POST", "/rooms", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		srv.Serve(rec, req, OpCreate)
		if rec.Code != 400 || !strings.HasPrefix(rec.Body.String(), want) {
			t.Errorf("%s: %d %s", body, rec.Code, rec.Body)
		}
	}
	if got := NULAt(map[string]any{"ok": "x", "m": map[string]any{"k\x00": 1}}, "body"); got != "body.m" {
		t.Errorf("a key with a NUL: %q", got)
	}
}
