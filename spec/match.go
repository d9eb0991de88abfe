package spec

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
)

// Incoming is what a `when` condition can look at in a request, already taken apart. The
// stub server fills it from each request it answers; Cases fills it from the requests it
// derives, so both read conditions with the same rules.
type Incoming struct {
	Body      any  // the JSON body, decoded with UseNumber
	HasBody   bool // false: no body (a body condition never holds)
	Query     url.Values
	Header    http.Header
	Host      string // net/http keeps the Host header here, not in Header
	PathValue func(name string) string
}

// Test reports whether c holds for in. When it does not, got is what the request holds
// where c looks (a string for query, header and path), and found is false when it holds
// nothing there.
func (c *Condition) Test(in *Incoming) (held bool, got any, found bool) {
	switch c.Source {
	case SourceBody:
		if in.HasBody {
			got, found = walk(in.Body, c.Steps)
		}
		return found && c.Value.Equal(got), got, found
	case SourceQuery:
		if vs, ok := in.Query[c.Name]; ok && len(vs) > 0 {
			for _, v := range vs {
				if TextEqual(&c.Value, v) {
					return true, v, true
				}
			}
			return false, vs[0], true
		}
	case SourceHeader:
		vs := in.Header.Values(c.Name)
		if in.Host != "" && strings.EqualFold(c.Name, "Host") {
			vs = []string{in.Host}
		}
		if len(vs) > 0 {
			for _, v := range vs {
				if TextEqual(&c.Value, v) {
					return true, v, true
				}
			}
			return false, vs[0], true
		}
	case SourcePath:
		if in.PathValue != nil {
			v := in.PathValue(c.Name)
			return TextEqual(&c.Value, v), v, true
		}
	}
	return false, nil, false
}

// Answering returns the 1-based index of the response of e that answers in: the first
// whose conditions all hold, or 0 when none does.
func (e *Endpoint) Answering(in *Incoming) int {
	for i, r := range e.Responses {
		if r.Holds(in) {
			return i + 1
		}
	}
	return 0
}

// Holds reports whether every condition of r holds for in.
func (r *Response) Holds(in *Incoming) bool {
	for i := range r.When {
		if held, _, _ := r.When[i].Test(in); !held {
			return false
		}
	}
	return true
}

// TextEqual compares a spec value with text from a query, header or path: numbers by
// value (page=2 matches 2 and 2.0), everything else by its text.
func TextEqual(v *Value, s string) bool {
	if v.Kind == Number {
		// Only JSON number text counts: 0x2, 4/2 and +2 are not the number 2.
		return v.Equal(json.Number(s))
	}
	return v.Text() == s
}

func walk(doc any, steps []Step) (any, bool) {
	cur := doc
	for _, st := range steps {
		switch node := cur.(type) {
		case map[string]any:
			if st.Key == "" && st.Index >= 0 {
				return nil, false // [n] asks for an array item, not a key
			}
			v, ok := node[st.Key]
			if !ok {
				return nil, false
			}
			cur = v
		case []any:
			if st.Index < 0 || st.Index >= len(node) {
				return nil, false
			}
			cur = node[st.Index]
		default:
			return nil, false
		}
	}
	return cur, true
}
