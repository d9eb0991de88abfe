package spec

import (
	"strings"

	"github.com/backwards-backend/bb/internal/contract"
)

var contractKinds = [...]contract.Kind{
	TypeAny: contract.KindAny, TypeBool: contract.KindBool, TypeInt: contract.KindInt,
	TypeDouble: contract.KindNumber, TypeString: contract.KindString, TypeDateTime: contract.KindDateTime,
	TypeArray: contract.KindArray, TypeMap: contract.KindMap, TypeObject: contract.KindObject,
}

// Schema is the shape the contract kernel checks for t.
func (t *Type) Schema() *contract.Schema {
	if t == nil {
		return nil
	}
	s := &contract.Schema{Kind: contractKinds[t.Kind], Nullable: t.Nullable, Enum: t.Enum}
	switch t.Kind {
	case TypeArray, TypeMap:
		s.Elem = t.Elem.Schema()
	case TypeObject:
		s.Name = t.Object.Name
		s.Open = t.Object.Open
		s.Fields = make([]contract.Field, len(t.Object.Fields))
		for i, f := range t.Object.Fields {
			s.Fields[i] = contract.Field{Key: f.Key, Required: !f.Optional, Schema: f.Type.Schema()}
		}
	}
	return s
}

// Operation is what a request to the endpoint must fit, as the contract kernel checks
// it: typed path and query parameters, and the request body's shape.
func (et *EndpointTypes) Operation() *contract.Operation {
	op := &contract.Operation{Name: et.Endpoint.Name, Body: et.Request.Schema()}
	for _, p := range et.Path {
		op.Params = append(op.Params, contract.Param{In: SourcePath, Name: p.Name, Kind: contractKinds[p.Type.Kind]})
	}
	for _, q := range et.Query {
		p := contract.Param{In: SourceQuery, Name: q.Name, Kind: contractKinds[q.Type.Kind]}
		if q.Type.Kind == TypeArray {
			p.Kind, p.List = contractKinds[q.Type.Elem.Kind], true
		}
		op.Params = append(op.Params, p)
	}
	return op
}

// Stub is the endpoint's stub answers as the contract kernel picks and sends them.
func (e *Endpoint) Stub() *contract.Stub {
	s := &contract.Stub{Endpoint: e.Name, When: e.Conditions(), Sequence: e.Sequence}
	for _, r := range e.Responses {
		s.Answers = append(s.Answers, r.Answer())
	}
	return s
}

// Answer is the response as the server sends it: status, headers, body and delay.
func (r *Response) Answer() *contract.Answer {
	var ctype string
	var body []byte
	switch {
	case r.Body != nil:
		ctype, body = "application/json", r.Body.JSON()
		if r.Text() {
			body = []byte(r.Body.Str) // text declared as text/plain (say) goes out as that text
		}
	case r.BodyPath != "":
		ctype, body = r.ContentType(), r.BodyData
	}
	headers := make([][2]string, len(r.Headers))
	for i, h := range r.Headers {
		headers[i] = [2]string{h.Name, h.Value}
	}
	a := contract.NewAnswer(r.Status, ctype, body, headers, r.Delay)
	a.DelayMax, a.Scenario, a.Chance, a.Fault = r.DelayMax, r.Scenario, r.Chance, r.Fault
	a.Templated = len(r.Templates) > 0
	return a
}

// ErrorFormat is the shape of the errors a server built from s gives on its own, taken
// from the spec's own error answers, so a client reads both alike: RFC 9457 problem
// details when an error response declares Content-Type application/problem+json; else
// a JSON object holding the message under the string key that every inline error body
// of the spec has (message, say); else {"error": "…"}.
func (s *Spec) ErrorFormat() contract.ErrorFormat {
	var bodies []*Value
	for _, e := range s.Endpoints {
		for _, r := range e.Responses {
			if r.Status < 400 {
				continue
			}
			for _, h := range r.Headers {
				if strings.EqualFold(h.Name, "Content-Type") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(h.Value)), "application/problem+json") {
					return contract.ErrorFormat{Problem: true}
				}
			}
			if r.Body != nil {
				bodies = append(bodies, r.Body)
			}
		}
	}
	if len(bodies) == 0 || bodies[0].Kind != Object {
		return contract.ErrorFormat{}
	}
next:
	for _, f := range bodies[0].Fields {
		if f.Value.Kind != String {
			continue
		}
		for _, b := range bodies[1:] {
			if v := b.Get(f.Key); b.Kind != Object || v == nil || v.Kind != String {
				continue next
			}
		}
		if f.Key == "error" {
			return contract.ErrorFormat{}
		}
		return contract.ErrorFormat{Key: f.Key}
	}
	return contract.ErrorFormat{}
}
