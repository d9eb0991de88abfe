package spec_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/backwards-backend/bb/internal/scaffold"
	"github.com/backwards-backend/bb/internal/spec"
)

// compileSchema compiles bb.schema.json with a real draft 2020-12 validator.
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(spec.JSONSchema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource("bb.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("bb.schema.json")
	if err != nil {
		t.Fatalf("bb.schema.json does not compile: %v", err)
	}
	return sch
}

// schemaAccepts validates YAML text against the schema as an editor would: the YAML
// read into JSON values.
func schemaAccepts(t *testing.T, sch *jsonschema.Schema, data []byte) error {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		return err
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	return sch.Validate(inst)
}

// TestJSONSchemaAcceptsTheCorpus: every example spec, the generators' test specs and
// what bb init writes load with bb check and validate against the schema.
func TestJSONSchemaAcceptsTheCorpus(t *testing.T) {
	sch := compileSchema(t)
	var files []string
	for _, pattern := range []string{"../../examples/*/bb.yaml", "../scaffold/swift/testdata/specs/*/bb.yaml", "../scaffold/eject/testdata/specs/*/bb.yaml"} {
		m, _ := filepath.Glob(pattern)
		if len(m) == 0 {
			t.Fatalf("no specs match %s", pattern)
		}
		files = append(files, m...)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := spec.Load(f); err != nil {
			t.Errorf("%s: bb check refuses it: %v", f, err)
		}
		if err := schemaAccepts(t, sch, data); err != nil {
			t.Errorf("%s: the schema refuses it: %v", f, err)
		}
	}
	init, err := scaffold.InitFiles("Demo")
	if err != nil {
		t.Fatal(err)
	}
	if err := schemaAccepts(t, sch, init[spec.FileName]); err != nil {
		t.Errorf("bb init's bb.yaml: the schema refuses it: %v", err)
	}
}

// TestJSONSchemaAgreesWithCheck: on a catalogue of specs, valid ones and ones with a
// mistake in their shape, the schema and bb check give the same verdict, so an editor
// never flags what bb takes, nor takes what bb refuses.
func TestJSONSchemaAgreesWithCheck(t *testing.T) {
	sch := compileSchema(t)
	const head = "version: 1\nendpoints:\n  ping:\n"
	ok := head + "    method: GET\n    path: /ping\n"
	cases := []struct {
		name  string
		valid bool
		text  string
	}{
		{"minimal", true, ok + "    responses: [{status: 204}]\n"},
		{"lower-case method, null request", true, head + "    method: get\n    path: /ping/{id}/\n    request:\n    responses: [{body: {ok: true}}]\n"},
		{"every key", true, `version: 1
name: my-app
description: demo
server: {port: 4100, host: 0.0.0.0, cors: {origins: [http://localhost:5173]}}
endpoints:
  addItem_2:
    summary: adds
    method: POST
    path: /v1/items/{id}
    request:
      body: {name: x, tags: [a]}
      schema: {type: object, required: [name], properties: {name: {type: string, description: the name}, tags: {type: array, items: {type: string}}, due: {type: [string, "null"], format: date-time}, meta: {type: object, additionalProperties: {type: integer}}, state: {enum: [a, b], nullable: true}}}
      query: {page: 1, ids: [1, 2]}
      headers: {Authorization: Bearer t, X-Count: 2}
    responses:
      - when: {body.name: x, query.page: 1, header.Authorization: Bearer t, path.id: 7, body: {name: x}}
        status: 201
        headers: {Location: /v1/items/7, X-Rate: 1.5}
        delay: 1m30s
        body: {id: 7}
        schema: {type: object, properties: {id: {type: integer}}, title: Item, default: {}, example: {id: 1}}
      - when: {body.name: y}
        example: {body: {name: y}, query: {page: 2}, headers: {X-Count: 3}, path: {id: 8}}
        status: 202
      - status: 404
        body: {error: none}
`},
		{"unknown top key", false, "version: 1\nendpoint:\n  ping: {method: GET, path: /ping, responses: [{status: 204}]}\n"},
		{"no version", false, "endpoints:\n  ping: {method: GET, path: /ping, responses: [{status: 204}]}\n"},
		{"version 2", false, "version: 2\nendpoints:\n  ping: {method: GET, path: /ping, responses: [{status: 204}]}\n"},
		{"no endpoints", false, "version: 1\nname: x\n"},
		{"empty endpoints", false, "version: 1\nendpoints: {}\n"},
		{"operation name with a dash", false, "version: 1\nendpoints:\n  get-ping: {method: GET, path: /ping, responses: [{status: 204}]}\n"},
		{"name starting with a digit", false, "version: 1\nname: \"123\"\nendpoints:\n  ping: {method: GET, path: /ping, responses: [{status: 204}]}\n"},
		{"unknown method", false, head + "    method: FETCH\n    path: /ping\n    responses: [{status: 204}]\n"},
		{"no method", false, head + "    path: /ping\n    responses: [{status: 204}]\n"},
		{"no path", false, head + "    method: GET\n    responses: [{status: 204}]\n"},
		{"no responses", false, ok},
		{"path without slash", false, head + "    method: GET\n    path: ping\n    responses: [{status: 204}]\n"},
		{"path with a query", false, head + "    method: GET\n    path: /ping?x=1\n    responses: [{status: 204}]\n"},
		{"path with half a param", false, head + "    method: GET\n    path: /files/{name}.json\n    responses: [{status: 204}]\n"},
		{"path with an empty segment", false, head + "    method: GET\n    path: /a//b\n    responses: [{status: 204}]\n"},
		{"path param starting with a digit", false, head + "    method: GET\n    path: /a/{1id}\n    responses: [{status: 204}]\n"},
		{"summary null", false, head + "    summary:\n    method: GET\n    path: /ping\n    responses: [{status: 204}]\n"},
		{"unknown endpoint key", false, ok + "    respones: [{status: 204}]\n    responses: [{status: 204}]\n"},
		{"empty responses", false, ok + "    responses: []\n"},
		{"responses a mapping", false, ok + "    responses: {status: 204}\n"},
		{"unknown response key", false, ok + "    responses: [{stauts: 204}]\n"},
		{"status 99", false, ok + "    responses: [{status: 99}]\n"},
		{"status 700", false, ok + "    responses: [{status: 700}]\n"},
		{"status 101", false, ok + "    responses: [{status: 101}]\n"},
		{"status as text", false, ok + "    responses: [{status: ok}]\n"},
		{"204 with a body", false, ok + "    responses: [{status: 204, body: {a: 1}}]\n"},
		{"body and bodyFile", false, ok + "    responses: [{body: {a: 1}, bodyFile: a.json}]\n"},
		{"absolute bodyFile", false, ok + "    responses: [{bodyFile: /etc/passwd}]\n"},
		{"bodyFile outside", false, ok + "    responses: [{bodyFile: ../a.json}]\n"},
		{"delay without unit", false, ok + "    responses: [{status: 204, delay: 300}]\n"},
		{"delay not a duration", false, ok + "    responses: [{status: 204, delay: soon}]\n"},
		{"negative delay", false, ok + "    responses: [{status: 204, delay: -1s}]\n"},
		{"response header name with a space", false, ok + "    responses: [{status: 204, headers: {X Bad: 1}}]\n"},
		{"response header Content-Length", false, ok + "    responses: [{status: 204, headers: {content-length: 3}}]\n"},
		{"response header a list", false, ok + "    responses: [{status: 204, headers: {X-A: [1]}}]\n"},
		{"when on an unknown place", false, ok + "    responses: [{when: {bdy.user: a}, status: 204}, {status: 204}]\n"},
		{"when query an object", false, ok + "    responses: [{when: {query.q: {a: 1}}, status: 204}, {status: 204}]\n"},
		{"when header without a name", false, ok + "    responses: [{when: {header.: a}, status: 204}, {status: 204}]\n"},
		{"when a list", false, ok + "    responses: [{when: [a], status: 204}, {status: 204}]\n"},
		{"unknown request key", false, head + "    method: GET\n    path: /ping\n    request: {bodies: {}}\n    responses: [{status: 204}]\n"},
		{"request header a list", false, head + "    method: GET\n    path: /ping\n    request: {headers: {X-A: [1]}}\n    responses: [{status: 204}]\n"},
		{"request header name with a colon", false, head + "    method: GET\n    path: /ping\n    request: {headers: {\"X:A\": 1}}\n    responses: [{status: 204}]\n"},
		{"query an object", false, head + "    method: GET\n    path: /ping\n    request: {query: {q: {a: 1}}}\n    responses: [{status: 204}]\n"},
		{"unknown schema keyword", false, ok + "    responses: [{body: a, schema: {type: string, minLength: 1}}]\n"},
		{"unknown schema type", false, ok + "    responses: [{body: a, schema: {type: text}}]\n"},
		{"schema nullable as text", false, ok + "    responses: [{body: a, schema: {type: string, nullable: yes please}}]\n"},
		{"schema a list", false, ok + "    responses: [{body: a, schema: [string]}]\n"},
		{"schema empty enum", false, ok + "    responses: [{body: a, schema: {enum: []}}]\n"},
		{"schema required not a list", false, ok + "    responses: [{body: {}, schema: {type: object, properties: {a: {}}, required: a}}]\n"},
		{"unknown example key", false, ok + "    responses: [{status: 204, example: {bdy: {}}}]\n"},
		{"example path a list", false, head + "    method: GET\n    path: /p/{id}\n    responses: [{status: 204, example: {path: {id: [1]}}}]\n"},
		{"port too large", false, "version: 1\nserver: {port: 70000}\nendpoints:\n  ping: {method: GET, path: /ping, responses: [{status: 204}]}\n"},
		{"unknown server key", false, "version: 1\nserver: {prot: 4000}\nendpoints:\n  ping: {method: GET, path: /ping, responses: [{status: 204}]}\n"},
		{"unknown cors key", false, "version: 1\nserver: {cors: {origin: x}}\nendpoints:\n  ping: {method: GET, path: /ping, responses: [{status: 204}]}\n"},
	}
	dir := t.TempDir()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := []byte(c.text)
			file := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-")+".yaml")
			_, checkErr := spec.Parse(file, data)
			schemaErr := schemaAccepts(t, sch, data)
			if (checkErr == nil) != c.valid {
				t.Errorf("bb check: %v, want valid=%t", checkErr, c.valid)
			}
			if (schemaErr == nil) != c.valid {
				t.Errorf("the schema: %v, want valid=%t", schemaErr, c.valid)
			}
		})
	}
}
