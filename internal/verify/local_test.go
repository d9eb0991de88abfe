package verify_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/backwards-backend/bb/internal/verify"
)

// localSpec has one CSV bodyFile and JSON endpoints beside it. (A spec whose types
// cannot be inferred no longer loads: bb check refuses it.)
const localSpec = `version: 1
name: Local
endpoints:
  exportBooks:
    method: GET
    path: /v1/books.csv
    responses:
      - bodyFile: books.csv
  getBook:
    method: GET
    path: /v1/books/{id}
    responses:
      - when: {path.id: 1}
        body: {id: 1, title: Dune}
      - status: 404
        body: {error: not found}
  addBook:
    method: POST
    path: /v1/books
    request:
      body: {title: Dune}
    responses:
      - status: 201
        body: {id: 3, title: Dune}
  rateBook:
    method: POST
    path: /v1/ratings
    request:
      body: {stars: 5}
    responses:
      - when: {body.stars: 0}
        status: 422
        body: {error: no stars}
      - body: {rating: 4.5}
`

const booksCSV = "id,title\n1,Dune\n"

func loadLocal(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "books.csv"), []byte(booksCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "bb.yaml"), []byte(localSpec), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// localDrifted answers every JSON endpoint of localSpec with the right status and the
// wrong shape, and the CSV endpoint with other bytes of the right type.
func localDrifted(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	js := func(status int, body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(status)
			w.Write([]byte(body))
		}
	}
	mux.HandleFunc("GET /v1/books.csv", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Write([]byte("id,title\n2,Emma\n"))
	})
	mux.HandleFunc("GET /v1/books/1", js(200, `{"id":"one","title":"Dune"}`))
	mux.HandleFunc("GET /v1/books/{id}", js(404, `{"error":404}`))
	mux.HandleFunc("POST /v1/books", js(201, `[3]`))
	mux.HandleFunc("POST /v1/ratings", func(w http.ResponseWriter, r *http.Request) {
		js(200, `{"rating":"high"}`)(w, r)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// TestNonJSONAnswerStaysLocal: a CSV answer, or an endpoint whose types cannot be
// inferred, skips the body check of its own endpoint only, with one warning; every
// other endpoint's drift is still found.
func TestNonJSONAnswerStaysLocal(t *testing.T) {
	s := load(t, loadLocal(t))
	rep := verify.Run(context.Background(), s, verify.Options{BaseURL: localDrifted(t).URL})
	want := map[string][]string{
		"exportBooks response 1 (200)": nil,
		"getBook response 1 (200)":     {`$.id: expected integer, got string "one"`},
		"getBook response 2 (404)":     {`$.error: expected string, got number 404`},
		"addBook response 1 (201)":     {`$: expected object, got array of 1`},
		"rateBook response 1 (422)":    {`status: expected 422, got 200 (body: {"rating":"high"})`},
		"rateBook response 2 (200)":    {`$.rating: expected number, got string "high"`},
	}
	if len(rep.Results) != len(want) {
		t.Fatalf("%d results, want %d:\n%s", len(rep.Results), len(want), text(t, rep))
	}
	for _, res := range rep.Results {
		if got, w := strings.Join(res.Failures, "\n"), strings.Join(want[res.Name], "\n"); got != w {
			t.Errorf("%s failures:\n%s\nwant:\n%s", res.Name, got, w)
		}
	}
	warnings := map[string]string{}
	for _, res := range rep.Results {
		for _, w := range res.Warnings {
			if _, dup := warnings[res.Endpoint]; dup {
				t.Errorf("%s: a second warning: %s", res.Name, w)
			}
			warnings[res.Endpoint] = w
		}
	}
	if w := warnings["exportBooks"]; !strings.HasPrefix(w, "body not checked: books.csv is text/csv, not JSON; --strict compares its bytes") {
		t.Errorf("exportBooks warning: %q", w)
	}
	if len(warnings) != 1 || rep.Warnings != 1 {
		t.Errorf("warnings %q (%d)", warnings, rep.Warnings)
	}
	if rep.Passed != 1 || rep.Failed != 5 {
		t.Errorf("%d passed, %d failed:\n%s", rep.Passed, rep.Failed, text(t, rep))
	}
}
