package runtime

import (
	"encoding/json"
	"net/http"

	"github.com/backwards-backend/bb/internal/spec"
)

// endpointView is one endpoint as the inspector's endpoint list shows it.
type endpointView struct {
	Name      string         `json:"name"`
	Method    string         `json:"method"`
	Path      string         `json:"path"`
	Summary   string         `json:"summary,omitempty"`
	Responses []responseView `json:"responses"`
	Swift     string         `json:"swift,omitempty"` // the generated client's call
}

type responseView struct {
	Status   int      `json:"status"`
	When     []string `json:"when,omitempty"` // key = JSON value
	Played   string   `json:"played,omitempty"`
	BodyFile string   `json:"bodyFile,omitempty"`
	// Example is the request that reaches this response, as the page sends it; nil
	// when none can be derived (Unreachable says why).
	Example     *exampleView `json:"example,omitempty"`
	Unreachable string       `json:"unreachable,omitempty"`
}

type exampleView struct {
	Method string          `json:"method"`
	Target string          `json:"target"` // path and query
	Header http.Header     `json:"header,omitempty"`
	Body   json.RawMessage `json:"body,omitempty"`
}

// specAPI answers the endpoints of the spec now served, with an example request for
// each response.
func (in *Inspector) specAPI(w http.ResponseWriter, r *http.Request) {
	s := in.server.Router().Spec()
	var calls map[string]string
	if in.opt.SwiftCalls != nil {
		calls = in.opt.SwiftCalls(s)
	}
	out := struct {
		Name      string         `json:"name"`
		File      string         `json:"file"`
		Endpoints []endpointView `json:"endpoints"`
	}{Name: s.Name, File: s.File, Endpoints: []endpointView{}}
	for _, e := range s.Endpoints {
		ev := endpointView{Name: e.Name, Method: e.Method, Path: e.Path, Summary: e.Summary, Swift: calls[e.Name]}
		cases := spec.Cases(e)
		for i, resp := range e.Responses {
			rv := responseView{Status: resp.Status, Played: resp.Played(e, i), BodyFile: resp.BodyFile}
			for _, c := range resp.When {
				rv.When = append(rv.When, c.Key+" = "+string(c.Value.JSON()))
			}
			if c := cases[i]; c.Unreachable != "" {
				rv.Unreachable = c.Unreachable
			} else {
				ex := &exampleView{Method: c.Method, Target: c.Target()[len(c.Method)+1:], Header: c.Header}
				if c.Body != nil {
					ex.Body = c.Body.JSON()
				}
				rv.Example = ex
			}
			ev.Responses = append(ev.Responses, rv)
		}
		out.Endpoints = append(out.Endpoints, ev)
	}
	writeJSON(w, out)
}
