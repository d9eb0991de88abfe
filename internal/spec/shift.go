package spec

// An endpoint whose text did not change but moved (a line added above it) is the
// endpoint read before, every position a number of lines further: shifted copies it so,
// rather than read its text again. TestSplitLoadEqualsWhole holds a shifted endpoint
// equal to one read afresh.

// shifted is r moved to start at line.
func (r *readPiece) shifted(line int) *readPiece {
	c := *r
	c.line = line
	c.e = shiftEndpoint(r.e, line-r.line)
	return &c
}

// shiftEndpoint copies e with every position d lines further. What holds no position
// (compiled templates, the memo of its types) is shared.
func shiftEndpoint(e *Endpoint, d int) *Endpoint {
	c := *e
	c.Pos = shiftPos(e.Pos, d)
	c.SequencePos = shiftPos(e.SequencePos, d)
	c.Request.Body = shiftValuePtr(e.Request.Body, d)
	c.Request.Schema = shiftValuePtr(e.Request.Schema, d)
	c.Request.Query = shiftNamed(e.Request.Query, d)
	c.Request.Headers = shiftNamed(e.Request.Headers, d)
	c.Request.Path = shiftNamed(e.Request.Path, d)
	if e.Responses != nil {
		c.Responses = make([]*Response, len(e.Responses))
		for i, r := range e.Responses {
			c.Responses[i] = shiftResponse(r, d)
		}
	}
	return &c
}

func shiftResponse(r *Response, d int) *Response {
	c := *r
	c.Pos = shiftPos(r.Pos, d)
	c.BodyPos = shiftPos(r.BodyPos, d)
	c.Body = shiftValuePtr(r.Body, d)
	c.Schema = shiftValuePtr(r.Schema, d)
	if r.When != nil {
		c.When = make([]Condition, len(r.When))
		for i, w := range r.When {
			w.Pos = shiftPos(w.Pos, d)
			w.Value = shiftValue(w.Value, d)
			c.When[i] = w
		}
	}
	if r.Headers != nil {
		c.Headers = make([]Header, len(r.Headers))
		for i, h := range r.Headers {
			h.Pos = shiftPos(h.Pos, d)
			c.Headers[i] = h
		}
	}
	if r.Templates != nil {
		c.Templates = make([]Template, len(r.Templates))
		for i, t := range r.Templates {
			t.Pos = shiftPos(t.Pos, d)
			c.Templates[i] = t
		}
	}
	if r.Example != nil {
		x := *r.Example
		x.Pos = shiftPos(x.Pos, d)
		x.Body = shiftValuePtr(x.Body, d)
		x.Query = shiftNamed(x.Query, d)
		x.Headers = shiftNamed(x.Headers, d)
		x.Path = shiftNamed(x.Path, d)
		c.Example = &x
	}
	return &c
}

func shiftPos(p Pos, d int) Pos {
	if p.Line > 0 {
		p.Line += d
	}
	return p
}

func shiftNamed(vs []NamedValue, d int) []NamedValue {
	if vs == nil {
		return nil
	}
	out := make([]NamedValue, len(vs))
	for i, v := range vs {
		out[i] = NamedValue{Name: v.Name, Value: shiftValue(v.Value, d), Pos: shiftPos(v.Pos, d)}
	}
	return out
}

func shiftValuePtr(v *Value, d int) *Value {
	if v == nil {
		return nil
	}
	c := shiftValue(*v, d)
	return &c
}

func shiftValue(v Value, d int) Value {
	v.Pos = shiftPos(v.Pos, d)
	if v.Items != nil {
		items := make([]Value, len(v.Items))
		for i := range v.Items {
			items[i] = shiftValue(v.Items[i], d)
		}
		v.Items = items
	}
	if v.Fields != nil {
		fields := make([]Field, len(v.Fields))
		for i, f := range v.Fields {
			fields[i] = Field{Key: f.Key, Value: shiftValue(f.Value, d), KeyPos: shiftPos(f.KeyPos, d)}
		}
		v.Fields = fields
	}
	return v
}
