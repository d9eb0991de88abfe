package swift

import "github.com/backwards-backend/bb/internal/spec"

// Calls renders, for each endpoint of s keyed by its name, the call of its function in
// the client Generate writes, with the endpoint's example values:
// `let answer = try await client.getUser(id: 1)`.
func Calls(s *spec.Spec, opt Options) (map[string]string, error) {
	g, err := newGenerator(s, opt)
	if err != nil {
		return nil, err
	}
	pkg := g.packageData()
	out := make(map[string]string, len(pkg.Endpoints))
	for _, ep := range pkg.Endpoints {
		out[g.endpointTypes(ep).Endpoint.Name] = g.callLine(ep)
	}
	return out, nil
}
