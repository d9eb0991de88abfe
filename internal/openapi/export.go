package openapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/backwards-backend/bb/internal/spec"
)

// The OpenAPI versions Export writes: 3.1 by default; 3.0 for tools that read no
// other (oapi-codegen, say), with nullable: true where 3.1 lists "null" among types.
const (
	Version   = "3.1.0"
	Version30 = "3.0.3"
)

// Formats Generate writes.
const (
	FormatYAML = "yaml"
	FormatJSON = "json"
)

// Generate writes s as an OpenAPI 3.1 document in format (yaml or json). The same spec
// always gives the same bytes.
func Generate(s *spec.Spec, format string) ([]byte, error) {
	return GenerateVersion(s, format, Version)
}

// GenerateVersion is Generate writing OpenAPI version (Version or Version30).
func GenerateVersion(s *spec.Spec, format, version string) ([]byte, error) {
	doc, err := ExportVersion(s, version)
	if err != nil {
		return nil, err
	}
	switch format {
	case FormatJSON:
		return JSON(doc)
	case FormatYAML, "":
		return YAML(doc)
	}
	return nil, fmt.Errorf("unknown format %q; use yaml or json", format)
}

// Export builds the OpenAPI 3.1 document of s. Every endpoint is an operation whose
// operationId is the endpoint's name; bodies are typed by spec.InferTypes, the model the
// Swift and Go generators read, and every named object is a component schema under the
// name those generators give it. The spec's bodies are the examples, one named example
// per response; what only bb knows (the `when` that picks a response, its delay and
// headers) rides along in x-bb-responses, so Import gives the same spec back.
func Export(s *spec.Spec) (*Map, error) { return ExportVersion(s, Version) }

// ExportVersion is Export writing OpenAPI version: Version, or Version30.
func ExportVersion(s *spec.Spec, version string) (*Map, error) {
	if version != Version && version != Version30 {
		return nil, fmt.Errorf("bb writes OpenAPI %s or %s, not %s", Version, Version30, version)
	}
	ts, err := spec.InferTypes(s, spec.InferOptions{})
	if err != nil {
		return nil, err
	}
	x := &exporter{spec: s, v30: version == Version30}
	doc := NewMap().Set("openapi", version)
	doc.Set("info", NewMap().Set("title", s.Name).Set("version", "1.0.0"))
	port := s.Server.Port
	if port == 0 {
		port = spec.DefaultPort
	}
	doc.Set("servers", []any{NewMap().Set("url", fmt.Sprintf("http://localhost:%d", port)).Set("description", "bb serve")})

	paths := NewMap()
	// /users/{id} and /users/{userId} are one path to OpenAPI: the first spelling names
	// the parameters of both.
	first := map[string]string{}
	for _, et := range ts.Endpoints {
		e := et.Endpoint
		key := e.Path
		norm := anyParam.ReplaceAllString(e.Path, "{}")
		if p, ok := first[norm]; ok {
			key = p
		} else {
			first[norm] = e.Path
		}
		x.rename = paramRenames(e.Path, key)
		item, _ := paths.Get(key).(*Map)
		if item == nil {
			item = NewMap()
			paths.Set(key, item)
		}
		item.Set(strings.ToLower(e.Method), x.operation(et))
	}
	// Methods in the order OpenAPI lists them, whatever the spec's order.
	for _, k := range paths.Keys() {
		item := paths.Get(k).(*Map)
		sorted := NewMap()
		for _, m := range []string{"get", "put", "post", "delete", "options", "head", "patch"} {
			if v := item.Get(m); v != nil {
				sorted.Set(m, v)
			}
		}
		paths.Set(k, sorted)
	}
	doc.Set("paths", paths)
	if len(s.Resources) > 0 {
		doc.Set(resourcesKey, exportResources(s.Resources))
	}

	comps := NewMap()
	if len(ts.Objects) > 0 {
		schemas := NewMap()
		for _, o := range ts.Objects {
			schemas.Set(o.Name, x.objectSchema(o))
		}
		comps.Set("schemas", schemas)
	}
	if len(x.security) > 0 {
		schemes := NewMap()
		for _, name := range sortedKeys(x.security) {
			schemes.Set(name, x.security[name])
		}
		comps.Set("securitySchemes", schemes)
	}
	if comps.Len() > 0 {
		doc.Set("components", comps)
	}
	return doc, nil
}

type exporter struct {
	spec     *spec.Spec
	security map[string]*Map
	v30      bool // OpenAPI 3.0: nullable: true rather than a "null" type
	// rename maps the path parameters of the endpoint being written to the names the
	// document's path gives them.
	rename map[string]string
}

// paramRenames maps the parameter names of path to those of like, a path of the same
// shape.
func paramRenames(path, like string) map[string]string {
	out := map[string]string{}
	a, b := strings.Split(path, "/"), strings.Split(like, "/")
	for i := range a {
		if i < len(b) && strings.HasPrefix(a[i], "{") && strings.HasPrefix(b[i], "{") {
			out[strings.Trim(a[i], "{}")] = strings.Trim(b[i], "{}")
		}
	}
	return out
}

// param is the document's name for the endpoint's path parameter name.
func (x *exporter) param(name string) string {
	if n, ok := x.rename[name]; ok {
		return n
	}
	return name
}

// condKey is a `when` key with the path parameter it names renamed as the document
// names it.
func (x *exporter) condKey(c spec.Condition) string {
	if c.Source == spec.SourcePath {
		return "path." + x.param(c.Name)
	}
	return c.Key
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (x *exporter) operation(et *spec.EndpointTypes) *Map {
	e := et.Endpoint
	op := NewMap().Set("operationId", e.Name)
	if e.Summary != "" {
		op.Set("summary", e.Summary)
	}
	var params []any
	var security []any
	for _, p := range et.Path {
		pm := NewMap().Set("name", x.param(p.Name)).Set("in", "path").Set("required", true).Set("schema", x.typeSchema(p.Type))
		if v, ok := pathExample(e, p.Name); ok {
			pm.Set("example", paramExample(p.Type, v))
		}
		params = append(params, pm)
	}
	for _, q := range et.Query {
		pm := NewMap().Set("name", q.Name).Set("in", "query").Set("schema", x.typeSchema(q.Type))
		if q.Type.Kind == spec.TypeArray {
			pm.Set("style", "form").Set("explode", true)
		}
		for _, nv := range e.Request.Query {
			if nv.Name == q.Name {
				pm.Set("example", paramExample(q.Type, nv.Value))
			}
		}
		params = append(params, pm)
	}
	for _, h := range headerParams(e) {
		pm := NewMap().Set("name", h.name).Set("in", "header").Set("schema", NewMap().Set("type", "string"))
		if h.example != nil {
			pm.Set("example", *h.example)
			if strings.EqualFold(h.name, "Authorization") {
				security = x.authorization(*h.example)
			}
		}
		params = append(params, pm)
	}
	if security != nil {
		op.Set("security", security)
	}
	if len(params) > 0 {
		op.Set("parameters", params)
	}
	if et.Request != nil {
		op.Set("requestBody", x.requestBody(et))
	}
	op.Set("responses", x.responses(et))
	if seq := et.Endpoint.Sequence; seq != "" {
		op.Set("x-bb-sequence", string(seq))
	}
	if r := e.Resource; r != nil {
		op.Set(resourceOpKey, NewMap().Set("resource", r.Name).Set("op", string(e.Op)))
	}
	return op
}

// The extensions that carry a spec's resources: the document's x-bb-resources holds
// each resource as bb.yaml writes it, and each of a resource's six operations says
// under x-bb-resource which resource and route it is, so Import folds them back into
// the resource rather than six endpoints.
const (
	resourcesKey  = "x-bb-resources"
	resourceOpKey = "x-bb-resource"
)

// exportResources writes each resource as bb.yaml's resources: does, with every seed's
// id written out.
func exportResources(rs []*spec.Resource) *Map {
	out := NewMap()
	for _, r := range rs {
		m := NewMap()
		if r.Summary != "" {
			m.Set("summary", r.Summary)
		}
		m.Set("path", r.Path)
		m.Set("id", NewMap().Set("field", r.ID).Set("type", string(r.IDKind)))
		seed := make([]any, len(r.Seed))
		for i := range r.Seed {
			seed[i] = r.Seed[i]
		}
		m.Set("seed", seed)
		if r.Schema != nil {
			m.Set("schema", *r.Schema)
		}
		out.Set(r.Name, m)
	}
	return out
}

// authorization declares the scheme an Authorization header example shows, so that
// generators offer their own way to set it.
func (x *exporter) authorization(example string) []any {
	scheme, name := NewMap(), ""
	switch lower := strings.ToLower(example); {
	case strings.HasPrefix(lower, "bearer "):
		name = "bearerAuth"
		scheme.Set("type", "http").Set("scheme", "bearer")
	case strings.HasPrefix(lower, "basic "):
		name = "basicAuth"
		scheme.Set("type", "http").Set("scheme", "basic")
	default:
		name = "authorizationHeader"
		scheme.Set("type", "apiKey").Set("in", "header").Set("name", "Authorization")
	}
	if x.security == nil {
		x.security = map[string]*Map{}
	}
	x.security[name] = scheme
	return []any{NewMap().Set(name, []any{})}
}

// pathExample is the first value a `when` gives a path parameter.
func pathExample(e *spec.Endpoint, name string) (spec.Value, bool) {
	for _, r := range e.Responses {
		for _, c := range r.When {
			if c.Source == spec.SourcePath && c.Name == name {
				return c.Value, true
			}
		}
	}
	return spec.Value{}, false
}

// paramExample is v as a parameter of type t holds it: text where t is text (a path
// parameter typed string whose example is the number 1 is "1"), a list where t is one.
func paramExample(t *spec.Type, v spec.Value) spec.Value {
	switch {
	case t.Kind == spec.TypeArray && v.Kind != spec.Array:
		return spec.Value{Kind: spec.Array, Items: []spec.Value{paramExample(t.Elem, v)}}
	case t.Kind == spec.TypeArray:
		items := make([]spec.Value, len(v.Items))
		for i := range v.Items {
			items[i] = paramExample(t.Elem, v.Items[i])
		}
		return spec.Value{Kind: spec.Array, Items: items}
	case (t.Kind == spec.TypeString || t.Kind == spec.TypeDateTime) && v.Kind != spec.String:
		return spec.Value{Kind: spec.String, Str: v.Text()}
	}
	return v
}

type headerParam struct {
	name    string
	example *string
}

// headerParams lists request.headers, then headers only `when` conditions name.
func headerParams(e *spec.Endpoint) []headerParam {
	var out []headerParam
	seen := map[string]bool{}
	for _, h := range e.Request.Headers {
		text := h.Value.Text()
		out = append(out, headerParam{h.Name, &text})
		seen[http.CanonicalHeaderKey(h.Name)] = true
	}
	for _, r := range e.Responses {
		for _, c := range r.When {
			if c.Source == spec.SourceHeader && !seen[http.CanonicalHeaderKey(c.Name)] {
				seen[http.CanonicalHeaderKey(c.Name)] = true
				out = append(out, headerParam{name: c.Name})
			}
		}
	}
	return out
}

func (x *exporter) requestBody(et *spec.EndpointTypes) *Map {
	e := et.Endpoint
	media := NewMap().Set("schema", x.bodySchema(et.Request, false))
	check := et.Request.Schema()
	// The requests that reach each response, where they differ from the request example
	// and fit the request's type: the named examples a reader tries.
	examples := NewMap()
	if e.Request.Body != nil {
		examples.Set("request", NewMap().Set("summary", "the request example").Set("value", *e.Request.Body))
	}
	for _, c := range spec.Cases(e) {
		if c.Body == nil || c.Unreachable != "" || e.Request.Body != nil && c.Body.Equal(e.Request.Body.Any()) {
			continue
		}
		if len(check.Check(c.Body.Any(), "body").Errors()) > 0 {
			continue
		}
		examples.Set(exampleKey(c.Index), NewMap().Set("summary", fmt.Sprintf("reaches response %d (%d)", c.Index, c.Response.Status)).Set("value", *c.Body))
	}
	switch {
	case examples.Len() == 1 && e.Request.Body != nil:
		media.Set("example", *e.Request.Body)
	case examples.Len() > 0:
		media.Set("examples", examples)
	}
	return NewMap().Set("required", true).Set("content", NewMap().Set("application/json", media))
}

func exampleKey(index int) string { return "response" + strconv.Itoa(index) }

// responses groups the spec's responses by status: each status is one OpenAPI response,
// each spec response one named example of it.
func (x *exporter) responses(et *spec.EndpointTypes) *Map {
	e := et.Endpoint
	var statuses []int
	byStatus := map[int][]int{}
	for i, r := range e.Responses {
		if _, ok := byStatus[r.Status]; !ok {
			statuses = append(statuses, r.Status)
		}
		byStatus[r.Status] = append(byStatus[r.Status], i)
	}
	slices.Sort(statuses)
	out := NewMap()
	for _, st := range statuses {
		resp := NewMap().Set("description", statusText(st))
		headers := NewMap()
		content := NewMap()
		var bbs []any
		for _, i := range byStatus[st] {
			r := e.Responses[i]
			entry := NewMap().Set("response", i+1)
			if len(r.When) > 0 {
				when := NewMap()
				for _, c := range r.When {
					when.Set(x.condKey(c), c.Value)
				}
				entry.Set("when", when)
			}
			if len(r.Headers) > 0 {
				hs := NewMap()
				for _, h := range r.Headers {
					hs.Set(h.Name, h.Value)
					if strings.EqualFold(h.Name, "Content-Type") {
						continue // the media type says it
					}
					if headers.Get(h.Name) == nil {
						headers.Set(h.Name, NewMap().Set("schema", NewMap().Set("type", "string")).Set("example", h.Value))
					}
				}
				entry.Set("headers", hs)
			}
			if r.DelayMax > r.Delay {
				entry.Set("delay", r.Delay.String()+".."+r.DelayMax.String())
			} else if r.Delay > 0 {
				entry.Set("delay", r.Delay.String())
			}
			if r.Scenario != "" {
				entry.Set("scenario", r.Scenario)
			}
			if r.Chance > 0 {
				entry.Set("chance", json.Number(strconv.FormatFloat(r.Chance, 'g', -1, 64)))
			}
			if r.Fault != "" {
				entry.Set("fault", string(r.Fault))
			}
			if r.BodyFile != "" {
				entry.Set("bodyFile", r.BodyFile)
			}
			if r.Example != nil {
				entry.Set("requestExample", x.requestExample(r.Example))
			}
			key := exampleKey(i + 1)
			summary := "otherwise"
			if len(r.When) > 0 {
				parts := make([]string, len(r.When))
				for k, c := range r.When {
					parts[k] = x.condKey(c) + " = " + c.Value.String()
				}
				summary = "when " + strings.Join(parts, " and ")
			}
			ex := NewMap().Set("summary", summary)
			switch {
			case r.JSONBody() && (r.Body != nil || r.BodyFile != ""):
				mt := jsonMediaType(r)
				body := r.Body
				if len(r.Templates) > 0 {
					// The example is a value the answer may hold; the templates ride along.
					entry.Set("template", *r.Body)
					body = r.TypingBody(e)
				}
				if body == nil {
					v, err := spec.FromJSON(r.BodyData)
					if err != nil {
						continue
					}
					body = &v
				}
				t := et.Response
				if st < 200 || st > 299 {
					t = et.Error
				}
				media := mediaFor(content, mt, func() *Map { return NewMap().Set("schema", x.bodySchema(t, rootNull(e, st))) })
				if body.Kind == spec.Null && x.v30 {
					// OpenAPI 3.0 tools read an example whose value is null as one without
					// a value: the null body rides in x-bb-responses only.
					entry.Set("nullBody", true)
					break
				}
				addExample(media, key, ex.Set("value", *body))
				entry.Set("example", key)
			case r.BodyFile != "" || r.Text():
				mt, _, _ := strings.Cut(r.DeclaredContentType(), ";") // the media type, as jsonMediaType gives it
				mt = strings.ToLower(strings.TrimSpace(mt))
				// Text is its own example; bytes (an image) are named by externalValue,
				// the file's path relative to bb.yaml, as OpenAPI 3.1 asks for binary
				// examples. Bytes take no schema: the media type says what they are.
				data := r.BodyData
				if r.Text() {
					data = []byte(r.Body.Str)
				}
				text := utf8.Valid(data)
				media := mediaFor(content, mt, func() *Map {
					if text {
						return NewMap().Set("schema", NewMap().Set("type", "string"))
					}
					return NewMap()
				})
				if text {
					addExample(media, key, ex.Set("value", string(data)))
				} else {
					addExample(media, key, ex.Set("externalValue", r.BodyFile))
				}
				entry.Set("example", key)
			}
			bbs = append(bbs, entry)
		}
		if headers.Len() > 0 {
			resp.Set("headers", headers)
		}
		if content.Len() > 0 {
			resp.Set("content", content)
		}
		resp.Set("x-bb-responses", bbs)
		out.Set(strconv.Itoa(st), resp)
	}
	return out
}

// requestExample writes a response's `example:`, the request that reaches it.
func (x *exporter) requestExample(ex *spec.Example) *Map {
	m := NewMap()
	if ex.Body != nil {
		m.Set("body", *ex.Body)
	}
	for _, part := range []struct {
		key    string
		values []spec.NamedValue
	}{{"query", ex.Query}, {"headers", ex.Headers}, {"path", ex.Path}} {
		if part.values == nil {
			continue
		}
		vs := NewMap()
		for _, nv := range part.values {
			name := nv.Name
			if part.key == "path" {
				name = x.param(name)
			}
			vs.Set(name, nv.Value)
		}
		m.Set(part.key, vs)
	}
	return m
}

func statusText(st int) string {
	if t := http.StatusText(st); t != "" {
		return t
	}
	return "Status " + strconv.Itoa(st)
}

// jsonMediaType is application/json, or the JSON type a response's Content-Type header
// names (application/problem+json, say).
func jsonMediaType(r *spec.Response) string {
	for _, h := range r.Headers {
		if strings.EqualFold(h.Name, "Content-Type") {
			mt, _, _ := strings.Cut(h.Value, ";")
			return strings.ToLower(strings.TrimSpace(mt))
		}
	}
	return "application/json"
}

func mediaFor(content *Map, mt string, make func() *Map) *Map {
	if m, ok := content.Get(mt).(*Map); ok {
		return m
	}
	m := make()
	content.Set(mt, m)
	return m
}

func addExample(media *Map, key string, ex *Map) {
	examples, ok := media.Get("examples").(*Map)
	if !ok {
		examples = NewMap()
		media.Set("examples", examples)
	}
	examples.Set(key, ex)
}

// rootNull reports whether a response body of status st may be null itself: only when
// some example body of that class is null. The type model makes a body nullable also
// when an answer has no body at all, which OpenAPI says by leaving the content out.
func rootNull(e *spec.Endpoint, st int) bool {
	ok := st >= 200 && st <= 299
	for _, r := range e.Responses {
		if (r.Status >= 200 && r.Status <= 299) == ok && r.Body != nil && r.Body.Kind == spec.Null {
			return true
		}
	}
	return false
}

// bodySchema is the schema of a whole body: its type, null allowed only when asked.
func (x *exporter) bodySchema(t *spec.Type, null bool) any {
	if t == nil {
		return NewMap()
	}
	c := *t
	c.Nullable = t.Nullable && null
	return x.typeSchema(&c)
}

// typeSchema is the JSON Schema of one position of the type model.
func (x *exporter) typeSchema(t *spec.Type) any {
	m := NewMap()
	var kind string
	switch t.Kind {
	case spec.TypeAny:
		if t.Nullable && x.v30 {
			m.Set("nullable", true)
		}
		return m
	case spec.TypeBool:
		kind = "boolean"
	case spec.TypeInt:
		kind = "integer"
	case spec.TypeDouble:
		kind = "number"
	case spec.TypeString, spec.TypeDateTime:
		kind = "string"
	case spec.TypeArray:
		kind = "array"
	case spec.TypeMap:
		kind = "object"
	case spec.TypeObject:
		ref := NewMap().Set("$ref", "#/components/schemas/"+t.Object.Name)
		switch {
		case t.Nullable && x.v30:
			return NewMap().Set("nullable", true).Set("allOf", []any{ref})
		case t.Nullable:
			return NewMap().Set("anyOf", []any{ref, NewMap().Set("type", "null")})
		}
		return ref
	}
	switch {
	case t.Nullable && x.v30:
		m.Set("type", kind).Set("nullable", true)
	case t.Nullable:
		m.Set("type", []string{kind, "null"})
	default:
		m.Set("type", kind)
	}
	switch t.Kind {
	case spec.TypeDateTime:
		m.Set("format", "date-time")
	case spec.TypeString:
		if len(t.Enum) > 0 {
			enum := make([]any, 0, len(t.Enum)+1)
			for _, v := range t.Enum {
				enum = append(enum, v)
			}
			if t.Nullable {
				enum = append(enum, nil)
			}
			m.Set("enum", enum)
		}
	case spec.TypeArray:
		m.Set("items", x.typeSchema(t.Elem))
	case spec.TypeMap:
		m.Set("additionalProperties", x.typeSchema(t.Elem))
	}
	return m
}

// objectSchema is a component schema: the object's properties, the keys every example
// holds non-null as required, and additionalProperties when a schema opened it.
func (x *exporter) objectSchema(o *spec.ObjectType) *Map {
	m := NewMap().Set("type", "object")
	props := NewMap()
	var required []string
	for _, f := range o.Fields {
		props.Set(f.Key, x.typeSchema(f.Type))
		if !f.Optional {
			required = append(required, f.Key)
		}
	}
	m.Set("properties", props)
	if len(required) > 0 {
		m.Set("required", required)
	}
	if o.Open {
		m.Set("additionalProperties", true)
	}
	return m
}
