// Package spec loads, validates and models bb.yaml, the contract between an app and its
// backend. Every other part of bb (the stub server, the generators, the contract checker)
// reads the model built here.
package spec

import (
	"mime"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/backwards-backend/bb/internal/contract"
)

// FileName is the spec's file name inside a project folder.
const FileName = "bb.yaml"

// DefaultPort is the port bb serves on when nothing else says. It is not 5000: macOS
// AirPlay Receiver holds that one.
const DefaultPort = 4000

// Spec is a validated bb.yaml.
type Spec struct {
	Version   int
	Name      string // the API's name: Swift package <Name>API, Go module, OpenAPI title
	Server    Server
	Endpoints []*Endpoint // in file order, then the routes of each resource
	Resources []*Resource // in file order

	File   string   // the spec file as it was named to Load
	Dir    string   // the project folder: the spec file's directory
	Digest [32]byte // SHA-256 of the spec file's text, to tell when it changes

	types *TypeSet // the types with InferOptions{}, inferred when the spec was loaded
	// lenders are the endpoints that lend path examples, as loading found them among
	// lent, for typing to reuse while Endpoints are those.
	lenders lenders
	lent    []*Endpoint
}

// Types are the spec's types with the default InferOptions, inferred once when it was
// loaded: what the stub server checks requests against. Read them, never change them.
func (s *Spec) Types() (*TypeSet, error) {
	if s.types != nil {
		return s.types, nil
	}
	return InferTypes(s, InferOptions{})
}

// HealthPath is where the server's built-in health check answers GET with
// {"status":"ok"}: /healthz, or /_bb/healthz when the spec declares a /healthz route of
// its own, which then wins. bb serve and the ejected server use the same path.
func (s *Spec) HealthPath() string {
	for _, e := range s.Endpoints {
		if e.Path == "/healthz" || e.Path == "/healthz/" {
			return "/_bb/healthz"
		}
	}
	return "/healthz"
}

// Server is the spec's optional server section.
type Server struct {
	Port int    // 0 when not set
	Host string // "" when not set
	// CORSOrigins (server.cors.origins) are the web origins bb serve allows with
	// credentials, as browsers send them, separated by commas; "" when not set. Text
	// keeps Server comparable.
	CORSOrigins string
	// Proxy (server.proxy) is the real backend bb serve passes the requests no endpoint
	// answers to; "" when not set.
	Proxy string
	// Log (server.log) is which requests bb serve logs: all, errors or off; "" when not
	// set.
	Log string
}

// Endpoint is one operation: a method and path with the responses it gives.
type Endpoint struct {
	Name      string // operation name, a valid Swift and Go identifier
	Summary   string
	Method    string // upper case
	Path      string // as written, e.g. /users/{id}
	Params    []string
	Request   Request
	Responses []*Response
	Pos       Pos
	// Sequence makes the responses answer in turn, one per request ("" for none).
	Sequence    contract.Sequence
	SequencePos Pos

	// Resource is the resource whose route Op this endpoint is; nil for an endpoint the
	// spec writes out. Such an endpoint answers from the resource's records, never from
	// its responses, which are examples built from the seeds.
	Resource *Resource
	Op       contract.ResourceOp

	// pathExamples holds, for path parameters no `when` of this endpoint gives a value,
	// one borrowed from an endpoint sharing the path (see linkPathExamples).
	pathExamples map[string]string
	// memo keeps the types inferred from this endpoint alone, shared by the copies a
	// Cache hands out; nil when the endpoint was not read through one.
	memo *inferMemo
}

// SameText reports whether e and o were read through one Cache from the same text, so
// that all they hold is the same but maybe their positions: a reload may keep what it
// built from o for e.
func (e *Endpoint) SameText(o *Endpoint) bool { return e.memo != nil && e.memo == o.memo }

// Pattern is the endpoint's net/http ServeMux pattern, e.g. "GET /users/{id}".
func (e *Endpoint) Pattern() string { return contract.MuxPattern(e.Method, e.Path) }

// Request describes what the client sends: examples that type the generated client.
type Request struct {
	Body    *Value       // an example body; nil when the endpoint takes none
	Schema  *Value       // an optional JSON Schema subset overriding inference from Body
	Query   []NamedValue // query parameters with an example value each
	Headers []NamedValue // request headers with an example value each
	// Path gives path parameters an example value each, or a schema (an object with a
	// type): what types them, before any `when` example.
	Path []NamedValue
}

// NamedValue is a name with an example value, in spec order.
type NamedValue struct {
	Name  string
	Value Value
	Pos   Pos
}

// Response is one answer an endpoint can give, chosen when all its conditions hold.
type Response struct {
	When     []Condition // empty: the fallback, which always matches
	Status   int
	Headers  []Header
	Body     *Value // nil when the response has no body or uses BodyFile
	BodyFile string // as written, relative to the project folder
	BodyPath string // BodyFile resolved against the project folder
	BodyPos  Pos    // where BodyFile is written
	BodyData []byte // BodyFile's contents, read once when the spec is loaded
	Schema   *Value
	Delay    time.Duration
	DelayMax time.Duration // above Delay: the delay is drawn from [Delay, DelayMax]
	Example  *Example      // a request written out to reach this response; nil: derived
	Pos      Pos

	Scenario string         // answers only in this scenario; "" in every one
	Chance   float64        // above 0: answers this share of the requests it matches
	Fault    contract.Fault // fails on purpose this way
	// Templates are the {{ }} templates of the body and the headers, compiled.
	Templates []Template
}

// Template is one templated string of a response, where the spec writes it.
type Template struct {
	*contract.Template
	Where string // "body.user.id" or "header Location"
	Pos   Pos
}

// Played says why the response is not a plain answer that any backend gives a plain
// request: it answers only in a scenario, by chance, in turn, or fails on purpose. ""
// for a plain response.
func (r *Response) Played(e *Endpoint, i int) string {
	switch {
	case r.Scenario != "":
		return "it answers only in scenario " + r.Scenario
	case r.Fault != "":
		return "it fails on purpose (fault: " + string(r.Fault) + ")"
	case r.Chance > 0:
		return "it answers by chance"
	case e.Sequence != "" && i > 0:
		return "it answers in turn, as a later step of a sequence"
	}
	return ""
}

// JSONBody reports whether the response answers with JSON: an inline body, a bodyFile
// whose name ends in .json, or only a schema. A bodyFile of another kind (text, an
// image) is sent as it is and is not JSON, whatever its schema says.
func (r *Response) JSONBody() bool {
	if r.BodyFile != "" {
		return strings.EqualFold(path.Ext(r.BodyFile), ".json")
	}
	if r.Text() {
		return false
	}
	return r.Body != nil || r.Schema != nil
}

// Text reports whether the response's body is a string sent as it is: its headers
// declare a Content-Type that is not JSON (text/plain, say), so "milk" goes out as milk.
func (r *Response) Text() bool {
	return r.Body != nil && r.Body.Kind == String && MediaOf(r.DeclaredContentType()) != MediaJSON
}

// ContentType is the type a bodyFile is sent with: application/json for a .json file,
// else what its extension says, else what its first bytes look like.
func (r *Response) ContentType() string {
	ext := path.Ext(r.BodyPath)
	if strings.EqualFold(ext, ".json") {
		return "application/json"
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return http.DetectContentType(r.BodyData)
}

// Header is one response header.
type Header struct {
	Name  string
	Value string
	Pos   Pos
}

// Source is where a condition reads its value from.
type Source = contract.Source

// The places a condition can look.
const (
	SourceBody   = contract.SourceBody
	SourceQuery  = contract.SourceQuery
	SourceHeader = contract.SourceHeader
	SourcePath   = contract.SourcePath
)

// Condition is one `when` entry: the contract's condition (a place in the request and the
// value it must hold), with the value as the spec writes it and where.
type Condition struct {
	contract.Condition
	Value Value // the expected value; Want holds it as the contract reads it
	Pos   Pos
}

// Step is one step of a body path: an object key, or an array index when Index >= 0.
type Step = contract.Step
