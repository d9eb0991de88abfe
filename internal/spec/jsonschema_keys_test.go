package spec

import (
	"encoding/json"
	"slices"
	"sort"
	"strings"
	"testing"
)

// TestJSONSchemaKeys keeps the JSON Schema of bb.yaml in step with the keys the loader
// reads: a key added to the spec and not to bb.schema.json fails here.
func TestJSONSchemaKeys(t *testing.T) {
	var root map[string]any
	if err := json.Unmarshal(JSONSchema(), &root); err != nil {
		t.Fatal(err)
	}
	at := func(path ...string) map[string]any {
		m := root
		for _, p := range path {
			next, ok := m[p].(map[string]any)
			if !ok {
				t.Fatalf("the schema has no %s", strings.Join(path, "/"))
			}
			m = next
		}
		return m
	}
	keys := func(m map[string]any) []string {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	for _, c := range []struct {
		where string
		path  []string
		want  []string
	}{
		{"the top", []string{"properties"}, topKeys},
		{"server", []string{"properties", "server", "properties"}, serverKeys},
		{"server.cors", []string{"properties", "server", "properties", "cors", "properties"}, []string{"origins"}},
		{"an endpoint", []string{"$defs", "endpoint", "properties"}, endpointKeys},
		{"request", []string{"$defs", "endpoint", "properties", "request", "properties"}, requestKeys},
		{"a response", []string{"$defs", "response", "properties"}, responseKeys},
		{"example", []string{"$defs", "example", "properties"}, exampleKeys},
		{"schema", []string{"$defs", "schema", "properties"}, schemaKeys},
		{"a resource", []string{"$defs", "resource", "properties"}, resourceKeys},
	} {
		want := slices.Clone(c.want)
		sort.Strings(want)
		if got := keys(at(c.path...)); !slices.Equal(got, want) {
			t.Errorf("bb.schema.json lists %v for %s; the loader reads %v", got, c.where, want)
		}
	}
	var methodEx []string
	for _, m := range at("$defs", "endpoint", "properties", "method")["examples"].([]any) {
		methodEx = append(methodEx, m.(string))
	}
	if !slices.Equal(methodEx, methods) {
		t.Errorf("the schema's methods %v, the loader's %v", methodEx, methods)
	}
	var types []string
	for _, m := range at("$defs", "typeName")["enum"].([]any) {
		types = append(types, m.(string))
	}
	if a, b := slices.Sorted(slices.Values(types)), slices.Sorted(slices.Values(schemaTypes)); !slices.Equal(a, b) {
		t.Errorf("the schema's types %v, the loader's %v", a, b)
	}
}

// TestJSONSchemaDocumented: every key the schema names has a description and examples,
// which editors show on hover and offer on completion.
func TestJSONSchemaDocumented(t *testing.T) {
	var root map[string]any
	if err := json.Unmarshal(JSONSchema(), &root); err != nil {
		t.Fatal(err)
	}
	defs := root["$defs"].(map[string]any)
	var walk func(m map[string]any, where string)
	walk = func(m map[string]any, where string) {
		props, _ := m["properties"].(map[string]any)
		for k, v := range props {
			p := v.(map[string]any)
			here := where + "." + k
			target := p
			if ref, ok := p["$ref"].(string); ok {
				target = defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
			}
			if _, ok := p["description"]; !ok {
				if _, ok := target["description"]; !ok {
					t.Errorf("%s has no description", here)
				}
			}
			if _, ok := p["examples"]; !ok {
				if _, ok := target["examples"]; !ok {
					t.Errorf("%s has no examples", here)
				}
			}
			if _, ok := p["$ref"]; !ok {
				walk(p, here)
			}
		}
	}
	walk(root, "")
	for name, d := range defs {
		walk(d.(map[string]any), "$defs."+name)
	}
}
