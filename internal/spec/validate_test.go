package spec

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// dedent drops the first line break of a raw string literal and the tabs that indent
// its lines, so the specs in the tables can sit indented in Go code while the YAML itself
// is indented with spaces, as YAML requires.
func dedent(s string) string {
	lines := strings.Split(strings.TrimPrefix(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimLeft(l, "\t")
	}
	return strings.Join(lines, "\n")
}

// project makes a project folder holding the files bodyFile cases point at, and a file
// outside it for the escape cases. It returns the spec file path to hand to Parse.
func project(t testing.TB) string {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "app")
	for _, d := range []string{"app/responses", "app/folder"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for name, body := range map[string]string{
		"app/responses/ok.json":  `{"ok":true}`,
		"app/responses/bad.json": `{"ok":`,
		"secret.json":            `{"secret":true}`,
	} {
		if err := os.WriteFile(filepath.Join(root, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(root, "secret.json"), filepath.Join(dir, "link.json")); err != nil {
		t.Skipf("symlinks unavailable: %v", err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.json"), 0o644); err != nil {
		t.Skipf("named pipes unavailable: %v", err)
	}
	return filepath.Join(dir, FileName)
}

// wantErr is one expected error: its position as "line:col" and a distinctive part of
// its message.
type wantErr struct {
	at  string
	msg string
}

func TestParseErrors(t *testing.T) {
	file := project(t)
	tests := []struct {
		name string
		yaml string
		want []wantErr
	}{
		{"not YAML", `
			version: 1
			endpoints: [
			`, []wantErr{{"2:12", "not valid YAML: did not find expected node content"}}},
		{"empty file", ``, []wantErr{{"1:1", "the file is empty"}}},
		{"only a comment", `
			# nothing yet
			`, []wantErr{{"1:1", "the file is empty"}}},
		{"not a mapping", `
			- version: 1
			`, []wantErr{{"1:1", "not a bb spec: a spec is a YAML mapping that starts with `version: 1` (this file holds a list)"}}},
		{"missing version", `
			name: Shop
			endpoints:
			  a: {method: GET, path: /a, responses: [{status: 200}]}
			`, []wantErr{{"1:1", "missing `version: 1`"}}},
		{"version 2", `
			version: 2
			endpoints:
			  a: {method: GET, path: /a, responses: [{status: 200}]}
			`, []wantErr{{"1:10", "this spec says version 2, but this bb reads version 1 only"}}},
		{"version not a number", `
			version: one
			endpoints:
			  a: {method: GET, path: /a, responses: [{status: 200}]}
			`, []wantErr{{"1:10", `version must be 1, not the text "one"`}}},
		{"version twice", `
			version: 1
			version: 1
			endpoints:
			  a: {method: GET, path: /a, responses: [{status: 200}]}
			`, []wantErr{{"2:1", `"version" appears twice in the spec`}}},
		{"misspelt version", `
			verison: 1
			endpoints:
			  a: {method: GET, path: /a, responses: [{status: 200}]}
			`, []wantErr{{"1:1", `unknown key "verison" in the spec; did you mean "version"?`}}},
		{"unknown top-level key with suggestion", `
			version: 1
			sever: {port: 4000}
			endpoints:
			  a: {method: GET, path: /a, responses: [{status: 200}]}
			`, []wantErr{{"2:1", `unknown key "sever" in the spec; did you mean "server"?`}}},
		{"unknown top-level key without suggestion", `
			version: 1
			database: postgres
			endpoints:
			  a: {method: GET, path: /a, responses: [{status: 200}]}
			`, []wantErr{{"2:1", `unknown key "database" in the spec (known keys: version, name`}}},
		{"bad name", `
			version: 1
			name: 9lives
			endpoints:
			  a: {method: GET, path: /a, responses: [{status: 200}]}
			`, []wantErr{{"2:7", `name "9lives" must start with a letter`}}},
		{"missing endpoints", `
			version: 1
			name: Shop
			`, []wantErr{{"1:1", "missing `endpoints:`"}}},
		{"endpoints empty", `
			version: 1
			endpoints: {}
			`, []wantErr{{"2:12", "endpoints is empty"}}},
		{"endpoints with no value", `
			version: 1
			endpoints:
			`, []wantErr{{"2:11", "endpoints is empty"}}},
		{"endpoints a list", `
			version: 1
			endpoints:
			  - getUser
			`, []wantErr{{"3:3", "endpoints must be a mapping from operation name to endpoint, not a list"}}},
		{"server.port out of range", `
			version: 1
			server:
			  port: 70000
			endpoints:
			  a: {method: GET, path: /a, responses: [{status: 200}]}
			`, []wantErr{{"3:9", "server.port must be between 1 and 65535, not 70000"}}},
		{"server.port zero", `
			version: 1
			server: {port: 0}
			endpoints:
			  a: {method: GET, path: /a, responses: [{status: 200}]}
			`, []wantErr{{"2:16", "server.port must be between 1 and 65535, not 0"}}},
		{"server.port not a number", `
			version: 1
			server: {port: http}
			endpoints:
			  a: {method: GET, path: /a, responses: [{status: 200}]}
			`, []wantErr{{"2:16", `server.port must be a whole number, not the text "http"`}}},
		{"misspelt server key", `
			version: 1
			server: {prot: 4000}
			endpoints:
			  a: {method: GET, path: /a, responses: [{status: 200}]}
			`, []wantErr{{"2:10", `unknown key "prot" in server; did you mean "port"?`}}},
		{"misspelt endpoint key", `
			version: 1
			endpoints:
			  getUser:
			    mehtod: GET
			    path: /users
			    responses:
			      - status: 200
			`, []wantErr{{"4:5", `unknown key "mehtod" in endpoint getUser; did you mean "method"?`}}},
		{"misspelt responses key", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users
			    respones:
			      - status: 200
			`, []wantErr{{"6:5", `unknown key "respones" in endpoint getUser; did you mean "responses"?`}}},
		{"missing method, path and responses", `
			version: 1
			endpoints:
			  getUser:
			    summary: nothing else
			`, []wantErr{
			{"4:5", "endpoint getUser has no method"},
			{"4:5", "endpoint getUser has no path; add e.g. `path: /api/getUser`"},
			{"4:5", "endpoint getUser has no responses"},
		}},
		{"endpoint with no value", `
			version: 1
			endpoints:
			  getUser:
			`, []wantErr{
			{"3:11", "endpoint getUser has no method"},
			{"3:11", "endpoint getUser has no path"},
			{"3:11", "endpoint getUser has no responses"},
		}},
		{"endpoint not a mapping", `
			version: 1
			endpoints:
			  getUser: GET /users
			`, []wantErr{{"3:12", `endpoint getUser must be a mapping of keys to values, not the text "GET /users"`}}},
		{"misspelt response key", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users
			    responses:
			      - stauts: 404
			`, []wantErr{{"7:9", `unknown key "stauts" in endpoint getUser: response 1; did you mean "status"?`}}},
		{"misspelt bodyFile", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users
			    responses:
			      - bodyfile: responses/ok.json
			`, []wantErr{{"7:9", `unknown key "bodyfile" in endpoint getUser: response 1; did you mean "bodyFile"?`}}},
		{"misspelt request key", `
			version: 1
			endpoints:
			  addUser:
			    method: POST
			    path: /users
			    request:
			      boddy: {name: ada}
			    responses:
			      - status: 201
			`, []wantErr{{"7:7", `unknown key "boddy" in endpoint addUser: request; did you mean "body"?`}}},
		{"bad method with suggestion", `
			version: 1
			endpoints:
			  getUser:
			    method: GTE
			    path: /users
			    responses:
			      - status: 200
			`, []wantErr{{"4:13", `method "GTE" is not one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS; did you mean "GET"?`}}},
		{"bad method without suggestion", `
			version: 1
			endpoints:
			  getUser:
			    method: SUBSCRIBE
			    path: /users
			    responses:
			      - status: 200
			`, []wantErr{{"4:13", `method "SUBSCRIBE" is not one of GET`}}},
		{"method not text", `
			version: 1
			endpoints:
			  getUser:
			    method: [GET, POST]
			    path: /users
			    responses:
			      - status: 200
			`, []wantErr{{"4:13", "endpoint getUser: method must be text, not a list"}}},
		{"path without leading slash", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: users
			    responses:
			      - status: 200
			`, []wantErr{{"5:11", `path "users" must start with '/'`}}},
		{"path with empty segment", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /api//users
			    responses:
			      - status: 200
			`, []wantErr{{"5:11", `path "/api//users" has an empty segment ('//')`}}},
		{"path with bad param", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users/{1st}
			    responses:
			      - status: 200
			`, []wantErr{{"5:11", "path parameter {1st} must be a name of letters, digits and '_'"}}},
		{"path with empty param", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users/{}
			    responses:
			      - status: 200
			`, []wantErr{{"5:11", "path parameter {} must be a name"}}},
		{"path with duplicate param", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users/{id}/friends/{id}
			    responses:
			      - status: 200
			`, []wantErr{{"5:11", `path parameter {id} appears twice in "/users/{id}/friends/{id}"`}}},
		{"param not a whole segment", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users/user-{id}
			    responses:
			      - status: 200
			`, []wantErr{{"5:11", `path segment "user-{id}" must be either plain text or a whole {param}`}}},
		{"query in path", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users?page=1
			    responses:
			      - status: 200
			`, []wantErr{{"5:11", `path "/users?page=1" must not hold a query or fragment`}}},
		{"path with a space", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /all users
			    responses:
			      - status: 200
			`, []wantErr{{"5:11", `path segment "all users" holds characters that are not allowed in a URL path`}}},
		{"path with a bad escape", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users/100%
			    responses:
			      - status: 200
			`, []wantErr{{"5:11", `path segment "100%" has a '%' not followed by two hex digits`}}},
		{"duplicate method and path", `
			version: 1
			endpoints:
			  listUsers:
			    method: GET
			    path: /users
			    responses: [{status: 200}]
			  allUsers:
			    method: get
			    path: /users
			    responses: [{status: 200}]
			`, []wantErr{{"7:3", "endpoint allUsers: GET /users is already served by endpoint listUsers (line 3:3)"}}},
		{"duplicate path with other param names", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users/{id}
			    responses: [{status: 200}]
			  findUser:
			    method: GET
			    path: /users/{userId}
			    responses: [{status: 200}]
			`, []wantErr{{"7:3", "endpoint findUser: GET /users/{userId} is already served by endpoint getUser (line 3:3)"}}},
		{"ServeMux conflict", `
			version: 1
			endpoints:
			  first:
			    method: GET
			    path: /a/{x}/b
			    responses: [{status: 200}]
			  second:
			    method: GET
			    path: /a/b/{y}
			    responses: [{status: 200}]
			`, []wantErr{{"7:3", `endpoint second: GET /a/b/{y} conflicts with endpoint first (line 3:3): both match GET /a/b/b, and neither is more specific`}}},
		{"status out of range", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users
			    responses:
			      - status: 600
			`, []wantErr{{"7:17", "status 600 is not an HTTP status code (100-599)"}}},
		{"status below range", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users
			    responses:
			      - status: 42
			        body: {ok: true}
			`, []wantErr{{"7:17", "status 42 is not an HTTP status code (100-599)"}}},
		{"status not a whole number", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users
			    responses:
			      - when: {query.v: 1}
			        status: 200.5
			      - status: OK
			`, []wantErr{
			{"8:17", "response 1: status must be a whole number, not 200.5"},
			{"9:17", `response 2: status must be a whole number, not the text "OK"`},
		}},
		{"body on 204", `
			version: 1
			endpoints:
			  deleteUser:
			    method: DELETE
			    path: /users/{id}
			    responses:
			      - status: 204
			        body: {deleted: true}
			`, []wantErr{{"7:9", "response 1: status 204 never carries a body"}}},
		{"bodyFile on 304", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users
			    responses:
			      - status: 304
			        bodyFile: responses/ok.json
			`, []wantErr{{"7:9", "status 304 never carries a body"}}},
		{"body and bodyFile", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users
			    responses:
			      - body: {ok: true}
			        bodyFile: responses/ok.json
			`, []wantErr{{"7:9", "response 1 has both body and bodyFile; keep one"}}},
		{"operation name not an identifier", `
			version: 1
			endpoints:
			  get-user:
			    method: GET
			    path: /users
			    responses: [{status: 200}]
			`, []wantErr{{"3:3", `operation name "get-user" must start with a letter and hold only letters, digits and '_'`}}},
		{"operation name starting with an underscore", `
			version: 1
			endpoints:
			  _getUser:
			    method: GET
			    path: /users
			    responses: [{status: 200}]
			`, []wantErr{{"3:3", `operation name "_getUser" must start with a letter`}}},
		{"operation names differing in first-letter case", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users
			    responses: [{status: 200}]
			  GetUser:
			    method: GET
			    path: /people
			    responses: [{status: 200}]
			`, []wantErr{{"7:3", `operation names "getUser" and "GetUser" would both become the Go handler GetUser`}}},
		{"operation name twice", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users
			    responses: [{status: 200}]
			  getUser:
			    method: GET
			    path: /people
			    responses: [{status: 200}]
			`, []wantErr{{"7:3", `"getUser" appears twice in endpoints`}}},
		{"when: unknown source with suggestion", `
			version: 1
			endpoints:
			  getMessages:
			    method: POST
			    path: /messages
			    responses:
			      - when: {bdy.user: larry}
			      - status: 404
			`, []wantErr{{"7:16", `when key "bdy.user" must start with body., query., header. or path.; did you mean "body.user"?`}}},
		{"when: unknown source without suggestion", `
			version: 1
			endpoints:
			  getMessages:
			    method: POST
			    path: /messages
			    responses:
			      - when: {cookie.session: abc}
			`, []wantErr{{"7:16", `when key "cookie.session" must start with body., query., header. or path.`}}},
		{"when: empty body path", `
			version: 1
			endpoints:
			  getMessages:
			    method: POST
			    path: /messages
			    responses:
			      - when: {body.: larry}
			`, []wantErr{{"7:16", "the path after body. is empty"}}},
		{"when: bad body path step", `
			version: 1
			endpoints:
			  getMessages:
			    method: POST
			    path: /messages
			    responses:
			      - when:
			          body.user..name: larry
			          body.items[x]: 1
			          body.items[0: 1
			          body.items]0[: 1
			`, []wantErr{
			{"8:11", `when key "body.user..name": "" is not a valid step`},
			{"9:11", `when key "body.items[x]": "items[x]" is not a valid step`},
			{"10:11", `when key "body.items[0": "items[0" is not a valid step`},
			{"11:11", `when key "body.items]0[": "items]0[" is not a valid step`},
		}},
		{"when: body index too large", `
			version: 1
			endpoints:
			  getMessages:
			    method: POST
			    path: /messages
			    responses:
			      - when: {"body.items[99999999999999999999]": 1}
			`, []wantErr{{"7:16", "index [99999999999999999999] is too large"}}},
		{"when: query or header without a name", `
			version: 1
			endpoints:
			  listUsers:
			    method: GET
			    path: /users
			    responses:
			      - when: {query.: 1}
			      - when: {header.: 1}
			`, []wantErr{
			{"7:16", `when key "query." needs a name, e.g. query.page`},
			{"8:16", `when key "header." needs a name, e.g. header.Authorization`},
		}},
		{"when: bad header name", `
			version: 1
			endpoints:
			  listUsers:
			    method: GET
			    path: /users
			    responses:
			      - when: {header.X Token: 1}
			`, []wantErr{{"7:16", `"X Token" is not a valid header name`}}},
		{"when: path param not declared, with suggestion", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users/{userId}
			    responses:
			      - when: {path.userid: 1}
			      - status: 404
			`, []wantErr{{"7:16", `when key "path.userid" names no parameter of path "/users/{userId}"; did you mean "path.userId"?`}}},
		{"when: path param on a path without params", `
			version: 1
			endpoints:
			  listUsers:
			    method: GET
			    path: /users
			    responses:
			      - when: {path.id: 1}
			`, []wantErr{{"7:16", "the path has no {params}"}}},
		{"when: path param far from any", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users/{id}/posts/{postId}
			    responses:
			      - when: {path.author: 1}
			`, []wantErr{{"7:16", "(its params: id, postId)"}}},
		{"when: query, header and path values that are objects or lists", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users/{id}
			    responses:
			      - when: {query.page: {from: 1}}
			      - when: {header.X-Tags: [a, b]}
			      - when: {path.id: {n: 1}}
			`, []wantErr{
			{"7:28", "when query.page compares text, so its value must be a plain value, not object"},
			{"8:31", "when header.X-Tags compares text, so its value must be a plain value, not array"},
			{"9:25", "when path.id compares text, so its value must be a plain value, not object"},
		}},
		{"when not a mapping", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users
			    responses:
			      - when: [body.user, larry]
			`, []wantErr{{"7:15", "response 1: when must be a mapping of keys to values, not a list"}}},
		{"delay without a unit", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users
			    responses:
			      - delay: 300
			`, []wantErr{{"7:16", "delay 300 needs a unit, e.g. 300ms or 300s"}}},
		{"delay bad text", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users
			    responses:
			      - delay: soon
			`, []wantErr{{"7:16", `delay "soon" is not a duration; write e.g. 300ms, 2s, 1m, or a range 50ms..400ms`}}},
		{"delay negative", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users
			    responses:
			      - delay: -2s
			`, []wantErr{{"7:16", `delay "-2s" must not be negative`}}},
		{"delay too long", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users
			    responses:
			      - delay: 1h
			`, []wantErr{{"7:16", `delay "1h" is longer than 10m`}}},
		{"bodyFile absolute", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users
			    responses:
			      - bodyFile: /etc/passwd
			`, []wantErr{{"7:19", `bodyFile "/etc/passwd" must be a path relative to the project folder`}}},
		{"bodyFile outside via ..", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users
			    responses:
			      - bodyFile: responses/../../secret.json
			`, []wantErr{{"7:19", `bodyFile "responses/../../secret.json" points outside the project folder`}}},
		{"bodyFile missing", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users
			    responses:
			      - bodyFile: responses/missing.json
			`, []wantErr{{"7:19", `bodyFile "responses/missing.json" does not exist`}}},
		{"bodyFile a folder", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users
			    responses:
			      - bodyFile: folder
			`, []wantErr{{"7:19", `bodyFile "folder" is a folder, not a file`}}},
		{"bodyFile a named pipe", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users
			    responses:
			      - bodyFile: pipe.json
			`, []wantErr{{"7:19", `bodyFile "pipe.json" is not a regular file`}}},
		{"bodyFile a symlink leading outside", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users
			    responses:
			      - bodyFile: link.json
			`, []wantErr{{"7:19", `bodyFile "link.json" links outside the project folder`}}},
		{"response after a fallback", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users/{id}
			    responses:
			      - status: 404
			      - when: {path.id: 1}
			        status: 200
			`, []wantErr{{"8:9", "response 2 can never answer: the response before it has no `when`, so it always matches; move the fallback last"}}},
		{"responses empty", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users
			    responses: []
			`, []wantErr{{"6:16", "endpoint getUser: responses is empty; add at least one"}}},
		{"responses with no value", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users
			    responses:
			`, []wantErr{{"6:15", "endpoint getUser: responses is empty; add at least one"}}},
		{"responses not a list", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users
			    responses:
			      status: 200
			`, []wantErr{{"7:7", "endpoint getUser: responses must be a list (each item starts with '-'), not a mapping"}}},
		{"response not a mapping", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users
			    responses:
			      - 200
			`, []wantErr{{"7:9", "endpoint getUser: response 1 must be a mapping of keys to values, not 200"}}},
		{"request query and header examples that are not plain", `
			version: 1
			endpoints:
			  listUsers:
			    method: GET
			    path: /users
			    request:
			      query: {filter: {age: 3}}
			      headers: {X-Tags: [a, b], "Bad Header": x}
			    responses: [{status: 200}]
			`, []wantErr{
			{"7:23", "request.query.filter: an example must be a plain value, not object"},
			{"8:25", "request.headers.X-Tags: an example must be a plain value, not array"},
			{"8:33", `request.headers: "Bad Header" is not a valid header name`},
		}},
		{"response header not a single value", `
			version: 1
			endpoints:
			  listUsers:
			    method: GET
			    path: /users
			    responses:
			      - headers: {X-Total: [1, 2]}
			`, []wantErr{{"7:28", "response 1: headers.X-Total: an example must be a plain value, not array"}}},
		{"duplicate key in a body", `
			version: 1
			endpoints:
			  listUsers:
			    method: GET
			    path: /users
			    responses:
			      - body: {id: 1, id: 2}
			`, []wantErr{{"7:23", `key "id" appears twice in this object`}}},
		{"YAML merge key in a body", `
			version: 1
			base: &base {id: 1}
			endpoints:
			  listUsers:
			    method: GET
			    path: /users
			    responses:
			      - body: {<<: *base, name: ada}
			`, []wantErr{
			{"2:1", `unknown key "base" in the spec`},
			{"8:16", "YAML merge keys (<<) are not supported in bodies"},
		}},
		{"number JSON cannot carry", `
			version: 1
			endpoints:
			  listUsers:
			    method: GET
			    path: /users
			    responses:
			      - body: {n: .inf}
			`, []wantErr{{"7:19", ".inf is not a number JSON can carry"}}},
		{"YAML aliases expanding too far", `
			version: 1
			endpoints:
			  list:
			    method: GET
			    path: /list
			    responses:
			      - when: {body.a: &a [x, x, x, x, x, x, x, x, x, x]}
			      - when: {body.b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]}
			      - when: {body.c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]}
			      - when: {body.d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]}
			      - when: {body.e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]}
			      - body: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
			`, []wantErr{{"12:44", "YAML aliases expand this file to more than 1000000 values here"}}},
		{"aliases nested across responses", `
			version: 1
			endpoints:
			  list:
			    method: GET
			    path: /list
			    responses:
			      - &r {when: {body.a: &a [x, x, x, x, x, x, x, x, x, x]}, body: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]}
			      - &s {when: {body.c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]}, body: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]}
			      - &t {when: {body.e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]}, body: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]}
			`, []wantErr{{"9:109", "YAML aliases expand this file to more than 1000000 values here"}}},
		{"a second YAML document", `
			version: 1
			endpoints:
			  ping: {method: GET, path: /ping, responses: [{status: 204}]}
			---
			garbage: [
			`, []wantErr{{"1:1", "a spec is one YAML document"}}},
		{"1xx status", `
			version: 1
			endpoints:
			  ping:
			    method: GET
			    path: /ping
			    responses:
			      - status: 103
			`, []wantErr{{"7:17", "status 103 is informational: a 1xx status cannot end a response"}}},
		{"framing header", `
			version: 1
			endpoints:
			  ping:
			    method: GET
			    path: /ping
			    responses:
			      - headers: {content-length: 3, X-Ok: yes}
			        body: {a: 1}
			`, []wantErr{{"7:19", "header content-length is set by the server from the body and the connection; remove it"}}},
		{"all errors at once, in line order", `
			version: 2
			endpoints:
			  getUser:
			    method: GTE
			    path: /users/{id}
			    responses:
			      - when: {path.uid: 1}
			        stauts: 200
			      - status: 404
			        delay: 300
			`, []wantErr{
			{"1:10", "version 2"},
			{"4:13", `did you mean "GET"?`},
			{"7:16", `did you mean "path.id"?`},
			{"8:9", `did you mean "status"?`},
			{"10:16", "needs a unit"},
		}},
		{"a broken when does not make the next response unreachable", `
			version: 1
			endpoints:
			  getMessages:
			    method: POST
			    path: /messages
			    responses:
			      - when: {bdy.user: larry}
			        body: {messages: []}
			      - status: 404
			`, []wantErr{{"7:16", `did you mean "body.user"?`}}},
		{"a broken path does not also conflict", `
			version: 1
			endpoints:
			  getUser:
			    method: GET
			    path: /users/{1st}
			    responses: [{status: 200}]
			  getOther:
			    method: GET
			    path: /users/{x}
			    responses: [{status: 200}]
			`, []wantErr{{"5:11", "path parameter {1st} must be a name"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := dedent(tt.yaml)
			s, err := Parse(file, []byte(data))
			if err == nil {
				t.Fatalf("Parse succeeded with %d endpoints; want errors:\n%s", len(s.Endpoints), data)
			}
			if s != nil {
				t.Errorf("Parse returned a spec along with errors")
			}
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("Parse error is %T (%v), want ErrorList", err, err)
			}
			var got []string
			for _, e := range list {
				got = append(got, e.Error())
			}
			if len(list) != len(tt.want) {
				t.Fatalf("got %d errors, want %d:\n%s", len(list), len(tt.want), strings.Join(got, "\n"))
			}
			for i, w := range tt.want {
				e := list[i]
				if e.File != file {
					t.Errorf("error %d names file %q, want %q", i, e.File, file)
				}
				if at := fmt.Sprintf("%d:%d", e.Pos.Line, e.Pos.Col); at != w.at {
					t.Errorf("error %d at %s, want %s: %s", i, at, w.at, e.Msg)
				}
				if !strings.Contains(e.Msg, w.msg) {
					t.Errorf("error %d = %q\nwant it to contain %q", i, e.Msg, w.msg)
				}
				if prefix := file + ":" + w.at + ": "; !strings.HasPrefix(e.Error(), prefix) {
					t.Errorf("error %d prints as %q, want prefix %q", i, e.Error(), prefix)
				}
			}
		})
	}
}

// TestBodyFileNotJSON: a .json bodyFile that is not JSON is reported at the line and
// column inside it where the JSON goes wrong, naming the response that sends it.
func TestBodyFileNotJSON(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"bb.yaml":              "version: 1\nendpoints:\n  getBooks:\n    method: GET\n    path: /books\n    responses:\n      - when: {query.q: a}\n        bodyFile: responses/books.json\n      - when: {query.q: x}\n        bodyFile: responses/empty.json\n      - bodyFile: responses/books.json\n",
		"responses/books.json": "{\n  \"books\": [\n    {\"id\": 1,}\n  ]\n}\n",
		"responses/empty.json": "\n",
	} {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	file := filepath.Join(dir, "bb.yaml")
	_, err := Load(file)
	want := filepath.Join(dir, "responses", "books.json") + ":3:14: not valid JSON: invalid character '}' looking for beginning of object key string (the bodyFile of endpoint getBooks: response 1, " + file + ":8:19)\n" +
		filepath.Join(dir, "responses", "empty.json") + ":2:1: not valid JSON: the file is empty (the bodyFile of endpoint getBooks: response 2, " + file + ":10:19)\n" +
		filepath.Join(dir, "responses", "books.json") + ":3:14: not valid JSON: invalid character '}' looking for beginning of object key string (the bodyFile of endpoint getBooks: response 3, " + file + ":11:19)"
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}
