package spec

import (
	"fmt"
	"mime"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAnswers(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "report.csv"), []byte("a,b\n1,2\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "logo.png"), []byte("\x89PNG\r\n\x1a\n"), 0o644)
	os.WriteFile(filepath.Join(dir, FileName), []byte(`version: 1
name: T
endpoints:
  createNote:
    method: POST
    path: /notes
    request: {body: {title: x}}
    responses:
      - when: {body.title: later}
        status: 202
        body: {job: 7}
      - when: {body.title: bad}
        status: 422
        body: {errors: [{field: title}]}
      - when: {body.title: nope}
        status: 401
        body: {error: nope}
      - status: 201
        headers: {Location: /notes/1}
        body: {id: 1, title: x}
  getNote:
    method: GET
    path: /notes/{id}
    responses:
      - when: {path.id: 1}
        body: {id: 1, title: x}
      - when: {path.id: 2}
        body: {id: 2, title: y, rating: 4.5}
      - when: {path.id: 3}
        status: 404
        body: {error: none}
      - status: 401
        body: {error: who}
  report:
    method: GET
    path: /report
    responses:
      - when: {query.fail: 1}
        bodyFile: report.csv
      - status: 500
        body: {error: x}
  text:
    method: GET
    path: /text
    responses:
      - headers: {Content-Type: text/plain; charset=utf-8}
        body: hello
  logo:
    method: GET
    path: /logo
    responses: [{bodyFile: logo.png}]
  deleteNote:
    method: DELETE
    path: /notes/{id}
    responses: [{status: 204}]
  ping:
    method: HEAD
    path: /ping
    responses: [{status: 200, body: {ok: true}}]
`), 0o644)
	s, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := InferTypes(s, InferOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ts, err := InferTypes(s, InferOptions{Answers: true})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, et := range ts.Endpoints {
		var parts []string
		for _, a := range et.Answers {
			parts = append(parts, fmt.Sprintf("%d %s %s %s", a.Status, a.Media, a.ContentType, show(a.Body)))
		}
		got[et.Endpoint.Name] = strings.Join(parts, "; ")
	}
	want := map[string]string{
		// Each 2xx status has a shape of its own, and so has each error status.
		"createNote": "201 json application/json CreateNoteCreatedResponse{id:int, title:string}; " +
			"202 json application/json CreateNoteAcceptedResponse{job:int}; " +
			"401 json application/json GetNoteErrorResponse{error:string}; " + // getNote's shape
			"422 json application/json UnprocessableEntityError{errors:[Error{field:string}]}",
		// One 2xx status: the Response; two error statuses of one shape: the Error (createNote's
		// merged errors took the name ErrorResponse).
		"getNote":    "200 json application/json GetNoteResponse{id:int, title:string, rating?:double?}; 401 json application/json GetNoteErrorResponse{error:string}; 404 json application/json GetNoteErrorResponse{error:string}",
		"report":     "200 text text/csv -; 500 json application/json ReportErrorResponse{error:string}",
		"text":       "200 text text/plain -",
		"logo":       "200 bytes image/png -",
		"deleteNote": "204 none  -",
		"ping":       "200 none  -",
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s:\n got %s\nwant %s", name, got[name], w)
		}
	}
	// Asking for answers adds types but renames none.
	names := map[string]bool{}
	for _, o := range ts.Objects {
		names[o.Name] = true
	}
	for _, o := range plain.Objects {
		if !names[o.Name] {
			t.Errorf("%s is gone when answers are typed", o.Name)
		}
	}
	for i, et := range plain.Endpoints {
		if a, b := show(et.Response), show(ts.Endpoints[i].Response); a != b {
			t.Errorf("%s: response %s became %s", et.Endpoint.Name, a, b)
		}
	}
}

func TestMediaOf(t *testing.T) {
	for ct, want := range map[string]Media{
		"": MediaNone, "application/json": MediaJSON, "application/problem+json": MediaJSON,
		"text/csv": MediaText, "text/plain": MediaText, "image/png": MediaBytes, "application/octet-stream": MediaBytes,
	} {
		if got := MediaOf(ct); got != want {
			t.Errorf("MediaOf(%q) = %s, want %s", ct, got, want)
		}
	}
}

func TestRequestMedia(t *testing.T) {
	head := "version: 1\nname: T\nendpoints:\n  upload:\n    method: POST\n    path: /upload\n    request:\n      headers: {Content-Type: %s}\n"
	tests := []struct {
		name, ct, rest, want string
	}{
		{"multipart", "multipart/form-data", "    responses: [{status: 204}]\n", ""},
		{"bytes", "image/png", "    responses: [{status: 204}]\n", ""},
		{"json with a charset", `"application/json; charset=utf-8"`, "      body: {a: 1}\n    responses: [{status: 204}]\n", ""},
		{"bytes with an example", "image/png", "      body: {a: 1}\n    responses: [{status: 204}]\n",
			"bb.yaml:8:17: endpoint upload: the request's Content-Type is image/png, so its body is not JSON and cannot have a JSON example or schema"},
		{"bytes with a body condition", "text/csv", "    responses:\n      - when: {body.a: 1}\n        status: 400\n      - status: 204\n",
			"bb.yaml:10:16: endpoint upload: when body.a: the request's Content-Type is text/csv, not JSON, so it has no keys to compare"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, FileName), []byte(fmt.Sprintf(head, tt.ct)+tt.rest), 0o644)
			_, err := Load(dir)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v\nwant an error containing %q", err, tt.want)
			}
		})
	}
}

// TestDeclaredContentTypeIsSent checks that the Content-Type a client expects for each
// response is the one the stub server sends: bb serve, the ejected server and the
// generated clients read one answer alike.
func TestDeclaredContentTypeIsSent(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join("..", "scaffold", "swift", "testdata", "specs", "*"))
	examples, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*"))
	checked := 0
	for _, dir := range append(dirs, examples...) {
		s, err := Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range s.Endpoints {
			for i, r := range e.Responses {
				sent := r.Answer().Header.Get("Content-Type")
				if t2, _, err := mime.ParseMediaType(sent); err == nil {
					sent = t2
				}
				if want := r.DeclaredContentType(); sent != want && !(want == "application/json" && r.Body == nil && r.BodyFile == "") {
					t.Errorf("%s: %s response %d: the client expects %q, the stub sends %q", dir, e.Name, i+1, want, sent)
				}
				checked++
			}
		}
	}
	if checked < 50 {
		t.Fatalf("checked only %d responses", checked)
	}
}
