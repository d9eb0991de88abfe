package openapi

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math/big"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/backwards-backend/bb/internal/spec"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// corpus lists every example spec and the generators' test specs, by name.
func corpus(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, pattern := range []string{"../../examples/*", "../scaffold/swift/testdata/specs/*", "../scaffold/eject/testdata/specs/*", "testdata/specs/*"} {
		files, _ := filepath.Glob(filepath.Join(pattern, spec.FileName))
		if len(files) == 0 {
			t.Fatalf("no specs match %s", pattern)
		}
		for _, f := range files {
			name := filepath.Base(filepath.Dir(f))
			if strings.HasPrefix(pattern, "../../examples") {
				name = "example-" + name
			}
			out[name] = filepath.Dir(f)
		}
	}
	return out
}

func load(t *testing.T, dir string) *spec.Spec {
	t.Helper()
	s, err := spec.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestExportGolden keeps the YAML document of every spec of the corpus under
// testdata/golden/<name>.yaml (go test ./internal/openapi -update rewrites them).
func TestExportGolden(t *testing.T) {
	for name, dir := range corpus(t) {
		t.Run(name, func(t *testing.T) {
			got, err := Generate(load(t, dir), FormatYAML)
			if err != nil {
				t.Fatal(err)
			}
			again, _ := Generate(load(t, dir), FormatYAML)
			if !bytes.Equal(got, again) {
				t.Fatal("two runs gave different documents")
			}
			file := filepath.Join("testdata", "golden", name+".yaml")
			if *update {
				if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/openapi -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the golden file (run go test ./internal/openapi -update):\n%s", file, firstDiff(want, got))
			}
		})
	}
}

func firstDiff(want, got []byte) string {
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, w, g)
		}
	}
	return ""
}

// TestExportValid loads every document with kin-openapi, validates it as OpenAPI 3.1,
// and checks every example (bodies and parameters) against its own schema with a
// draft 2020-12 validator.
func TestExportValid(t *testing.T) {
	for name, dir := range corpus(t) {
		t.Run(name, func(t *testing.T) {
			s := load(t, dir)
			for _, format := range []string{FormatYAML, FormatJSON} {
				data, err := Generate(s, format)
				if err != nil {
					t.Fatal(err)
				}
				validOpenAPI(t, data)
			}
			data, _ := Generate(s, FormatJSON)
			n := checkExamples(t, data)
			if n == 0 {
				t.Fatal("the document has no examples")
			}
		})
	}
}

// validOpenAPI fails the test when kin-openapi refuses data.
func validOpenAPI(t *testing.T, data []byte) *openapi3.T {
	t.Helper()
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(data)
	if err != nil {
		t.Fatalf("kin-openapi cannot load the document: %v", err)
	}
	if !doc.IsOpenAPI31OrLater() {
		t.Fatalf("openapi is %q, want 3.1", doc.OpenAPI)
	}
	// Examples are checked by checkExamples with a draft 2020-12 validator: kin-openapi
	// checks an example against a schema that uses $ref with its OpenAPI 3.0 rules,
	// where {} (any value) refuses null.
	if err := doc.Validate(context.Background(), openapi3.DisableExamplesValidation()); err != nil {
		t.Fatalf("kin-openapi: the document is not valid: %v", err)
	}
	return doc
}

// checkExamples validates every example of the JSON document data against the schema
// beside it and returns how many it checked.
func checkExamples(t *testing.T, data []byte) int {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource("doc.json", doc); err != nil {
		t.Fatal(err)
	}
	count := 0
	var walk func(v any, ptr string)
	walk = func(v any, ptr string) {
		switch x := v.(type) {
		case map[string]any:
			if _, ok := x["schema"].(map[string]any); ok {
				var examples []any
				var where []string
				if ex, ok := x["example"]; ok {
					examples, where = append(examples, ex), append(where, ptr+"/example")
				}
				if exs, ok := x["examples"].(map[string]any); ok {
					for k, ex := range exs {
						examples, where = append(examples, ex.(map[string]any)["value"]), append(where, ptr+"/examples/"+k)
					}
				}
				if len(examples) > 0 {
					sch, err := c.Compile((&url.URL{Path: "doc.json", Fragment: ptr + "/schema"}).String())
					if err != nil {
						t.Fatalf("%s/schema: %v", ptr, err)
					}
					for i, ex := range examples {
						count++
						if err := sch.Validate(ex); err != nil {
							t.Errorf("%s does not fit its schema: %v", where[i], err)
						}
					}
				}
			}
			for k, child := range x {
				if k == "example" || k == "examples" || strings.HasPrefix(k, "x-") {
					continue
				}
				walk(child, ptr+"/"+strings.ReplaceAll(strings.ReplaceAll(k, "~", "~0"), "/", "~1"))
			}
		case []any:
			for i, child := range x {
				walk(child, fmt.Sprintf("%s/%d", ptr, i))
			}
		}
	}
	walk(doc, "")
	return count
}

// TestExportModel checks what the document says against the type model: one operation
// per endpoint named after it, the component schemas named as the type model names
// them for every generator, and presence and null by the shared rule.
func TestExportModel(t *testing.T) {
	for name, dir := range corpus(t) {
		t.Run(name, func(t *testing.T) {
			s := load(t, dir)
			data, err := Generate(s, FormatJSON)
			if err != nil {
				t.Fatal(err)
			}
			doc := validOpenAPI(t, data)
			var ops []string
			for _, item := range doc.Paths.Map() {
				for _, op := range item.Operations() {
					ops = append(ops, op.OperationID)
				}
			}
			var names []string
			for _, e := range s.Endpoints {
				names = append(names, e.Name)
			}
			slices.Sort(ops)
			slices.Sort(names)
			if !slices.Equal(ops, names) {
				t.Errorf("operationIds %v, want the endpoint names %v", ops, names)
			}
			ts, err := spec.InferTypes(s, spec.InferOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var models, comps []string
			for _, o := range ts.Objects {
				models = append(models, o.Name)
			}
			if doc.Components != nil {
				for n := range doc.Components.Schemas {
					comps = append(comps, n)
				}
			}
			slices.Sort(models)
			slices.Sort(comps)
			if !slices.Equal(models, comps) {
				t.Errorf("component schemas %v, want the type model's objects %v", comps, models)
			}
		})
	}
}

// TestExportPresence pins the shared rule on bookshelf: a key every example has
// non-null is required; one some example holds null is optional and may be null.
func TestExportPresence(t *testing.T) {
	data, err := Generate(load(t, "../../examples/bookshelf"), FormatJSON)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Components struct {
			Schemas map[string]struct {
				Required   []string                   `json:"required"`
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	book := doc.Components.Schemas["GetBookResponse"]
	compact := func(raw json.RawMessage) string {
		var b bytes.Buffer
		_ = json.Compact(&b, raw)
		return b.String()
	}
	if !slices.Contains(book.Required, "title") || slices.Contains(book.Required, "series") {
		t.Errorf("required = %v; want title and not series", book.Required)
	}
	if got := compact(book.Properties["series"]); got != `{"anyOf":[{"$ref":"#/components/schemas/Series"},{"type":"null"}]}` {
		t.Errorf("series = %s; want a nullable reference to Series", got)
	}
	if got := compact(book.Properties["published_at"]); got != `{"type":"string","format":"date-time"}` {
		t.Errorf("published_at = %s", got)
	}
}

// TestExportFormats: the JSON and YAML documents hold the same data.
func TestExportFormats(t *testing.T) {
	for name, dir := range corpus(t) {
		s := load(t, dir)
		j, _ := Generate(s, FormatJSON)
		y, _ := Generate(s, FormatYAML)
		var fromYAML any
		if err := yaml.Unmarshal(y, &fromYAML); err != nil {
			t.Fatal(err)
		}
		yj, _ := json.Marshal(fromYAML)
		if !sameJSONValue(t, j, yj) {
			t.Errorf("%s: the YAML and JSON documents differ", name)
		}
		// A YAML 1.1 reader finds the same keys and names: on and off stay strings.
		for _, w := range []string{"on:", "off:", "yes:", "no:", "name: on\n", "name: off\n"} {
			if bytes.Contains(y, []byte(" "+w)) {
				t.Errorf("%s: the YAML holds %q unquoted, a boolean to YAML 1.1", name, w)
			}
		}
	}
}

// sameJSONValue reports whether two JSON texts hold the same value, numbers compared by
// their exact value (9007199254740993 is not 9007199254740992; -0.0 is -0).
func sameJSONValue(t *testing.T, a, b []byte) bool {
	t.Helper()
	decode := func(data []byte) any {
		d := json.NewDecoder(bytes.NewReader(data))
		d.UseNumber()
		var v any
		if err := d.Decode(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	var same func(x, y any) bool
	same = func(x, y any) bool {
		switch x := x.(type) {
		case map[string]any:
			y, ok := y.(map[string]any)
			if !ok || len(x) != len(y) {
				return false
			}
			for k, v := range x {
				if w, ok := y[k]; !ok || !same(v, w) {
					return false
				}
			}
			return true
		case []any:
			y, ok := y.([]any)
			if !ok || len(x) != len(y) {
				return false
			}
			for i := range x {
				if !same(x[i], y[i]) {
					return false
				}
			}
			return true
		case json.Number:
			y, ok := y.(json.Number)
			if !ok {
				return false
			}
			rx, okx := new(big.Rat).SetString(string(x))
			ry, oky := new(big.Rat).SetString(string(y))
			return okx && oky && rx.Cmp(ry) == 0
		}
		return x == y
	}
	return same(decode(a), decode(b))
}

// TestExport30: with --openapi 3.0 every document is valid OpenAPI 3.0 to kin-openapi,
// examples included (checked with 3.0's null rules), and says null only with nullable.
func TestExport30(t *testing.T) {
	for name, dir := range corpus(t) {
		t.Run(name, func(t *testing.T) {
			data, err := GenerateVersion(load(t, dir), FormatJSON, Version30)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := openapi3.NewLoader().LoadFromData(data)
			if err != nil {
				t.Fatal(err)
			}
			if doc.OpenAPI != Version30 {
				t.Fatalf("openapi: %s", doc.OpenAPI)
			}
			if err := doc.Validate(context.Background(), openapi3.EnableExamplesValidation()); err != nil {
				t.Fatalf("kin-openapi: not valid OpenAPI 3.0: %v", err)
			}
			// x-bb-resources carries bb.yaml's own resources, schemas as written, for
			// bb import: it is no OpenAPI schema.
			var doc30 map[string]any
			if err := json.Unmarshal(data, &doc30); err != nil {
				t.Fatal(err)
			}
			delete(doc30, "x-bb-resources")
			data, _ = json.Marshal(doc30)
			if bytes.Contains(data, []byte(`"null"`)) {
				t.Error(`the 3.0 document names the type "null"`)
			}
		})
	}
}
