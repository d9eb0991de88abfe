package openapi

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// maxDocValues bounds the values a document may hold with its YAML aliases written
// out, so a few lines of aliases cannot stand for billions of values.
const maxDocValues = 1_000_000

// read parses an OpenAPI document, YAML or JSON, into ordered values: *Map, []any,
// string, bool, json.Number and nil.
func read(data []byte) (any, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("not YAML or JSON: %w", err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, fmt.Errorf("the document is empty")
	}
	r := &reader{}
	v := r.value(doc.Content[0], 0)
	if r.err != nil {
		return nil, r.err
	}
	return v, nil
}

type reader struct {
	count int
	err   error
}

func (r *reader) value(n *yaml.Node, depth int) any {
	if r.err != nil {
		return nil
	}
	r.count++
	if r.count > maxDocValues {
		r.err = fmt.Errorf("the document holds more than %d values with its aliases written out", maxDocValues)
		return nil
	}
	if depth > 200 {
		r.err = fmt.Errorf("line %d: the document nests deeper than 200 levels", n.Line)
		return nil
	}
	switch n.Kind {
	case yaml.AliasNode:
		return r.value(n.Alias, depth+1)
	case yaml.MappingNode:
		m := NewMap()
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Tag == "!!merge" {
				// << merges the keys of the mapping it names, the document's own keys winning.
				merged, _ := r.value(n.Content[i+1], depth+1).(*Map)
				if merged != nil {
					for _, mk := range merged.Keys() {
						if m.Get(mk) == nil {
							m.Set(mk, merged.Get(mk))
						}
					}
				}
				continue
			}
			m.Set(k.Value, r.value(n.Content[i+1], depth+1))
		}
		return m
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			out = append(out, r.value(c, depth+1))
		}
		return out
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return nil
		case "!!bool":
			b, _ := strconv.ParseBool(strings.ToLower(n.Value))
			return b
		case "!!int", "!!float":
			lit := strings.ReplaceAll(n.Value, "_", "")
			if i, err := strconv.ParseInt(lit, 0, 64); err == nil {
				return json.Number(strconv.FormatInt(i, 10))
			}
			if u, err := strconv.ParseUint(lit, 0, 64); err == nil {
				return json.Number(strconv.FormatUint(u, 10))
			}
			if f, err := strconv.ParseFloat(lit, 64); err == nil && !strings.ContainsAny(lit, ".eE") {
				// A whole number past 64 bits: bb keeps it as the nearest float.
				return json.Number(strconv.FormatFloat(f, 'e', -1, 64))
			}
			if f, err := strconv.ParseFloat(lit, 64); err == nil {
				if json.Valid([]byte(lit)) {
					return json.Number(lit)
				}
				return json.Number(strconv.FormatFloat(f, 'g', -1, 64))
			}
			return n.Value
		}
		return n.Value
	}
	return nil
}

// pointer appends a token to a JSON pointer, escaped.
func pointer(base string, tokens ...string) string {
	for _, t := range tokens {
		base += "/" + strings.ReplaceAll(strings.ReplaceAll(t, "~", "~0"), "/", "~1")
	}
	return base
}

// lookup finds a local JSON pointer ("#/components/schemas/Pet") in doc.
func lookup(doc any, ref string) (any, bool) {
	frag, ok := strings.CutPrefix(ref, "#")
	if !ok {
		return nil, false
	}
	if frag == "" {
		return doc, true
	}
	if !strings.HasPrefix(frag, "/") {
		return nil, false
	}
	cur := doc
	for _, tok := range strings.Split(frag[1:], "/") {
		if t, err := url.PathUnescape(tok); err == nil {
			tok = t // a fragment may be percent-encoded
		}
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch x := cur.(type) {
		case *Map:
			if _, has := x.vals[tok]; !has {
				return nil, false
			}
			cur = x.Get(tok)
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(x) {
				return nil, false
			}
			cur = x[i]
		default:
			return nil, false
		}
	}
	return cur, true
}

func asMap(v any) *Map {
	m, _ := v.(*Map)
	return m
}

func asString(v any) (string, bool) {
	s, ok := v.(string)
	return s, ok
}
