package swift

import (
	"fmt"
	"strings"

	"github.com/backwards-backend/bb/internal/spec"
)

// Calls renders, for each endpoint of s keyed by its name, the call of its function in
// the client Generate writes, with the endpoint's example values:
// `let answer = try await client.getUser(id: 1)`.
func Calls(s *spec.Spec, opt Options) (map[string]string, error) {
	g, err := newGenerator(s, opt)
	if err != nil {
		return nil, err
	}
	pkg := g.packageData()
	out := make(map[string]string, len(g.types.Endpoints))
	for i, et := range g.types.Endpoints {
		out[et.Endpoint.Name] = g.call(et, pkg.Endpoints[i].Name)
	}
	return out, nil
}

// call writes a call of the client function fn for et, with its example values.
func (g *generator) call(et *spec.EndpointTypes, fn string) string {
	e := et.Endpoint
	var args []string
	for _, p := range et.Path {
		v := "1"
		if p.Type.Kind == spec.TypeString {
			v = `"1"`
		}
		if c := firstPathExample(e, p.Name); c != nil {
			v = g.literal(c, p.Type, 1)
		}
		args = append(args, escape(lowerCamel(p.Name))+": "+v)
	}
	if et.Request != nil && e.Request.Body != nil && e.Request.Schema == nil {
		args = append(args, "body: "+g.literal(e.Request.Body, et.Request, 1))
	}
	call := fmt.Sprintf("try await client.%s(%s)", fn, strings.Join(args, ", "))
	if et.Response != nil {
		call = "let answer = " + call
	}
	return call
}
