// Package runtime is bb's stub server: it compiles a spec into an http.Handler that
// answers every endpoint with its stub responses, and swaps in a new one whenever the
// spec changes.
package runtime

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"sort"

	"github.com/backwards-backend/bb/internal/contract"
	"github.com/backwards-backend/bb/internal/spec"
	"github.com/backwards-backend/bb/internal/tables"
)

// DefaultMaxBody is the largest request body the stub server reads: 1 MiB.
const DefaultMaxBody = 1 << 20

// Options tune how a compiled spec answers.
type Options struct {
	MaxBody int64 // request body limit in bytes; 0 means DefaultMaxBody
	// NoCORS turns CORS off. On, every origin may call without credentials (answered
	// with Access-Control-Allow-Origin: *), and CORSOrigins with them.
	NoCORS bool
	// CORSOrigins are the origins allowed with credentials, separated by commas, as
	// contract.ParseOrigins reads them; "" means the spec's server.cors.origins, so a
	// reload applies a change there.
	CORSOrigins string
	// Validate answers a request that does not fit the spec's types with the 400 the
	// ejected server gives it. Without it, such a request gets its stub answer and the
	// log names what the ejected server would refuse.
	Validate bool
	// Play is how the stubs play: the scenario, chaos and the random source. One Play
	// serves every version of the spec, so a reload keeps its seed; nil plays every
	// fault and chance, no scenario, with a random seed.
	Play *contract.Play
	// ProxyURL is the backend that gets the requests no endpoint answers; "" means the
	// spec's server.proxy, so a reload applies a change there.
	ProxyURL string
	// Record, when set, writes each new answer from the backend into bb.yaml as a stub.
	Record *Recorder
	// Store keeps the records of the spec's resources; SyncState lays out its tables
	// before Compile. Without one, a resource's routes answer 503.
	Store *tables.Store
}

// Router is one compiled version of a spec. It never changes after Compile, so requests
// in flight keep a consistent view while a newer Router is swapped in.
type Router struct {
	spec    *spec.Spec
	opt     Options
	mux     *http.ServeMux // routing.mux
	routing *routing
	routes  []*route
	methods []string       // every method some route answers, for 405 checks
	cors    *contract.CORS // nil with NoCORS
	files   map[string][]byte
	errors  contract.ErrorFormat // the shape of bb's own error answers, from the spec's
	proxy   *url.URL             // where requests no endpoint answers go; nil: answered 404
}

type route struct {
	ep          *spec.Endpoint
	stub        *contract.Stub
	notes       []string            // what the log says when each answer is sent
	op          *contract.Operation // what requests must fit; nil when the spec cannot be typed
	types       *spec.EndpointTypes // what op was built from
	validate    bool
	maxBody     int64
	errors      contract.ErrorFormat
	play        *contract.Play
	fingerprint string
	// resource answers a resource's route from the store's records, instead of stubs.
	resource http.HandlerFunc
}

// Spec returns the spec the router was compiled from.
func (rt *Router) Spec() *spec.Spec { return rt.spec }

// Files returns the contents of every bodyFile the router serves, keyed by path.
func (rt *Router) Files() map[string][]byte { return rt.files }

// Compile builds the handler for a validated spec. It cannot fail: everything that could
// be wrong, bodyFiles included, was checked when the spec was loaded.
func Compile(s *spec.Spec, opt Options) *Router { return compileFrom(s, opt, nil) }

// compileFrom is Compile after prev: the stubs of the endpoints read from the same text
// as prev's (see spec.Endpoint.SameText) are prev's, as Swap would adopt them, and are
// not built again.
func compileFrom(s *spec.Spec, opt Options, prev *Router) *Router {
	if opt.MaxBody <= 0 {
		opt.MaxBody = DefaultMaxBody
	}
	if opt.Play == nil {
		opt.Play = &contract.Play{Faults: true, Rand: contract.NewRand(0)}
	}
	rt := &Router{spec: s, opt: opt, files: map[string][]byte{}, errors: s.ErrorFormat(), proxy: proxyURL(s, opt)}
	types := map[*spec.Endpoint]*spec.EndpointTypes{}
	ts, err := s.Types()
	if err == nil {
		for _, et := range ts.Endpoints {
			types[et.Endpoint] = et
		}
	}
	var before map[string]*route
	if prev != nil {
		before = make(map[string]*route, len(prev.routes))
		for _, r := range prev.routes {
			before[r.ep.Name] = r
		}
	}
	var build []*route // the routes whose stubs are built anew
	for _, ep := range s.Endpoints {
		r := &route{ep: ep, types: types[ep], validate: opt.Validate, maxBody: opt.MaxBody, errors: rt.errors, play: opt.Play}
		if ep.Resource != nil {
			r.resource = rt.resourceHandler(ep, ts)
		}
		rt.addRoute(r)
		o := before[ep.Name]
		if o != nil && ep.SameText(o.ep) {
			r.stub, r.notes, r.fingerprint = o.stub, o.notes, o.fingerprint
			if sameInput(o.types, r.types) {
				r.op = o.op
			}
		} else {
			build = append(build, r)
		}
		for _, resp := range ep.Responses {
			if resp.BodyPath != "" {
				rt.files[resp.BodyPath] = resp.BodyData
			}
		}
	}
	// What is left to build depends on each endpoint alone: on every core.
	parallel(len(rt.routes), func(i int) {
		if r := rt.routes[i]; r.op == nil && r.types != nil {
			r.op = r.types.Operation()
		}
	})
	parallel(len(build), func(i int) {
		r := build[i]
		ep := r.ep
		r.stub = ep.Stub()
		for i, resp := range ep.Responses {
			note := fmt.Sprintf("%s → response %d", ep.Name, i+1)
			if len(resp.When) == 0 && i > 0 && resp.Played(ep, i) == "" && ep.Sequence == "" {
				note += " (fallback)"
			}
			r.notes = append(r.notes, note)
		}
		r.fingerprint = rt.fingerprint(ep)
	})
	seen := map[string]bool{}
	for _, r := range rt.routes {
		if !seen[r.ep.Method] {
			seen[r.ep.Method] = true
			rt.methods = append(rt.methods, r.ep.Method)
		}
	}
	sort.Strings(rt.methods)
	rt.route(prev)
	if !opt.NoCORS {
		rt.cors = compileCORS(s, opt)
	}
	return rt
}

// addRoute adds r to the routes, in spec order.
func (rt *Router) addRoute(r *route) { rt.routes = append(rt.routes, r) }

// compileCORS builds bb serve's CORS policy: every origin may call without credentials,
// the listed ones with them; preflights allow the spec's methods and the request
// headers it names.
func compileCORS(s *spec.Spec, opt Options) *contract.CORS {
	origins := opt.CORSOrigins
	if origins == "" {
		origins = s.Server.CORSOrigins
	}
	o, _ := contract.ParseOrigins(origins) // bb serve's flags and spec.Load report bad ones
	o.Any = true
	routes := make([]string, len(s.Endpoints))
	for i, ep := range s.Endpoints {
		routes[i] = ep.Pattern()
	}
	request, response := s.CORSHeaders()
	return contract.NewCORS(contract.CORSOptions{Origins: o, Routes: routes, Headers: request, Expose: response})
}

// fingerprint identifies what an endpoint answers, ignoring where it sits in the file,
// so a reload can say which endpoints really changed.
func (rt *Router) fingerprint(ep *spec.Endpoint) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s %s\n", ep.Method, ep.Path)
	writeValue := func(label string, v *spec.Value) {
		if v != nil {
			fmt.Fprintf(h, "%s=%s\n", label, v.JSON())
		}
	}
	writeValue("request.body", ep.Request.Body)
	writeValue("request.schema", ep.Request.Schema)
	for _, q := range ep.Request.Query {
		fmt.Fprintf(h, "query %s=%s\n", q.Name, q.Value.JSON())
	}
	for _, q := range ep.Request.Headers {
		fmt.Fprintf(h, "header %s=%s\n", q.Name, q.Value.JSON())
	}
	fmt.Fprintf(h, "sequence %s\n", ep.Sequence)
	for _, r := range ep.Responses {
		fmt.Fprintf(h, "response %d %v..%v scenario=%q chance=%v fault=%s\n", r.Status, r.Delay, r.DelayMax, r.Scenario, r.Chance, r.Fault)
		for _, c := range r.When {
			fmt.Fprintf(h, "when %s=%s\n", c.Key, c.Value.JSON())
		}
		for _, hd := range r.Headers {
			fmt.Fprintf(h, "header %s=%s\n", hd.Name, hd.Value)
		}
		writeValue("body", r.Body)
		writeValue("schema", r.Schema)
		if r.BodyPath != "" {
			fmt.Fprintf(h, "bodyFile %s\n", r.BodyFile)
			h.Write(rt.files[r.BodyPath])
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// ResetPath is where a loopback client starts every sequence and counter again.
const ResetPath = "/_bb/reset"

// reset starts every stub's sequence and counter again. Only clients on this machine
// may: a phone on the Wi-Fi must not reset a developer's stubs.
func (rt *Router) reset(w http.ResponseWriter, r *http.Request) {
	if !contract.Loopback(r) {
		note(w, "reset refused: only clients on this machine may reset the stubs")
		rt.writeError(w, http.StatusForbidden, "only clients on this machine may reset the stubs")
		return
	}
	for _, r := range rt.routes {
		r.stub.Reset()
	}
	if rt.opt.Store != nil && len(rt.spec.Resources) > 0 {
		if err := rt.opt.Store.Reset(r.Context()); err != nil {
			rt.writeError(w, http.StatusInternalServerError, "resetting the resources failed: "+err.Error())
			return
		}
		note(w, "every sequence and counter reset, every resource back to its seed records")
		w.WriteHeader(http.StatusNoContent)
		return
	}
	note(w, "every sequence and counter reset")
	w.WriteHeader(http.StatusNoContent)
}

// adopt takes over the stubs of old's endpoints that did not change, with their
// counters, so a reload restarts only the sequences it changed.
func (rt *Router) adopt(old *Router) {
	if old == nil {
		return
	}
	prev := make(map[string]*route, len(old.routes))
	for _, r := range old.routes {
		prev[r.ep.Name] = r
	}
	for _, r := range rt.routes {
		if o := prev[r.ep.Name]; o != nil && o.fingerprint == r.fingerprint {
			r.stub = o.stub
		}
	}
}

// health is the built-in health check, as the ejected server has it: a stub server is
// healthy whenever it answers.
func health(w http.ResponseWriter, r *http.Request) {
	note(w, "health check")
	w.Header().Set("Content-Type", "application/json")
	w.Write([]byte(`{"status":"ok"}`))
}

// ServeHTTP answers one request from this version of the spec.
func (rt *Router) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if rt.cors != nil {
		if preflight, refused := rt.cors.Apply(w, r); preflight {
			msg := "CORS preflight"
			if refused != "" {
				msg += "; the browser will not send the request: " + refused
			}
			note(w, msg)
			return
		}
	}
	if msg := contract.Slash(w, r, rt.mux, func(e *contract.HTTPError) { rt.errors.Write(w, e) }); msg != "" {
		note(w, msg)
		return
	}
	rt.mux.ServeHTTP(w, r)
}

// writeError sends an error answer in the spec's error format: the message, then the
// extra members, given as key, value pairs.
func (rt *Router) writeError(w http.ResponseWriter, status int, msg string, extra ...any) {
	e := &contract.HTTPError{Status: status, Msg: msg}
	for i := 0; i+1 < len(extra); i += 2 {
		e.Extra = append(e.Extra, contract.Member{Key: fmt.Sprint(extra[i]), Value: extra[i+1]})
	}
	rt.errors.Write(w, e)
}
