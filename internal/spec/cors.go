package spec

import (
	"net/http"
	"slices"
	"strings"

	"github.com/backwards-backend/bb/internal/contract"
)

// credentialedOrigins reads one server.cors.origins text: origins separated by commas.
// A "*" among them adds nothing: bb serve answers every other origin with * anyway.
func credentialedOrigins(text string) ([]string, error) {
	o, err := contract.ParseOrigins(text)
	return o.Credentialed, err
}

// CORSHeaders lists, for a CORS policy, the request headers the spec's requests carry
// (request.headers, the headers of examples, header.<Name> conditions) and the
// response headers its answers set other than Content-Type. Names are canonical,
// sorted and each given once.
func (s *Spec) CORSHeaders() (request, response []string) {
	add := func(list *[]string, name string) {
		name = http.CanonicalHeaderKey(strings.TrimSpace(name))
		if name != "" && !slices.Contains(*list, name) {
			*list = append(*list, name)
		}
	}
	for _, e := range s.Endpoints {
		for _, h := range e.Request.Headers {
			add(&request, h.Name)
		}
		for _, r := range e.Responses {
			for _, c := range r.When {
				if c.Source == SourceHeader {
					add(&request, c.Name)
				}
			}
			if r.Example != nil {
				for _, h := range r.Example.Headers {
					add(&request, h.Name)
				}
			}
			if r.Scenario != "" {
				add(&request, contract.ScenarioHeader) // a web app picks the scenario with it
			}
			for _, h := range r.Headers {
				if !strings.EqualFold(h.Name, "Content-Type") {
					add(&response, h.Name)
				}
			}
		}
	}
	slices.Sort(request)
	slices.Sort(response)
	return request, response
}
