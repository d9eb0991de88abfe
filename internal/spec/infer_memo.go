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
	m.done = true
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
