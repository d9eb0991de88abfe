package verify_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/backwards-backend/bb/internal/runtime"
	"github.com/backwards-backend/bb/internal/spec"
	"github.com/backwards-backend/bb/internal/verify"
)

// typesSpec has one endpoint per way bb serve picks an answer's Content-Type.
const typesSpec = `version: 1
name: Types
endpoints:
  plain:
    method: GET
    path: /plain
    responses:
      - body: {ok: true}
  problem:
    method: GET
    path: /problem
    responses:
      - status: 422
        headers: {Content-Type: application/problem+json}
        body: {title: Unprocessable}
  csv:
    method: GET
    path: /csv
    responses:
      - bodyFile: books.csv
  text:
    method: GET
    path: /text
    responses:
      - headers: {Content-Type: text/plain}
        body: OK
  sniffed:
    method: GET
    path: /sniffed
    responses:
      - bodyFile: books.bbdata
  head:
    method: HEAD
    path: /head
    responses:
      - body: {ok: true}
  none:
    method: DELETE
    path: /none
    responses:
      - status: 204
`

func writeTypesSpec(t *testing.T) *spec.Spec {
	t.Helper()
	dir := t.TempDir()
	for name, data := range map[string]string{"bb.yaml": typesSpec, "books.csv": booksCSV, "books.bbdata": booksCSV} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return load(t, dir)
}

// TestContentType: every case compares the answer's media type with the one bb serve
// sends, whatever the body.
func TestContentType(t *testing.T) {
	s := writeTypesSpec(t)
	tests := []struct {
		endpoint, ctype string
		fail, warn      string // the one failure and warning expected, if any
	}{
		{endpoint: "plain", ctype: "application/json"},
		{endpoint: "plain", ctype: "application/json; charset=utf-8"},
		{endpoint: "plain", ctype: "Application/JSON"},
		{endpoint: "plain", ctype: "application/vnd.api+json"}, // bb chose JSON; any JSON type serves
		{endpoint: "plain", ctype: "text/plain", fail: `content type: expected application/json, got "text/plain"`},
		{endpoint: "plain", ctype: "", fail: `content type: expected application/json, got none`},

		{endpoint: "problem", ctype: "application/problem+json"},
		{endpoint: "problem", ctype: "application/problem+json; charset=latin1"}, // JSON is UTF-8 anyway
		{endpoint: "problem", ctype: "application/json", fail: `content type: expected application/problem+json, got "application/json"`},

		{endpoint: "csv", ctype: "text/csv", warn: "body not checked: books.csv is text/csv, not JSON; --strict compares its bytes"},
		{endpoint: "csv", ctype: "TEXT/CSV; charset=UTF-8; header=present", warn: "body not checked"},
		{endpoint: "csv", ctype: "text/csv; charset=iso-8859-1", fail: `content type: expected text/csv; charset=utf-8, got "text/csv; charset=iso-8859-1"`, warn: "body not checked"},
		{endpoint: "csv", ctype: "application/json", fail: `content type: expected text/csv; charset=utf-8, got "application/json"`, warn: "body not checked"},
		{endpoint: "csv", ctype: "", fail: `content type: expected text/csv; charset=utf-8, got none`, warn: "body not checked"},

		{endpoint: "text", ctype: "text/plain; charset=utf-8", warn: "body not checked: the spec sends it as text/plain, not JSON; --strict compares its bytes"},
		{endpoint: "text", ctype: "application/json", fail: `content type: expected text/plain, got "application/json"`, warn: "body not checked"},

		{endpoint: "sniffed", ctype: "text/plain; charset=utf-8", warn: "body not checked"},
		{endpoint: "sniffed", ctype: "application/x-bb", warn: `content type: expected text/plain; charset=utf-8, got "application/x-bb"; bb serve guesses this type from the bytes of books.bbdata, so name the type under the response's headers: to check it
body not checked: books.bbdata is text/plain, not JSON; --strict compares its bytes`},

		{endpoint: "head", ctype: "application/json"},
		{endpoint: "head", ctype: "text/html", fail: `content type: expected application/json, got "text/html"`},

		{endpoint: "none", ctype: "text/html"}, // no body: no type to compare
	}
	for _, tt := range tests {
		t.Run(tt.endpoint+" "+tt.ctype, func(t *testing.T) {
			var accept string
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				accept = r.Header.Get("Accept")
				ans := runtime.Compile(s, runtime.Options{})
				rec := httptest.NewRecorder()
				ans.ServeHTTP(rec, r)
				for k, v := range rec.Header() {
					w.Header()[k] = v
				}
				w.Header()["Content-Type"] = nil
				if tt.ctype != "" {
					w.Header().Set("Content-Type", tt.ctype)
				}
				w.WriteHeader(rec.Code)
				w.Write(rec.Body.Bytes())
			}))
			defer srv.Close()
			rep := verify.Run(context.Background(), s, verify.Options{BaseURL: srv.URL, Only: []string{tt.endpoint}})
			if len(rep.Results) != 1 {
				t.Fatalf("%d results", len(rep.Results))
			}
			res := rep.Results[0]
			if got := strings.Join(res.Failures, "\n"); got != tt.fail {
				t.Errorf("failures:\n%s\nwant:\n%s", got, tt.fail)
			}
			if got := strings.Join(res.Warnings, "\n"); tt.warn == "" && got != "" || !strings.HasPrefix(got, tt.warn) || len(res.Warnings) > strings.Count(tt.warn, "\n")+1 {
				t.Errorf("warnings:\n%s\nwant:\n%s", got, tt.warn)
			}
			if want := map[string]string{"csv": "text/csv", "text": "text/plain", "sniffed": "*/*"}[tt.endpoint]; want != "" && accept != want {
				t.Errorf("Accept: %q, want %q", accept, want)
			} else if want == "" && accept != "application/json" {
				t.Errorf("Accept: %q, want application/json", accept)
			}
		})
	}
}

// TestStrictBytes: --strict compares a body that is not JSON byte for byte with what bb
// serve sends, and says where they first differ.
func TestStrictBytes(t *testing.T) {
	s := writeTypesSpec(t)
	tests := []struct {
		endpoint, body, fail string
	}{
		{"csv", booksCSV, ""},
		{"csv", "id,title\n2,Emma\n", `body: differs from books.csv at byte 10 (line 2): expected "1,Dune\n", got "2,Emma\n"`},
		{"csv", "id,title\n", `body: differs from books.csv at byte 10 (line 2): expected "1,Dune\n", got the end; expected 16 bytes, got 9`},
		{"csv", booksCSV + "3,Ubik and a title longer than the quote\n", `body: differs from books.csv at byte 17 (line 3): expected the end, got "3,Ubik and a title longe"…; expected 16 bytes, got 57`},
		{"text", "OK", ""}, // a string declared as text/plain goes out as that text
		{"text", `"OK"`, `body: differs from the spec's body at byte 1 (line 1): expected "OK", got "\"OK\""; expected 2 bytes, got 4`},
	}
	for _, tt := range tests {
		t.Run(tt.endpoint, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", map[string]string{"csv": "text/csv", "text": "text/plain"}[tt.endpoint])
				w.Write([]byte(tt.body))
			}))
			defer srv.Close()
			rep := verify.Run(context.Background(), s, verify.Options{BaseURL: srv.URL, Only: []string{tt.endpoint}, Strict: true})
			res := rep.Results[0]
			if got := strings.Join(res.Failures, "\n"); got != tt.fail {
				t.Errorf("failures:\n%s\nwant:\n%s", got, tt.fail)
			}
			if len(res.Warnings) != 0 {
				t.Errorf("--strict compared the bytes, yet warns: %q", res.Warnings)
			}
		})
	}
}

// TestTypesPassAgainstServe: bb serve passes its own spec, strict or not, whatever the
// content types; only bodies that are not JSON warn, and only when not strict.
func TestTypesPassAgainstServe(t *testing.T) {
	s := writeTypesSpec(t)
	srv := serve(t, s)
	for _, strict := range []bool{false, true} {
		rep := verify.Run(context.Background(), s, verify.Options{BaseURL: srv.URL, Strict: strict})
		warnings := 3
		if strict {
			warnings = 0
		}
		if !rep.OK() || rep.Passed != 7 || rep.Warnings != warnings {
			t.Errorf("strict %v: %d passed, %d warnings, want 7 and %d:\n%s", strict, rep.Passed, rep.Warnings, warnings, text(t, rep))
		}
	}
}
