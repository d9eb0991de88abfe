package spec

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/backwards-backend/bb/internal/contract"
)

// Warning is something in a valid spec that is likely a mistake: the spec loads, serves
// and generates as written, but probably not as meant.
type Warning struct {
	File string
	Pos  Pos
	Msg  string
}

// String formats the warning as file:line:col: warning: message.
func (w *Warning) String() string {
	if w.Pos.Line == 0 {
		return fmt.Sprintf("%s: warning: %s", w.File, w.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: warning: %s", w.File, w.Pos.Line, w.Pos.Col, w.Msg)
}

// Warnings lists what in s is valid but likely a mistake, in file order: a body
// condition on a key the request example (or schema) does not have (the generated
// client sends only the keys the request type has, so it can never reach that
// response), and a resource's field named like a list option (_sort), which no list
// can filter by.
func (s *Spec) Warnings() []*Warning {
	var out []*Warning
	for _, e := range s.Endpoints {
		req := requestType(e)
		if req == nil {
			continue
		}
		for i, r := range e.Responses {
			for k := range r.When {
				c := &r.When[k]
				if c.Source != SourceBody {
					continue
				}
				if msg := absentKey(req, c, e.Request.Schema != nil); msg != "" {
					out = append(out, &Warning{File: s.File, Pos: c.Pos,
						Msg: fmt.Sprintf("endpoint %s: response %d: when key %q %s", e.Name, i+1, c.Key, msg)})
				}
			}
		}
	}
	out = append(out, s.listNameWarnings()...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Pos.Line != out[j].Pos.Line {
			return out[i].Pos.Line < out[j].Pos.Line
		}
		return out[i].Pos.Col < out[j].Pos.Col
	})
	return out
}

// requestType is the type of e's request body as InferTypes gives it, or nil when the
// endpoint has no request example or schema.
func requestType(e *Endpoint) *Type {
	switch {
	case e.Request.Schema != nil:
		return finish(schemaType(e.Request.Schema, func(Pos, string) {})) // Parse reported its problems
	case e.Request.Body != nil:
		return settle(InferValue(e.Request.Body))
	}
	return nil
}

// absentKey follows a body condition's steps through the request type t and, when the
// first step that leaves the type names a key its object does not have, says so with
// the nearest key it does have. It returns "" for a path the type holds, and for every
// other way of leaving it (into any value, an open object, or past a scalar, which
// InferTypes refuses), since only a missing key is a likely slip of the pen.
func absentKey(t *Type, c *Condition, fromSchema bool) string {
	at := "body"
	for _, st := range c.Steps {
		switch t.Kind {
		case TypeMap:
			t = t.Elem
		case TypeArray:
			if st.Index < 0 {
				return ""
			}
			t = t.Elem
		case TypeObject:
			if st.Key == "" {
				return ""
			}
			f := t.Object.field(st.Key)
			if f != nil {
				t = f.Type
				break
			}
			if t.Object.Open {
				return ""
			}
			return missingKeyMsg(t.Object, at, st.Key, fromSchema)
		default:
			return ""
		}
		at = stepPath(at, st)
	}
	return ""
}

func missingKeyMsg(o *ObjectType, at, key string, fromSchema bool) string {
	where := "the request example"
	if fromSchema {
		where = "the request schema"
	}
	if at != "body" {
		where += "'s " + at
	}
	msg := fmt.Sprintf("names a key %s does not have, so the generated client can never send it", where)
	keys := make([]string, len(o.Fields))
	for i, f := range o.Fields {
		keys[i] = f.Key
	}
	if s := Suggest(key, keys); s != "" {
		return msg + fmt.Sprintf("; did you mean %q?", at+"."+s)
	}
	if len(keys) == 0 {
		msg += fmt.Sprintf(" (%s has no keys)", at)
	} else {
		msg += fmt.Sprintf(" (its keys: %s)", strings.Join(keys, ", "))
	}
	if fromSchema {
		return msg + "; to let the client send it, add it to the schema's properties"
	}
	return msg + "; to let the client send it, add it to the request example (null keeps it optional)"
}

// stepPath appends a step to a body path as the spec writes it: .key, or [n].
func stepPath(at string, st Step) string {
	if st.Key != "" {
		return at + "." + st.Key
	}
	return at + "[" + strconv.Itoa(st.Index) + "]"
}

// listNameWarnings warns of each resource field whose key is one of the list's own
// query names: ?_sort=x sorts, so no list can keep the records whose _sort is x.
func (s *Spec) listNameWarnings() []*Warning {
	var out []*Warning
	options := []string{contract.QuerySort, contract.QueryOrder, contract.QueryLimit, contract.QueryPage, contract.QueryStart}
	for _, r := range s.Resources {
		var fields []Field
		for i := range r.Seed {
			fields = append(fields, r.Seed[i].Fields...)
		}
		if r.Schema != nil {
			if props := r.Schema.Get("properties"); props != nil {
				fields = append(fields, props.Fields...)
			}
		}
		seen := map[string]bool{}
		for _, f := range fields {
			if seen[f.Key] || !slices.Contains(options, f.Key) {
				continue
			}
			seen[f.Key] = true
			out = append(out, &Warning{File: s.File, Pos: f.KeyPos,
				Msg: fmt.Sprintf("resource %s: field %q is named like the list's own %s option, so no list can filter by it; rename it to filter by it", r.Name, f.Key, f.Key)})
		}
	}
	return out
}
