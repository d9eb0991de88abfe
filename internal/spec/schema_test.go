package spec

import (
	"strings"
	"testing"
)

func TestSchemaOverridesInference(t *testing.T) {
	ts := infer(t, `version: 1
name: T
endpoints:
  getThing:
    method: POST
    path: /thing
    request:
      body: {name: x}
      schema:
        type: object
        properties:
          name: {type: string}
          nickname: {type: [string, "null"]}
        required: [name, nickname]
    responses:
      - body: {at: "2024", tags: [], score: 1, kind: a, extra: {}}
        schema:
          type: object
          required: [at, tags, score, kind, extra, sizes]
          properties:
            at: {type: string, format: date-time}
            tags: {type: array, items: {type: string}}
            score: {type: number}
            kind: {type: string, enum: [a, b]}
            extra: {type: object, additionalProperties: {type: integer}}
            sizes: {type: object}
            owner:
              type: object
              nullable: true
              properties: {id: {type: integer}}
              required: [id]
            either: {type: [integer, number]}
            anything: {}
`)
	e := ts.Endpoints[0]
	if got, want := show(e.Request), "GetThingRequest{name:string, nickname:string?}"; got != want {
		t.Errorf("request: got %s, want %s", got, want)
	}
	want := "GetThingResponse{at:date-time, tags:[string], score:double, kind:string(a|b), extra:{:int}, sizes:{:any}, owner?:Owner{id:int}?, either?:double, anything?:any}"
	if got := show(e.Response); got != want {
		t.Errorf("response:\ngot  %s\nwant %s", got, want)
	}
}

func TestSchemaErrors(t *testing.T) {
	tests := []struct {
		name   string
		schema string
		want   string
	}{
		{"misspelt keyword", `{type: object, propertes: {a: {type: string}}}`, `11:32: unknown keyword "propertes" in schema; did you mean "properties"?`},
		{"unknown keyword", `{type: string, zzzzzz: 1}`, `11:32: unknown keyword "zzzzzz" in schema; bb reads only type, properties`},
		{"misspelt type", `{type: strng}`, `11:24: schema: "strng" is not a JSON Schema type (string, integer, number, boolean, array, object, null); did you mean "string"?`},
		{"type list", `{type: [string, nul]}`, `did you mean "null"?`},
		{"type not text", `{type: 3}`, `schema: type must be a type name or a list of them, not 3`},
		{"not a mapping", `string`, `11:17: schema must be a mapping of JSON Schema keywords such as ` + "`type: string`" + `, not the text "string"`},
		{"required unknown", `{type: object, properties: {name: {type: string}}, required: [nmae]}`, `required names "nmae", which is not under properties; did you mean "name"?`},
		{"required not a list", `{type: object, properties: {a: {}}, required: a}`, `required must be a list of property names`},
		{"nested error", `{type: object, properties: {a: {type: array, items: {type: intger}}}}`, `schema.properties.a.items: "intger" is not a JSON Schema type`},
		{"items on a string", `{type: string, items: {type: string}}`, `items applies to arrays, but the type is string`},
		{"properties on an array", `{type: array, properties: {}}`, `properties applies to objects, but the type is array`},
		{"nullable not bool", `{type: string, nullable: yes please}`, `nullable must be true or false`},
		{"misspelt format", `{type: string, format: date-tme}`, `unknown format "date-tme"; did you mean "date-time"?`},
		{"enum not a list", `{type: string, enum: a}`, `enum must be a non-empty list`},
		{"enum mismatch", `{type: integer, enum: [a]}`, `enum value "a" is text, but the type is integer`},
		{"additionalProperties", `{type: object, additionalProperties: 3}`, `additionalProperties must be true, false or a schema`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := `version: 1
name: T
endpoints:
  getThing:
    method: GET
    path: /thing
    responses:
      - status: 200
        body: {}
        schema:
          ` + "x: " + tt.schema + "\n"
			// Indent so the schema value sits at line 11, column 17.
			src = strings.Replace(src, "schema:\n          x: ", "schema: \n          x: ", 1)
			src = strings.Replace(src, "        schema: \n          x: ", "        schema:\n                ", 1)
			_, err := Parse("bb.yaml", []byte(src))
			if err == nil {
				t.Fatalf("no error for %s", tt.schema)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q\ndoes not contain %q", err, tt.want)
			}
		})
	}
}

func TestSchemaValid(t *testing.T) {
	for _, schema := range []string{
		`{type: string, format: email, description: a mail address, example: a@b.c}`,
		`{type: string, format: x-custom}`,
		`{type: [object, "null"], properties: {}, additionalProperties: false}`,
		`{enum: [a, b], title: Kind, default: a}`,
		`{items: {type: integer}}`,
	} {
		src := "version: 1\nendpoints:\n  a:\n    method: GET\n    path: /a\n    responses:\n      - body: {}\n        schema: " + schema + "\n"
		if _, err := Parse("bb.yaml", []byte(src)); err != nil {
			t.Errorf("%s: %v", schema, err)
		}
	}
}
