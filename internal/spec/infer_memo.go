package spec

import "sync"

// inferMemo keeps what inferring an endpoint's types gives that depends on that
// endpoint alone: its query parameters and its bodies' types, before naming. An
// endpoint read through a Cache carries one, so a reload that reuses the endpoint
// also reuses its types. Naming changes the types it is given, so the memo hands out
// copies and keeps its own unnamed.
type inferMemo struct {
	mu                        sync.Mutex
	done                      bool
	query                     []Param
	request, response, errors *Type
	// the shape keys of the request and response bodies, without their nullability
	requestShape, responseShape string
	// sig spells everything InferTypes reads of the endpoint: when every endpoint of a
	// spec has the sig it had in the last spec, so do all the types (see reuseTypes).
	sig string
}

// recall fills et from e's memo, and reports whether it could.
func (in *inferrer) recall(e *Endpoint, et *EndpointTypes) bool {
	m := e.memo
	if m == nil {
		return false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.done {
		return false
	}
	et.Query = copyParams(m.query)
	et.Request, et.Response, et.Error = copyType(m.request), copyType(m.response), copyType(m.errors)
	if in.shapes == nil {
		in.shapes = map[*Type]string{}
	}
	if et.Request != nil && et.Request.Kind == TypeObject {
		in.shapes[et.Request] = m.requestShape
	}
	if et.Response != nil && et.Response.Kind == TypeObject {
		in.shapes[et.Response] = m.responseShape
	}
	return true
}

// remember keeps copies of et's types in e's memo, before they are named.
func (in *inferrer) remember(e *Endpoint, et *EndpointTypes) {
	m := e.memo
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.done {
		return
	}
	m.query = copyParams(et.Query)
	m.request, m.response, m.errors = copyType(et.Request), copyType(et.Response), copyType(et.Error)
	m.requestShape, m.responseShape = bareShape(m.request), bareShape(m.response)
	m.sig = signature(e, et)
	m.done = true
}

// signature spells what InferTypes reads of an endpoint, et its types before naming:
// its name, method and path, what types its path parameters itself, and the shapes
// of its query, request, response and error types.
func signature(e *Endpoint, et *EndpointTypes) string {
	b := make([]byte, 0, 256)
	b = append(b, e.Name...)
	b = append(b, ' ')
	b = append(b, e.Method...)
	b = append(b, ' ')
	b = append(b, e.Path...)
	for _, name := range e.Params {
		b = append(b, "\npath "...)
		b = append(b, name...)
		b = append(b, ' ')
		switch t := localPathType(e, name); t {
		case nil:
			b = append(b, "borrowed"...)
		default:
			b = appendShape(b, t)
		}
	}
	for _, q := range et.Query {
		b = append(b, "\nquery "...)
		b = append(b, q.Name...)
		b = append(b, ' ')
		b = appendShape(b, q.Type)
	}
	for _, t := range []*Type{et.Request, et.Response, et.Error} {
		b = append(b, '\n')
		if t == nil {
			b = append(b, '-')
			continue
		}
		b = appendShape(b, t)
	}
	return string(b)
}

// localPathType is the type an endpoint gives its path parameter itself, or nil when it
// borrows one from an endpoint sharing its path (see pathParamType).
func localPathType(e *Endpoint, name string) *Type {
	if t := requestPathType(e, name); t != nil {
		return t
	}
	return pathExamplesType(e, name)
}

// done reports whether the memo holds an endpoint's types, and its signature.
func (m *inferMemo) signature() (string, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.sig, m.done
}

// reuseTypes gives s the types of the last spec loaded with the cache when inferring
// them again would give the same: every endpoint has the signature the endpoint in its
// place had. The endpoints not read from the same text as then are typed here, which
// also finds their errors; with any, it gives up (nil) and InferTypes reports them.
func (c *Cache) reuseTypes(s *Spec) *TypeSet {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	last, sigs := c.types, c.sigs
	c.mu.Unlock()
	if last == nil || len(sigs) != len(s.Endpoints) {
		return nil
	}
	in := &inferrer{spec: s}
	for i, e := range s.Endpoints {
		if e.memo == nil {
			return nil
		}
		sig, done := e.memo.signature()
		if !done {
			in.endpoint(e)
			if sig, done = e.memo.signature(); !done {
				return nil
			}
		}
		if sig != sigs[i] {
			return nil
		}
	}
	ts := &TypeSet{Objects: last.Objects, Endpoints: make([]*EndpointTypes, len(last.Endpoints))}
	all := make([]EndpointTypes, len(last.Endpoints))
	for i, et := range last.Endpoints {
		all[i] = *et
		all[i].Endpoint = s.Endpoints[i]
		ts.Endpoints[i] = &all[i]
	}
	return ts
}

// keepTypes keeps s's types for the next load to reuse, with the signatures of its
// endpoints; a spec with an endpoint read outside the cache (a bodyFile's) keeps none.
func (c *Cache) keepTypes(s *Spec) {
	if c == nil {
		return
	}
	sigs := make([]string, len(s.Endpoints))
	for i, e := range s.Endpoints {
		var done bool
		if e.memo != nil {
			sigs[i], done = e.memo.signature()
		}
		if !done {
			sigs = nil
			break
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.types, c.sigs = s.types, sigs
	if sigs == nil {
		c.types = nil
	}
}

// bareShape is the shape key of a body type without its nullability, as sharedNames
// compares bodies; "" for a body that is not an object.
func bareShape(t *Type) string {
	if t == nil || t.Kind != TypeObject {
		return ""
	}
	b := *t
	b.Nullable = false
	return shapeKey(&b)
}

// copyType copies a type and everything in it. Inferred types, before naming, share
// nothing, so neither does the copy.
func copyType(t *Type) *Type {
	if t == nil {
		return nil
	}
	c := *t
	c.Elem = copyType(t.Elem)
	if t.Object != nil {
		o := *t.Object
		if t.Object.Fields != nil {
			o.Fields = make([]*TypeField, len(t.Object.Fields))
			for i, f := range t.Object.Fields {
				o.Fields[i] = &TypeField{Key: f.Key, Type: copyType(f.Type), Optional: f.Optional}
			}
		}
		c.Object = &o
	}
	return &c
}

func copyParams(ps []Param) []Param {
	if ps == nil {
		return nil
	}
	out := make([]Param, len(ps))
	for i, p := range ps {
		out[i] = Param{Name: p.Name, Type: copyType(p.Type)}
	}
	return out
}
