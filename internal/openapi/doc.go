// Package openapi translates bb.yaml to OpenAPI 3.1 and OpenAPI 3.0 or 3.1 documents
// back to bb.yaml. Export reads the same type model the Swift and Go generators read;
// Import keeps what bb can say and warns, with a JSON pointer, about everything else.
package openapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/backwards-backend/bb/internal/spec"
)

// Map is a JSON object that keeps its keys in the order they were set, so the
// documents bb writes are the same bytes every time.
type Map struct {
	keys []string
	vals map[string]any
}

// NewMap returns an empty Map.
func NewMap() *Map { return &Map{vals: map[string]any{}} }

// Set sets key to v, keeping the key's first place, and returns m.
func (m *Map) Set(key string, v any) *Map {
	if _, ok := m.vals[key]; !ok {
		m.keys = append(m.keys, key)
	}
	m.vals[key] = v
	return m
}

// Get returns the value under key, or nil.
func (m *Map) Get(key string) any { return m.vals[key] }

// Keys lists the keys in order.
func (m *Map) Keys() []string { return m.keys }

// Len is the number of keys.
func (m *Map) Len() int { return len(m.keys) }

// MarshalJSON writes the object with its keys in order.
func (m *Map) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range m.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		b.Write(kb)
		b.WriteByte(':')
		vb, err := marshalJSON(m.vals[k])
		if err != nil {
			return nil, err
		}
		b.Write(vb)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func marshalJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// JSON encodes v (a *Map, []any, spec.Value or plain value) indented by two spaces.
func JSON(v any) ([]byte, error) {
	raw, err := marshalJSON(v)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := json.Indent(&b, raw, "", "  "); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// YAML encodes v as YAML indented by two spaces.
func YAML(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(node(v)); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// node turns a value into a YAML node that prints as the same JSON value.
func node(v any) *yaml.Node {
	switch x := v.(type) {
	case *Map:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for _, k := range x.keys {
			n.Content = append(n.Content, str(k), node(x.vals[k]))
		}
		if len(x.keys) == 0 {
			n.Style = yaml.FlowStyle
		}
		return n
	case []any:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, it := range x {
			n.Content = append(n.Content, node(it))
		}
		if len(x) == 0 {
			n.Style = yaml.FlowStyle
		}
		return n
	case []string:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, it := range x {
			n.Content = append(n.Content, str(it))
		}
		if len(x) == 0 {
			n.Style = yaml.FlowStyle
		}
		return n
	case spec.Value:
		return valueNode(&x)
	case *spec.Value:
		return valueNode(x)
	case string:
		return str(x)
	case json.Number:
		tag := "!!int"
		if strings.ContainsAny(string(x), ".eE") {
			tag = "!!float"
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: string(x)}
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(x)}
	case int:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(x)}
	case nil:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
	}
	panic(fmt.Sprintf("openapi: cannot write %T", v))
}

func str(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if yaml11Words[s] {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// yaml11Words are the strings a YAML 1.1 reader (PyYAML, SnakeYAML and the OpenAPI
// tools built on them) reads as a boolean, or as a merge key, where YAML 1.2 reads a
// string: a field named on or off is quoted so that it stays one.
var yaml11Words = map[string]bool{}

func init() {
	for _, w := range strings.Fields("y Y yes Yes YES n N no No NO on On ON off Off OFF <<") {
		yaml11Words[w] = true
	}
}

// valueNode writes a spec value as YAML, numbers as the spec wrote them.
func valueNode(v *spec.Value) *yaml.Node {
	switch v.Kind {
	case spec.Null:
		return node(nil)
	case spec.Bool:
		return node(v.Bool)
	case spec.Number:
		tag := "!!int"
		if !v.IsInt() {
			tag = "!!float"
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v.Num}
	case spec.String:
		return str(v.Str)
	case spec.Array:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for i := range v.Items {
			n.Content = append(n.Content, valueNode(&v.Items[i]))
		}
		if len(v.Items) == 0 {
			n.Style = yaml.FlowStyle
		}
		return n
	}
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for i := range v.Fields {
		n.Content = append(n.Content, str(v.Fields[i].Key), valueNode(&v.Fields[i].Value))
	}
	if len(v.Fields) == 0 {
		n.Style = yaml.FlowStyle
	}
	return n
}

// Delete removes key.
func (m *Map) Delete(key string) {
	if _, ok := m.vals[key]; !ok {
		return
	}
	delete(m.vals, key)
	m.keys = slices.DeleteFunc(m.keys, func(k string) bool { return k == key })
}
