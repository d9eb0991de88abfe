package spec

import "sync"

// inferMemo keeps what inferring an endpoint's types gives that depends on that
// endpoint alone, as its signature: an endpoint read through a Cache carries one,
// shared with its copies, so that a reload can tell, without typing the endpoint
// again, whether the spec's types changed (see Cache.reuseTypes). It keeps no types:
// at 10,000 endpoints they would cost more memory than typing them again costs time.
type inferMemo struct {
	mu   sync.Mutex
	done bool
	// sig spells everything InferTypes reads of the endpoint: when every endpoint of a
	// spec has the sig it had in the last spec, so do all the types (see reuseTypes).
	sig string
}

// remember keeps e's signature, et its types before naming.
func (in *inferrer) remember(e *Endpoint, et *EndpointTypes) {
	m := e.memo
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.done {
		m.sig, m.done = signature(e, et), true
	}
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

// signature is the endpoint's signature, and whether the memo has it yet.
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
