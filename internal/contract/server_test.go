package contract

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestServer(t *testing.T) {
	srv := Server{Errors: ErrorFormat{Key: "message"}}
	op := &Operation{Name: "add", Body: &Schema{Kind: KindObject, Fields: []Field{{Key: "n", Required: true, Schema: &Schema{Kind: KindInt}}}}}
	mux := http.NewServeMux()
	mux.Handle("POST /add", srv.Route(op, func(r *http.Request, rq *Request) (Response, error) {
		var in struct{ N int64 }
		if err := DecodeBody(rq, op.Body, &in); err != nil {
			return Response{}, err
		}
		switch in.N {
		case 0:
			return Response{}, nil // an empty output is a handler bug: 500
		case 1:
			panic("boom")
		case 2:
			return Response{}, errors.New("failed")
		case 3:
			return Response{}, &HTTPError{Status: 409, Msg: "taken"}
		}
		return JSONResponse(201, "", map[string]int64{"n": in.N}).WithHeader("Location", "/n"), nil
	}))
	h := srv.Handler(mux)
	for _, tt := range []struct {
		method, path, body string
		status             int
		want               string
	}{
		{"POST", "/add", `{"n":4.0}`, 201, `{"n":4}`},
		{"POST", "/add", `{"n":"x"}`, 400, `"message":"body.n: expected integer, got string \"x\""`},
		{"POST", "/add", `{"n":0}`, 500, `{"message":"internal server error"}`},
		{"POST", "/add", `{"n":1}`, 500, `{"message":"internal server error"}`},
		{"POST", "/add", `{"n":2}`, 500, `{"message":"internal server error"}`},
		{"POST", "/add", `{"n":3}`, 409, `{"message":"taken"}`},
		{"GET", "/add", ``, 405, `{"message":"method GET is not allowed on /add"}`},
		{"GET", "/nope", ``, 404, `{"message":"no endpoint GET /nope"}`},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(tt.method, tt.path, strings.NewReader(tt.body)))
		if rec.Code != tt.status || !strings.Contains(rec.Body.String(), tt.want) {
			t.Errorf("%s %s %s: %d %s; want %d with %s", tt.method, tt.path, tt.body, rec.Code, rec.Body, tt.status, tt.want)
		}
		if tt.status == 201 && rec.Header().Get("Location") != "/n" {
			t.Errorf("WithHeader lost: %v", rec.Header())
		}
		if tt.status == 405 && rec.Header().Get("Allow") == "" {
			t.Errorf("405 without Allow")
		}
	}
}
