package spec

import (
	"fmt"
	"regexp"
	"strconv"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/backwards-backend/bb/internal/contract"
)

// chance reads a response's `chance:`, a share of requests above 0 and below 1.
func (p *parser) chance(n *yaml.Node, what string) float64 {
	n = resolve(n)
	var f float64
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!float" && n.Tag != "!!int") || n.Decode(&f) != nil {
		p.errorf(posOf(n), "%s: chance must be a number between 0 and 1, e.g. 0.1 for 10%% of requests, not %s", what, describe(n))
		return -1 // not a fallback: one error is enough
	}
	if f <= 0 || f >= 1 {
		p.errorf(posOf(n), "%s: chance %s must be above 0 and below 1, e.g. 0.1 for 10%% of requests; a response that always answers needs no chance", what, n.Value)
		return -1
	}
	return f
}

var (
	undefinedFuncRE   = regexp.MustCompile(`function "([^"]+)" not defined`)
	templateFuncNames = []string{"body", "query", "header", "path", "now", "uuid", "random", "counter", "int", "default", "printf", "len", "index"}
)

// templates compiles the {{ }} templates of a response's body and headers, and runs
// each once on an empty request, so a broken one is refused here with its position
// rather than failing a request.
func (p *parser) templates(r *Response, what string) {
	add := func(s, where string, pos Pos) {
		if !contract.HasTemplate(s) {
			return
		}
		t, err := contract.ParseTemplate(s)
		if err == nil {
			_, err = t.Exec(&contract.Request{}, 1, time.Now(), contract.NewRand(1))
		}
		if err != nil {
			hint := "to send {{ as it is, write {{\"{{\"}}"
			if m := undefinedFuncRE.FindStringSubmatch(err.Error()); m != nil {
				if sug := Suggest(m[1], templateFuncNames); sug != "" {
					hint = fmt.Sprintf("did you mean %q?", sug)
				}
			}
			p.errorf(pos, "%s: %s: template %q: %v; %s", what, where, s, err, hint)
			return
		}
		r.Templates = append(r.Templates, Template{Template: t, Where: where, Pos: pos})
	}
	if r.Body != nil && r.Body.anyString(contract.HasTemplate) {
		r.Body.walkStrings("body", add)
	}
	for _, h := range r.Headers {
		add(h.Value, "header "+h.Name, h.Pos)
	}
}

// anyString reports whether f holds for a string value in v (not an object key),
// without spelling the paths walkStrings spells.
func (v *Value) anyString(f func(string) bool) bool {
	switch v.Kind {
	case String:
		return f(v.Str)
	case Array:
		for i := range v.Items {
			if v.Items[i].anyString(f) {
				return true
			}
		}
	case Object:
		for i := range v.Fields {
			if v.Fields[i].Value.anyString(f) {
				return true
			}
		}
	}
	return false
}

// walkStrings calls f with every string value in v (not object keys), its path and
// position.
func (v *Value) walkStrings(path string, f func(s, path string, pos Pos)) {
	switch v.Kind {
	case String:
		f(v.Str, path, v.Pos)
	case Array:
		for i := range v.Items {
			v.Items[i].walkStrings(path+"["+strconv.Itoa(i)+"]", f)
		}
	case Object:
		for i := range v.Fields {
			v.Fields[i].Value.walkStrings(contract.KeyPath(path, v.Fields[i].Key), f)
		}
	}
}

// Scenarios lists the scenario names the spec's responses use, each once, in order.
func (s *Spec) Scenarios() []string {
	var out []string
	seen := map[string]bool{}
	for _, e := range s.Endpoints {
		for _, r := range e.Responses {
			if r.Scenario != "" && !seen[r.Scenario] {
				seen[r.Scenario] = true
				out = append(out, r.Scenario)
			}
		}
	}
	return out
}

// TypingBody is the response body as the type model reads it: a string that is one
// template and nothing else stands for a value of the type that template answers, so
// "{{ body.qty }}" types as the request's qty and "{{ counter }}" as an integer.
func (r *Response) TypingBody(e *Endpoint) *Value {
	if len(r.Templates) == 0 {
		return r.Body
	}
	v := standIns(*r.Body, e)
	return &v
}

func standIns(v Value, e *Endpoint) Value {
	switch v.Kind {
	case String:
		if !contract.HasTemplate(v.Str) {
			return v
		}
		t, err := contract.ParseTemplate(v.Str)
		if err != nil || !t.Whole() {
			return v
		}
		fn, arg := t.Value()
		out := Value{Pos: v.Pos}
		switch fn {
		case "body":
			if e.Request.Body == nil {
				return Value{Kind: Null, Pos: v.Pos}
			}
			steps, err := contract.ParseBodyPath(arg)
			if arg == "" {
				steps, err = nil, nil
			}
			if err != nil {
				return Value{Kind: Null, Pos: v.Pos}
			}
			got, ok := e.Request.Body.at(steps)
			if !ok {
				return Value{Kind: Null, Pos: v.Pos}
			}
			got.Pos = v.Pos
			return got
		case "counter", "random", "int", "len":
			out.Kind, out.Num = Number, "1"
		case "now":
			switch arg {
			case "unix", "unixms":
				out.Kind, out.Num = Number, "1"
			case "", "rfc3339", "iso8601", "rfc3339ms":
				out.Kind, out.Str = String, "2026-01-01T00:00:00Z"
			default:
				out.Kind, out.Str = String, v.Str
			}
		case "number":
			out.Kind, out.Num = Number, "1.5"
		case "bool", "eq", "ne", "lt", "le", "gt", "ge", "not":
			out.Kind = Bool
		default:
			out.Kind, out.Str = String, v.Str // text: the template is an example of it
		}
		return out
	case Array:
		items := make([]Value, len(v.Items))
		for i := range v.Items {
			items[i] = standIns(v.Items[i], e)
		}
		v.Items = items
	case Object:
		fields := make([]Field, len(v.Fields))
		for i, f := range v.Fields {
			f.Value = standIns(f.Value, e)
			fields[i] = f
		}
		v.Fields = fields
	}
	return v
}

// at is the value at a body path, as a `when` condition finds it.
func (v *Value) at(steps []contract.Step) (Value, bool) {
	cur := *v
	for _, st := range steps {
		switch {
		case cur.Kind == Object && st.Key != "":
			f := cur.Get(st.Key)
			if f == nil {
				return Value{}, false
			}
			cur = *f
		case cur.Kind == Array && st.Index >= 0 && st.Index < len(cur.Items):
			cur = cur.Items[st.Index]
		default:
			return Value{}, false
		}
	}
	return cur, true
}
