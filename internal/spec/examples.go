package spec

import (
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/backwards-backend/bb/internal/contract"
)

// Example is a request written out under a response's `example:` key: the request that
// reaches that response when none can be derived from the conditions. A part left out
// is taken from the endpoint's `request:` example; a path parameter left out gets the
// value Cases would give it.
type Example struct {
	Body    *Value       // nil: the endpoint's request.body
	Query   []NamedValue // nil: the endpoint's request.query
	Headers []NamedValue // nil: the endpoint's request.headers
	Path    []NamedValue // path parameters by name
	Pos     Pos
}

// Case is one request the spec's examples imply and the response it must reach.
type Case struct {
	Endpoint    *Endpoint
	Response    *Response   // the response this request must reach
	Index       int         // 1-based index of Response in Endpoint.Responses
	Method      string      // upper case
	Path        string      // path params filled in and escaped, e.g. /v1/books/1
	Query       url.Values  // nil when none
	Header      http.Header // nil when none
	Body        *Value      // nil: send no body
	Unreachable string      // non-empty: no request could be derived; says why and to add `example:`
	// Played, non-empty, says why no backend gives this response to a plain request: a
	// scenario, a fault, a chance or a later turn of a sequence. Such a case is not sent.
	Played string
}

// Name names the case for reports, e.g. "getMessages response 2 (404)".
func (c *Case) Name() string {
	return fmt.Sprintf("%s response %d (%d)", c.Endpoint.Name, c.Index, c.Response.Status)
}

// Target is the request line without the host, e.g. "GET /v1/books?page=1".
func (c *Case) Target() string {
	s := c.Method + " " + c.Path
	if len(c.Query) > 0 {
		s += "?" + c.Query.Encode()
	}
	return s
}

// Cases returns one Case per response of e, in order. Each request starts from the
// endpoint's `request:` example, takes the values the response's `when` asks for, and
// gives every field an earlier response tests a value none of those tests match, so
// the fallback of `when: {body.user: larry}` is reached with another user. Each request
// is checked against the conditions as the stub server reads them; one that reaches
// another response is marked Unreachable, unless the response has its own `example:`.
func Cases(e *Endpoint) []Case {
	out := make([]Case, len(e.Responses))
	for i := range e.Responses {
		out[i] = caseFor(e, i)
	}
	return out
}

// draft is a request being derived. Body is shared with the spec until changed: set
// copies what it changes.
type draft struct {
	body   *Value
	query  url.Values
	header http.Header
	path   map[string]string
}

func caseFor(e *Endpoint, i int) Case {
	r := e.Responses[i]
	c := Case{Endpoint: e, Response: r, Index: i + 1, Method: e.Method}
	d := baseDraft(e, r.Example)
	if r.Example == nil {
		for _, group := range earlierFields(e, i) {
			d.avoid(group)
		}
		for k := range r.When {
			d.set(&r.When[k], r.When[k].Value)
		}
	}
	c.Path = fillPath(e.Path, d.path)
	if len(d.query) > 0 {
		c.Query = d.query
	}
	if len(d.header) > 0 {
		c.Header = d.header
	}
	c.Body = d.body
	if c.Played = r.Played(e, i); c.Played != "" {
		return c
	}
	if why := d.misses(e, i); why != "" {
		if r.Example != nil {
			c.Unreachable = "its example does not reach it: " + why
		} else {
			c.Unreachable = "not reachable, add an example: " + why + "; write the request that reaches it under this response's `example:` (body, query, headers, path)"
		}
	}
	return c
}

func baseDraft(e *Endpoint, ex *Example) *draft {
	d := &draft{query: url.Values{}, header: http.Header{}, path: map[string]string{}}
	d.body = e.Request.Body
	query, headers := e.Request.Query, e.Request.Headers
	if ex != nil {
		if ex.Body != nil {
			d.body = ex.Body
		}
		if ex.Query != nil {
			query = ex.Query
		}
		if ex.Headers != nil {
			headers = ex.Headers
		}
	}
	for _, q := range query {
		if q.Value.Kind == Array {
			for k := range q.Value.Items {
				d.query.Add(q.Name, q.Value.Items[k].Text())
			}
			continue
		}
		d.query.Add(q.Name, q.Value.Text())
	}
	for _, h := range headers {
		d.header.Set(h.Name, h.Value.Text())
	}
	for _, p := range e.Params {
		d.path[p] = pathDefault(e, p)
	}
	if ex != nil {
		for _, p := range ex.Path {
			d.path[p.Name] = p.Value.Text()
		}
	}
	return d
}

// pathDefault is the value a path parameter takes when no condition of the response
// says: the first `when` example of the endpoint, else one of an endpoint sharing the
// path up to the parameter, else a placeholder.
func pathDefault(e *Endpoint, name string) string {
	for _, r := range e.Responses {
		for k := range r.When {
			if c := &r.When[k]; c.Source == SourcePath && c.Name == name {
				return c.Value.Text()
			}
		}
	}
	for _, pv := range e.Request.Path {
		if pv.Name != name {
			continue
		}
		if pv.Value.Kind != Object {
			return pv.Value.Text()
		}
		if ex := pv.Value.Get("example"); ex != nil {
			return ex.Text()
		}
		if t := requestPathType(e, name); t != nil {
			switch t.Kind {
			case TypeInt, TypeDouble:
				return "1"
			case TypeBool:
				return "true"
			}
		}
	}
	if v, ok := e.pathExamples[name]; ok {
		return v
	}
	return "example"
}

// linkPathExamples lends each endpoint's path parameters without `when` examples a
// value from an endpoint sharing the path up to that parameter, as pathParamType does
// for types: DELETE /books/{id} takes an id GET /books/{id} answers.
func linkPathExamples(s *Spec) {
	l := lendersOf(s.Endpoints)
	s.lenders, s.lent = l, s.Endpoints
	for _, e := range s.Endpoints {
		for _, name := range e.Params {
			if pathExamplesType(e, name) != nil {
				continue
			}
			if other := l.lender(e, name); other != nil {
				if e.pathExamples == nil {
					e.pathExamples = map[string]string{}
				}
				e.pathExamples[name] = pathDefault(other, name)
			}
		}
	}
}

// lenders indexes the endpoints that lend their path parameters' examples to others,
// for lender: by path up to the parameter, and the parameter's name, the first one in
// spec order whose `when` examples give that parameter values.
type lenders map[string]*Endpoint

func lendersOf(endpoints []*Endpoint) lenders {
	l := lenders{}
	for _, o := range endpoints {
		for _, p := range o.Params {
			k := pathPrefix(o.Path, p) + "\x00" + p
			if _, ok := l[k]; !ok && pathExamplesType(o, p) != nil {
				l[k] = o
			}
		}
	}
	return l
}

// lender is the endpoint, other than e, whose path shares e's up to the parameter name
// and whose `when` examples give it values: the one e borrows them from, or nil. With
// the index built once, lending costs linear time however many endpoints borrow.
func (l lenders) lender(e *Endpoint, name string) *Endpoint {
	prefix := pathPrefix(e.Path, name)
	if prefix == "" {
		return nil
	}
	if o := l[prefix+"\x00"+name]; o != e {
		return o
	}
	return nil
}

func fillPath(path string, values map[string]string) string {
	for name, v := range values {
		path = strings.Replace(path, "{"+name+"}", url.PathEscape(v), 1)
	}
	return path
}

// fieldKey identifies the place a condition looks, so conditions on one place group.
func fieldKey(c *Condition) string {
	switch c.Source {
	case SourceHeader:
		return "header." + http.CanonicalHeaderKey(c.Name)
	case SourceBody:
		var b strings.Builder
		b.WriteString("body")
		for _, st := range c.Steps {
			if st.Key == "" {
				fmt.Fprintf(&b, "[%d]", st.Index)
			} else {
				b.WriteString("." + st.Key)
			}
		}
		return b.String()
	}
	return string(c.Source) + "." + c.Name
}

// earlierFields groups the conditions of the responses before response i by the place
// they look, leaving out the places response i pins itself. Groups keep spec order.
func earlierFields(e *Endpoint, i int) [][]*Condition {
	pinned := map[string]bool{}
	for k := range e.Responses[i].When {
		pinned[fieldKey(&e.Responses[i].When[k])] = true
	}
	var order []string
	groups := map[string][]*Condition{}
	for _, r := range e.Responses[:i] {
		for k := range r.When {
			c := &r.When[k]
			key := fieldKey(c)
			if pinned[key] {
				continue
			}
			if _, ok := groups[key]; !ok {
				order = append(order, key)
			}
			groups[key] = append(groups[key], c)
		}
	}
	out := make([][]*Condition, len(order))
	for k, key := range order {
		out[k] = groups[key]
	}
	return out
}

// avoid changes the place the conditions of group look at to a value none of them
// holds for, keeping the value it has when none already does.
func (d *draft) avoid(group []*Condition) {
	in := d.incoming()
	var current *Value
	hit := false
	for _, c := range group {
		held, got, found, _ := c.Test(in)
		if held {
			hit = true
			if current == nil && found {
				v := currentValue(c, got)
				current = &v
			}
		}
	}
	if !hit {
		return
	}
	if current == nil {
		current = &group[0].Value
	}
	saved := *d
	for _, alt := range alternatives(*current) {
		*d = saved
		d.clone()
		d.set(group[0], alt)
		in := d.incoming()
		ok := true
		for _, c := range group {
			if held, _, _, _ := c.Test(in); held {
				ok = false
				break
			}
		}
		if ok {
			return
		}
	}
	*d = saved
}

// currentValue turns what a condition found into a Value of the kind to vary: text from a
// query, header or path that the condition reads as a number or a boolean is varied as one.
func currentValue(c *Condition, got any) Value {
	if s, ok := got.(string); ok && c.Source != SourceBody {
		switch c.Value.Kind {
		case Number:
			if _, ok := contract.ParseDecimal(s); ok {
				return Value{Kind: Number, Num: s}
			}
		case Bool:
			if b, err := strconv.ParseBool(s); err == nil {
				return Value{Kind: Bool, Bool: b}
			}
		}
		return Value{Kind: String, Str: s}
	}
	if v, err := FromJSON(mustJSON(got)); err == nil {
		return v
	}
	return c.Value
}

func mustJSON(x any) []byte {
	b, _ := json.Marshal(x)
	return b
}

// alternatives lists values unlike v, of the same JSON kind where there are any.
func alternatives(v Value) []Value {
	var out []Value
	switch v.Kind {
	case Bool:
		out = append(out, Value{Kind: Bool, Bool: !v.Bool})
	case Number:
		if v.IsInt() {
			if n, ok := new(big.Int).SetString(v.Num, 10); ok {
				for k := int64(1); k <= 8; k++ {
					out = append(out, Value{Kind: Number, Num: new(big.Int).Add(n, big.NewInt(k)).String()})
				}
			}
		} else if f, err := strconv.ParseFloat(v.Num, 64); err == nil {
			for k := 1; k <= 8; k++ {
				out = append(out, Value{Kind: Number, Num: strconv.FormatFloat(f+float64(k), 'g', -1, 64)})
			}
		}
		for k := 0; k <= 8; k++ {
			out = append(out, Value{Kind: Number, Num: strconv.Itoa(k)})
		}
	case String:
		base := "not-" + v.Str
		out = append(out, Value{Kind: String, Str: base})
		for k := 2; k <= 8; k++ {
			out = append(out, Value{Kind: String, Str: base + "-" + strconv.Itoa(k)})
		}
	case Array:
		if len(v.Items) > 0 {
			out = append(out, Value{Kind: Array, Items: []Value{}})
		}
		out = append(out, Value{Kind: Array, Items: []Value{{Kind: String, Str: "other"}}})
	case Object:
		if len(v.Fields) > 0 {
			out = append(out, Value{Kind: Object, Fields: []Field{}})
		}
		out = append(out, Value{Kind: Object, Fields: []Field{{Key: "other", Value: Value{Kind: Bool, Bool: true}}}})
	}
	// Whatever the kind, a string nobody wrote in a spec is a last resort.
	out = append(out, Value{Kind: String, Str: "other"}, Value{Kind: String, Str: "bb-verify-other"})
	return out
}

// clone copies the maps, so a change can be undone by restoring the old draft.
func (d *draft) clone() {
	d.query = cloneValues(d.query)
	d.header = d.header.Clone()
	path := make(map[string]string, len(d.path))
	for k, v := range d.path {
		path[k] = v
	}
	d.path = path
}

func cloneValues(v url.Values) url.Values {
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = slices.Clone(vs)
	}
	return out
}

// set puts v where c looks.
func (d *draft) set(c *Condition, v Value) {
	switch c.Source {
	case SourceBody:
		var cur Value
		if d.body != nil {
			cur = *d.body
		} else {
			cur = Value{Kind: Object, Fields: []Field{}}
		}
		nv := setAt(cur, c.Steps, v)
		d.body = &nv
	case SourceQuery:
		d.query = cloneValues(d.query)
		d.query.Set(c.Name, v.Text())
	case SourceHeader:
		d.header = d.header.Clone()
		d.header.Set(c.Name, v.Text())
	case SourcePath:
		d.path[c.Name] = v.Text()
	}
}

// setAt returns v with x at the end of steps, making objects (or arrays, for [n]) on
// the way as needed. It copies what it changes and leaves v as it was.
func setAt(v Value, steps []Step, x Value) Value {
	if len(steps) == 0 {
		return x
	}
	st := steps[0]
	switch {
	case v.Kind == Array && st.Index >= 0:
		items := slices.Clone(v.Items)
		for len(items) <= st.Index {
			items = append(items, Value{Kind: Null})
		}
		items[st.Index] = setAt(items[st.Index], steps[1:], x)
		return Value{Kind: Array, Items: items}
	case st.Key != "":
		var fields []Field
		if v.Kind == Object {
			fields = slices.Clone(v.Fields)
		}
		for k := range fields {
			if fields[k].Key == st.Key {
				fields[k].Value = setAt(fields[k].Value, steps[1:], x)
				return Value{Kind: Object, Fields: fields}
			}
		}
		fields = append(fields, Field{Key: st.Key, Value: setAt(Value{Kind: Null}, steps[1:], x)})
		return Value{Kind: Object, Fields: fields}
	default:
		items := make([]Value, st.Index+1)
		items[st.Index] = setAt(Value{Kind: Null}, steps[1:], x)
		return Value{Kind: Array, Items: items}
	}
}

// incoming is the draft as the conditions see it.
func (d *draft) incoming() *contract.Request {
	rq := &contract.Request{Query: d.query, Header: d.header, PathValue: func(name string) string { return d.path[name] }}
	if d.body != nil {
		rq.Body = d.body.JSON()
	}
	return rq
}

// misses says why the draft does not reach response i of e, or "" when it does.
func (d *draft) misses(e *Endpoint, i int) string {
	in := d.incoming()
	got := e.Answering(in)
	if got == i+1 {
		return ""
	}
	if got > 0 && got < i+1 {
		first := e.Responses[got-1]
		if len(first.When) == 0 {
			return fmt.Sprintf("response %d has no `when`, so it answers first", got)
		}
		keys := make([]string, len(first.When))
		for k := range first.When {
			keys[k] = first.When[k].Key
		}
		return fmt.Sprintf("response %d (when %s) answers first", got, strings.Join(keys, ", "))
	}
	for k := range e.Responses[i].When {
		c := &e.Responses[i].When[k]
		if held, got, found, _ := c.Test(in); !held {
			have := "missing"
			if found {
				have = string(mustJSON(got))
			}
			return fmt.Sprintf("its condition %s: %s does not hold (the request has %s)", c.Key, c.Value.String(), have)
		}
	}
	return "no response answers it"
}
