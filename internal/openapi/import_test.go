package openapi

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/backwards-backend/bb/internal/contract"
	"github.com/backwards-backend/bb/internal/runtime"
	"github.com/backwards-backend/bb/internal/spec"
	"github.com/backwards-backend/bb/internal/tables"
)

// importTo imports data into a fresh folder and loads the spec it wrote, as bb import
// and then bb serve would.
func importTo(t *testing.T, data []byte, source string) (*spec.Spec, *Imported) {
	t.Helper()
	return importFrom(t, data, source, nil)
}

// importFrom is importTo reading externalValue files with readFile.
func importFrom(t *testing.T, data []byte, source string, readFile func(string) ([]byte, error)) (*spec.Spec, *Imported) {
	t.Helper()
	res, err := ImportWith(data, source, readFile)
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	dir := t.TempDir()
	for name, body := range res.Files {
		f := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	file := filepath.Join(dir, spec.FileName)
	if err := os.WriteFile(file, res.Spec, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := spec.Load(file)
	if err != nil {
		t.Fatalf("the imported spec does not load: %v\n%s", err, res.Spec)
	}
	return s, res
}

// serve runs bb serve's router for s in-process on 127.0.0.1, port 0, its resources'
// records in a state file of its own.
func serve(t *testing.T, s *spec.Spec) *httptest.Server {
	t.Helper()
	store := tables.Open(filepath.Join(t.TempDir(), "state.db"))
	t.Cleanup(func() { store.Close() })
	if _, err := runtime.SyncState(context.Background(), store, s); err != nil {
		t.Fatal(err)
	}
	// Seeded alike, so templates with uuid or random answer the same in both servers.
	srv := httptest.NewServer(runtime.Compile(s, runtime.Options{Store: store, Play: &contract.Play{Faults: true, Rand: contract.NewRand(1)}}))
	t.Cleanup(srv.Close)
	return srv
}

// reply is what a server answered.
type reply struct {
	status int
	ctype  string
	header http.Header
	body   []byte
}

func send(t *testing.T, srv *httptest.Server, c spec.Case) reply {
	t.Helper()
	target := srv.URL + c.Path
	if len(c.Query) > 0 {
		target += "?" + c.Query.Encode()
	}
	var body io.Reader
	if c.Body != nil {
		body = bytes.NewReader(c.Body.JSON())
	}
	req, err := http.NewRequest(c.Method, target, body)
	if err != nil {
		t.Fatal(err)
	}
	for k, vs := range c.Header {
		req.Header[k] = vs
	}
	if c.Body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return reply{resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header, data}
}

var importDocs = []string{"petstore.yaml", "refs.yaml", "composition.yaml", "nullable30.yaml", "nullable31.json", "noexamples.yaml", "media.yaml"}

// TestImportGolden keeps what each test document imports to, bb.yaml and its warnings,
// under testdata/import-golden (go test ./internal/openapi -update rewrites them).
func TestImportGolden(t *testing.T) {
	for _, name := range importDocs {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "import", name))
			if err != nil {
				t.Fatal(err)
			}
			res, err := Import(data, name)
			if err != nil {
				t.Fatal(err)
			}
			again, _ := Import(data, name)
			if !bytes.Equal(res.Spec, again.Spec) {
				t.Fatal("two imports gave different specs")
			}
			var warnings strings.Builder
			for _, w := range res.Warnings {
				fmt.Fprintln(&warnings, w)
			}
			files := map[string][]byte{spec.FileName: res.Spec, "warnings.txt": []byte(warnings.String())}
			for f, data := range res.Files {
				files[f] = data
			}
			dir := filepath.Join("testdata", "import-golden", strings.TrimSuffix(name, filepath.Ext(name)))
			if *update {
				os.RemoveAll(dir)
				for f, data := range files {
					p := filepath.Join(dir, filepath.FromSlash(f))
					if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(p, data, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				return
			}
			for f, data := range files {
				want, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)))
				if err != nil {
					t.Fatalf("%v (run go test ./internal/openapi -update)", err)
				}
				if !bytes.Equal(want, data) {
					t.Errorf("%s/%s differs from the golden file (run go test ./internal/openapi -update):\n%s", dir, f, firstDiff(want, data))
				}
			}
		})
	}
}

// TestImportServesTheDocument imports each test document, serves the spec, sends every
// request the spec's examples imply, and checks each answer against the document with
// kin-openapi: a status the operation declares, a media type it declares, and a body
// its schema accepts, samples included.
func TestImportServesTheDocument(t *testing.T) {
	for _, name := range importDocs {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "import", name))
			if err != nil {
				t.Fatal(err)
			}
			s, _ := importTo(t, data, name)
			loader := openapi3.NewLoader()
			doc, err := loader.LoadFromData(data)
			if err != nil {
				t.Fatal(err)
			}
			// kin-openapi does not know components.pathItems (OpenAPI 3.1) yet.
			if err := doc.Validate(context.Background(), openapi3.DisableExamplesValidation(), openapi3.AllowExtraSiblingFields("pathItems")); err != nil {
				t.Fatalf("the test document itself is not valid: %v", err)
			}
			ops := map[string]*openapi3.Operation{}
			for p, item := range doc.Paths.Map() {
				for m, op := range item.Operations() {
					ops[routeKey(m, p)] = op
				}
			}
			srv := serve(t, s)
			checked := 0
			for _, e := range s.Endpoints {
				op := ops[routeKey(e.Method, e.Path)]
				if op == nil {
					t.Fatalf("%s %s: no such operation in the document", e.Method, e.Path)
				}
				for _, c := range spec.Cases(e) {
					if c.Unreachable != "" {
						t.Errorf("%s: %s", c.Name(), c.Unreachable)
						continue
					}
					got := send(t, srv, c)
					if got.status != c.Response.Status {
						t.Errorf("%s: status %d, want %d", c.Name(), got.status, c.Response.Status)
					}
					checkAnswer(t, doc, op, c.Name(), got)
					checked++
				}
			}
			if checked == 0 {
				t.Fatal("no request was checked")
			}
		})
	}
}

var paramPart = regexp.MustCompile(`\{[^}]*\}`)

func routeKey(method, path string) string {
	return strings.ToUpper(method) + " " + paramPart.ReplaceAllString(path, "{}")
}

// checkAnswer checks one answer against the operation's responses.
func checkAnswer(t *testing.T, doc *openapi3.T, op *openapi3.Operation, name string, got reply) {
	t.Helper()
	resp := op.Responses.Status(got.status)
	if resp == nil {
		resp = op.Responses.Value(fmt.Sprintf("%dXX", got.status/100))
	}
	if resp == nil {
		resp = op.Responses.Default()
	}
	if resp == nil || resp.Value == nil {
		t.Errorf("%s: status %d is not among the operation's responses", name, got.status)
		return
	}
	if len(resp.Value.Content) == 0 {
		if len(got.body) > 0 {
			t.Errorf("%s: a body where the document declares none: %s", name, got.body)
		}
		return
	}
	mt, _, _ := mime.ParseMediaType(got.ctype)
	media := resp.Value.Content.Get(mt)
	if media == nil {
		t.Errorf("%s: media type %q is not among %v", name, mt, slices.Collect(func(yield func(string) bool) {
			for k := range resp.Value.Content {
				if !yield(k) {
					return
				}
			}
		}))
		return
	}
	if !jsonMedia(mt) {
		if media.Example != nil && string(got.body) != media.Example.(string) {
			t.Errorf("%s: body %q, want the example %q", name, got.body, media.Example)
		}
		return
	}
	var v any
	if err := json.Unmarshal(got.body, &v); err != nil {
		t.Errorf("%s: not JSON: %v", name, err)
		return
	}
	if media.Schema == nil {
		return
	}
	var opts []openapi3.SchemaValidationOption
	if doc.IsOpenAPI31OrLater() {
		opts = append(opts, openapi3.EnableJSONSchema2020())
	}
	if err := media.Schema.Value.VisitJSON(v, opts...); err != nil {
		t.Errorf("%s: the body does not fit the document's schema: %v\n%s", name, err, got.body)
	}
}

// TestImportWarnings: what bb.yaml cannot say is a warning at its JSON pointer.
func TestImportWarnings(t *testing.T) {
	want := map[string][]string{
		"petstore.yaml": {
			"#/components/schemas/Pets: bb's schema: has no place for maxItems",
			"#/paths/~1pets/get/responses/default: the default response answers as 500",
			"#/servers/0/url: the API lives under /v1; bb serves its paths without it",
			"#: documentation bb.yaml has no place for: tags (of 1 operation)",
		},
		"refs.yaml": {
			"#/components/schemas/Folder: the schema refers to itself",
			"#/components/schemas/NewFolder/properties/name: bb's schema: has no place for minLength",
		},
		"composition.yaml": {
			"#/components/schemas/Animal/oneOf: oneOf of 2 objects becomes one object",
			"#/components/schemas/Animal: bb's schema: has no place for discriminator",
			"#/paths/~1search/get/responses/200/content/application~1json/schema/properties/hits/items/anyOf: anyOf of 2 different types becomes any value",
		},
		"noexamples.yaml": {
			"#/paths/~1bookings/post/requestBody/content/application~1json/schema/properties/room: bb's schema: has no place for pattern, minLength, maxLength",
		},
		"media.yaml": {
			`#/paths/~1reports~1{id}.csv: segment "{id}.csv" mixes a parameter with text`,
			`#/paths/~1reports~1{id}/get/parameters/1: cookie parameter "session"`,
			"#/paths/~1reports~1{id}/get/responses/200/content/application~1xml: bb answers with one media type per response, text/csv here",
			"#/paths/~1reports/post/requestBody/content/multipart~1form-data: a multipart/form-data request body",
			"#/paths/~1reports/trace: bb serves GET, POST",
			"#/paths/~1reports~1{id}~1chart/get/responses/200/content/image~1png: a image/png body with no example",
		},
		"nullable30.yaml": nil,
		"nullable31.json": nil,
	}
	for name, wants := range want {
		data, err := os.ReadFile(filepath.Join("testdata", "import", name))
		if err != nil {
			t.Fatal(err)
		}
		res, err := Import(data, name)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, w := range res.Warnings {
			got = append(got, w.String())
		}
		for _, w := range wants {
			if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, w) }) {
				t.Errorf("%s: no warning %q among\n%s", name, w, strings.Join(got, "\n"))
			}
		}
		if wants == nil && len(got) > 0 {
			t.Errorf("%s: warnings where the document says nothing bb cannot:\n%s", name, strings.Join(got, "\n"))
		}
	}
}

// TestImportNullable: both spellings of nullable give the same bb types: nickname
// required but may be null, avatar optional and nullable, status a nullable enum.
func TestImportNullable(t *testing.T) {
	var sets []string
	for _, name := range []string{"nullable30.yaml", "nullable31.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", "import", name))
		if err != nil {
			t.Fatal(err)
		}
		s, _ := importTo(t, data, name)
		ts, err := spec.InferTypes(s, spec.InferOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var get *spec.EndpointTypes
		for _, et := range ts.Endpoints {
			if et.Endpoint.Name == "getProfile" {
				get = et
			}
		}
		var b strings.Builder
		for _, f := range get.Response.Object.Fields {
			fmt.Fprintf(&b, "%s:%s optional=%t nullable=%t enum=%v; ", f.Key, f.Type.Kind, f.Optional, f.Type.Nullable, f.Type.Enum)
		}
		sets = append(sets, b.String())
	}
	want := "name:string optional=false nullable=false enum=[]; nickname:string optional=false nullable=true enum=[]; " +
		"avatar:object optional=true nullable=true enum=[]; status:string optional=true nullable=true enum=[online away]; "
	for i, got := range sets {
		if got != want {
			t.Errorf("document %d types the profile as\n%s\nwant\n%s", i, got, want)
		}
	}
}

// TestImportPrefer: the first success answers by default; Prefer picks the others.
func TestImportPrefer(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "import", "petstore.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	s, _ := importTo(t, data, "petstore.yaml")
	srv := serve(t, s)
	for _, c := range []struct {
		prefer string
		status int
		body   string
	}{
		{"", 200, `[{"id":1,"name":"Rex","tag":"dog"},{"id":2,"name":"Tom"}]`},
		{"example=none", 200, `[]`},
		{"code=500", 500, `{"code":500,"message":"unexpected"}`},
	} {
		req, _ := http.NewRequest("GET", srv.URL+"/pets", nil)
		if c.prefer != "" {
			req.Header.Set("Prefer", c.prefer)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.status || string(body) != c.body {
			t.Errorf("Prefer %q: %d %s, want %d %s", c.prefer, resp.StatusCode, body, c.status, c.body)
		}
	}
}

// largeDocument writes an OpenAPI document of n resources with five operations each.
func largeDocument(n int) []byte {
	var b strings.Builder
	b.WriteString("openapi: 3.0.3\ninfo: {title: Large, version: \"1\"}\npaths:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `  /r%[1]d:
    get:
      operationId: listR%[1]d
      parameters: [{name: page, in: query, schema: {type: integer}}]
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/R%[1]d"}}}}}
    post:
      operationId: createR%[1]d
      requestBody: {content: {application/json: {schema: {$ref: "#/components/schemas/R%[1]d"}}}}
      responses:
        "201": {description: created, content: {application/json: {schema: {$ref: "#/components/schemas/R%[1]d"}}}}
        "422": {$ref: "#/components/responses/Problem"}
  /r%[1]d/{id}:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    get:
      responses:
        "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/R%[1]d"}}}}
        "404": {$ref: "#/components/responses/Problem"}
    put:
      responses:
        "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/R%[1]d"}}}}
    delete:
      responses:
        "204": {description: gone}
`, i)
	}
	b.WriteString("components:\n  responses:\n    Problem: {description: problem, content: {application/json: {schema: {type: object, required: [message], properties: {message: {type: string}}}}}}\n  schemas:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "    R%d: {type: object, required: [id, name], properties: {id: {type: string, format: uuid}, name: {type: string}, size: {type: integer, nullable: true}, tags: {type: array, items: {type: string}}}}\n", i)
	}
	return []byte(b.String())
}

// TestImportLarge: a document of 520 operations imports to a spec of 520 endpoints
// that loads, every name unique, every route its own.
func TestImportLarge(t *testing.T) {
	data := largeDocument(104)
	s, res := importTo(t, data, "large.yaml")
	if len(s.Endpoints) != 520 || res.Endpoints != 520 {
		t.Fatalf("%d endpoints, want 520", len(s.Endpoints))
	}
	if len(res.Warnings) != 0 {
		t.Errorf("warnings: %v", res.Warnings[:min(5, len(res.Warnings))])
	}
	names := map[string]bool{}
	for _, e := range s.Endpoints {
		if names[e.Name] {
			t.Errorf("endpoint %s twice", e.Name)
		}
		names[e.Name] = true
	}
	for _, want := range []string{"listR0", "createR103", "getR7ById", "putR7ById", "deleteR103ById"} {
		if !names[want] {
			t.Errorf("no endpoint %s", want)
		}
	}
}

func BenchmarkImportLarge(b *testing.B) {
	data := largeDocument(104)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Import(data, "large.yaml"); err != nil {
			b.Fatal(err)
		}
	}
}

// TestImportFormats keeps bbFormats equal to what bb's schema: takes: every one loads,
// and a format bb does not know is left out with a warning rather than refused.
func TestImportFormats(t *testing.T) {
	for _, f := range bbFormats {
		text := "version: 1\nendpoints:\n  a:\n    method: GET\n    path: /a\n    responses:\n      - body: x\n        schema: {type: string, format: " + strconv.Quote(f) + "}\n"
		if _, err := spec.Parse("bb.yaml", []byte(text)); err != nil {
			t.Errorf("format %s: %v", f, err)
		}
	}
	doc := `openapi: 3.1.0
info: {title: F, version: "1"}
paths:
  /a:
    get:
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: string, format: date-tme}}}}
`
	s, res := importTo(t, []byte(doc), "f.yaml")
	if len(s.Endpoints) != 1 || len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].Msg, "format date-tme") {
		t.Errorf("warnings %v", res.Warnings)
	}
}

// TestImportRefuses: what is no OpenAPI 3 document is an error, not an empty spec.
func TestImportRefuses(t *testing.T) {
	for _, c := range []struct{ doc, want string }{
		{"swagger: '2.0'\ninfo: {title: x}\n", "Swagger 2.0"},
		{"a: [1, 2\n", "not YAML or JSON"},
		{"- 1\n", "not a mapping"},
		{"info: {title: x}\n", "no `openapi:` version"},
		{"openapi: 3.1.0\ninfo: {title: x, version: '1'}\npaths: {}\n", "no operation"},
	} {
		_, err := Import([]byte(c.doc), "x.yaml")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want %q", c.doc, err, c.want)
		}
	}
}

// TestImportOddDocuments: what bb could not load (a header the server sets itself, a
// whole number past 64 bits, an example nested past bb's limit, a hand-edited
// x-bb-responses) is left out with a warning, and the spec still loads.
func TestImportOddDocuments(t *testing.T) {
	deep := strings.Repeat("[", 70) + strings.Repeat("]", 70)
	doc := `openapi: 3.1.0
info: {title: Odd, version: "1"}
paths:
  /a:
    get:
      operationId: odd
      responses:
        "200":
          description: ok
          headers:
            Transfer-Encoding: {schema: {type: string}, example: chunked}
          content:
            application/json:
              examples:
                big: {value: {n: 123456789012345678901234567890}}
                deep: {value: ` + deep + `}
  /b:
    get:
      operationId: edited
      responses:
        "200":
          description: ok
          x-bb-responses:
            - {response: 1, when: {bdy.x: 1, query.q: {a: 1}}, delay: -1s, headers: {Content-Length: "3"}}
`
	s, res := importTo(t, []byte(doc), "odd.yaml")
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.String())
	}
	for _, want := range []string{
		"#/paths/~1a/get/responses/200/headers/Transfer-Encoding: Transfer-Encoding is set by the server",
		"#/paths/~1a/get/responses/200/content/application~1json/examples/deep: the example nests deeper than 60 levels",
		`#/paths/~1b/get/responses/200/x-bb-responses/0/when/bdy.x: condition "bdy.x" is not one bb reads`,
		`#/paths/~1b/get/responses/200/x-bb-responses/0/when/query.q: condition "query.q" is not one bb reads`,
		`#/paths/~1b/get/responses/200/x-bb-responses/0/delay: delay "-1s" is not a duration`,
		`#/paths/~1b/get/responses/200/x-bb-responses/0/headers/Content-Length: header "Content-Length" is not one bb can send`,
	} {
		if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, want) }) {
			t.Errorf("no warning %q among\n%s", want, strings.Join(got, "\n"))
		}
	}
	if !bytes.Contains(res.Spec, []byte(`"n": 1.2345678901234568e+29`)) {
		t.Errorf("the big number is not kept as a float:\n%s", res.Spec)
	}
	if len(s.Endpoints) != 2 {
		t.Errorf("%d endpoints", len(s.Endpoints))
	}
}

// TestImportOneSchemaPerClass: bb types all successes of an endpoint with one schema,
// the default answer's, even when another success comes first in bb.yaml.
func TestImportOneSchemaPerClass(t *testing.T) {
	doc := `openapi: 3.1.0
info: {title: Two, version: "1"}
paths:
  /things:
    post:
      operationId: addThing
      responses:
        "201":
          description: created
          content: {application/json: {schema: {type: object, required: [id], properties: {id: {type: integer}}}}}
        "200":
          description: existed
          content: {application/json: {schema: {type: object, required: [name], properties: {name: {type: string}}}}}
`
	s, res := importTo(t, []byte(doc), "two.yaml")
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].Msg, "status 201 has another schema than the endpoint's default answer") {
		t.Errorf("warnings %v", res.Warnings)
	}
	ts, err := spec.InferTypes(s, spec.InferOptions{})
	if err != nil {
		t.Fatal(err)
	}
	fields := ts.Endpoints[0].Response.Object.Fields
	if len(fields) != 1 || fields[0].Key != "name" {
		t.Errorf("the successes are typed by %v, want the 200's {name}", fields)
	}
}

// TestImportedSpecsFitTheEditorSchema: every spec bb import writes validates against
// the JSON Schema of bb.yaml that its first line names.
func TestImportedSpecsFitTheEditorSchema(t *testing.T) {
	raw, err := jsonschema.UnmarshalJSON(bytes.NewReader(spec.JSONSchema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("bb.schema.json", raw); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("bb.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string][]byte{"large.yaml": largeDocument(10)}
	chat, err := Generate(load(t, "../../examples/chat"), FormatYAML) // with x-bb-resources
	if err != nil {
		t.Fatal(err)
	}
	docs["chat.yaml"] = chat
	for _, name := range importDocs {
		data, err := os.ReadFile(filepath.Join("testdata", "import", name))
		if err != nil {
			t.Fatal(err)
		}
		docs[name] = data
	}
	for name, data := range docs {
		res, err := Import(data, name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(res.Spec, []byte("# yaml-language-server: $schema=.bb/bb.schema.json\n")) {
			t.Errorf("%s: the spec does not start with the schema line", name)
		}
		var v any
		if err := yaml.Unmarshal(res.Spec, &v); err != nil {
			t.Fatal(err)
		}
		j, _ := json.Marshal(v)
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%s: the imported spec does not fit bb.schema.json: %v", name, err)
		}
	}
}

// TestLookup reads local JSON pointers as $ref writes them: ~1 for '/', ~0 for '~',
// percent-encoding undone first.
func TestLookup(t *testing.T) {
	doc, err := read([]byte(`{"a/b": {"c~d": [1, {"e f": 2}]}}`))
	if err != nil {
		t.Fatal(err)
	}
	for ref, want := range map[string]any{
		"#/a~1b/c~0d/0":         json.Number("1"),
		"#/a~1b/c~0d/1/e%20f":   json.Number("2"),
		"#/a%7E1b/c~0d/1/e%20f": json.Number("2"),
		"#/nope":                nil,
		"other.yaml#/a":         nil,
	} {
		got, ok := lookup(doc, ref)
		if ok != (want != nil) || ok && got != want {
			t.Errorf("%s: %v %v, want %v", ref, got, ok, want)
		}
	}
}

// TestImportRefSiblings: keywords beside a $ref hold too (nullable, as many 3.0
// documents write it, and a description).
func TestImportRefSiblings(t *testing.T) {
	doc := `openapi: 3.0.3
info: {title: Sib, version: "1"}
paths:
  /p:
    get:
      operationId: getP
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                required: [avatar]
                properties:
                  avatar: {$ref: "#/components/schemas/Image", nullable: true, description: The picture.}
components:
  schemas:
    Image: {type: object, required: [url], properties: {url: {type: string}}}
`
	s, res := importTo(t, []byte(doc), "sib.yaml")
	if len(res.Warnings) > 0 {
		t.Errorf("warnings: %v", res.Warnings)
	}
	ts, err := spec.InferTypes(s, spec.InferOptions{})
	if err != nil {
		t.Fatal(err)
	}
	f := ts.Endpoints[0].Response.Object.Fields[0]
	if f.Key != "avatar" || f.Optional || !f.Type.Nullable || f.Type.Kind != spec.TypeObject {
		t.Errorf("avatar: %s optional=%t nullable=%t, want a required nullable object", f.Type.Kind, f.Optional, f.Type.Nullable)
	}
	if !bytes.Contains(res.Spec, []byte("description: The picture.")) {
		t.Errorf("the description is lost:\n%s", res.Spec)
	}
}

// TestImportResources: x-bb-resources comes back as resources:, the operations that say
// they are a resource's routes fold into it rather than becoming endpoints of their own,
// and what is not a resource is a warning.
func TestImportResources(t *testing.T) {
	doc := `openapi: 3.1.0
info: {title: Chat, version: "1"}
paths:
  /api/messages:
    get:
      operationId: listMessages
      x-bb-resource: {resource: messages, op: list}
      responses:
        "200": {description: ok, x-bb-responses: [{response: 1}]}
  /api/ping:
    get:
      operationId: ping
      responses:
        "204": {description: pong}
x-bb-resources:
  messages:
    path: /api/messages
    id: {field: id, type: int}
    seed: [{id: 1, text: hello}]
    color: blue
  2bad: {path: /x}
  notes: [1, 2]
`
	s, res := importTo(t, []byte(doc), "chat.yaml")
	if len(s.Resources) != 1 || s.Resources[0].Name != "messages" || s.Resources[0].Path != "/api/messages" || len(s.Resources[0].Seed) != 1 {
		t.Fatalf("resources %+v", s.Resources)
	}
	var names []string
	for _, e := range s.Endpoints {
		names = append(names, e.Name)
	}
	if want := "ping listMessages getMessage createMessage replaceMessage updateMessage deleteMessage"; strings.Join(names, " ") != want {
		t.Errorf("endpoints %v, want %s", names, want)
	}
	if res.Endpoints != 1 || res.Resources != 1 {
		t.Errorf("%d endpoints, %d resources; want 1 and 1", res.Endpoints, res.Resources)
	}
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.String())
	}
	want := []string{
		`#/x-bb-resources/messages/color: "color" is not a key of a resource; left out`,
		`#/x-bb-resources/2bad: resource name "2bad" must start with a letter and hold only letters, digits and '_'; left out`,
		`#/x-bb-resources/notes: a resource is a mapping (path, id, seed, schema); left out`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
