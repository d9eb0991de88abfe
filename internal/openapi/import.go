package openapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/backwards-backend/bb/internal/contract"
	"github.com/backwards-backend/bb/internal/spec"
)

// Warning is something of the document that bb.yaml cannot say, at its JSON pointer.
type Warning struct {
	Pointer string // e.g. /paths/~1pets/get/parameters/0
	Msg     string
}

// String formats the warning as #/pointer: message.
func (w Warning) String() string { return "#" + w.Pointer + ": " + w.Msg }

// Imported is what Import makes of a document.
type Imported struct {
	Spec      []byte            // bb.yaml
	Files     map[string][]byte // bodyFiles, by slash-separated path relative to bb.yaml
	Warnings  []Warning         // in document order
	Endpoints int
	Resources int
}

// PreferHeader is the request header that picks, among an imported operation's
// responses, one other than the first success: `Prefer: code=404`, `Prefer:
// example=empty` or both, as the Prism mock server reads it.
const PreferHeader = "Prefer"

// Import turns an OpenAPI 3.0 or 3.1 document (YAML or JSON, local $refs) into a
// bb.yaml: one endpoint per operation, named by its operationId or else by its method
// and path, answering with the document's examples or, where it has none, with sample
// values that fit its schemas, which are kept as `schema:`. The first success answers
// by default; the other responses and named examples answer to a Prefer header. A
// document bb exported (with x-bb-responses) comes back as the spec it was. What
// bb.yaml cannot say is a Warning, never dropped silently. source names the document
// in bb.yaml's header comment.
func Import(data []byte, source string) (*Imported, error) {
	return ImportWith(data, source, nil)
}

// ImportWith is Import with a way to read the files an example's externalValue names
// by a relative path (bb gen openapi names binary bodyFiles so). With nil, such
// examples are warnings.
func ImportWith(data []byte, source string, readFile func(rel string) ([]byte, error)) (*Imported, error) {
	doc, err := read(data)
	if err != nil {
		return nil, err
	}
	root := asMap(doc)
	if root == nil {
		return nil, fmt.Errorf("not an OpenAPI document: it is not a mapping")
	}
	version, _ := asString(root.Get("openapi"))
	if version == "" {
		if _, ok := root.vals["swagger"]; ok {
			return nil, fmt.Errorf("this is a Swagger 2.0 document; bb reads OpenAPI 3.0 and 3.1 (convert it first, e.g. with swagger2openapi)")
		}
		return nil, fmt.Errorf("not an OpenAPI document: it has no `openapi:` version")
	}
	im := &importer{doc: root, files: map[string][]byte{}, names: map[string]bool{}, routes: http.NewServeMux(), patterns: map[string]string{}, readFile: readFile, docOnly: map[string]int{}, resourceNames: map[string]bool{}}
	im.conv = &converter{doc: root, warn: im.warn}
	if !strings.HasPrefix(version, "3.0") && !strings.HasPrefix(version, "3.1") {
		im.warn("/openapi", fmt.Sprintf("OpenAPI %s: bb reads 3.0 and 3.1, and reads this as 3.1", version))
	}

	out := NewMap().Set("version", 1)
	info := asMap(root.Get("info"))
	title, _ := asString(info.getOr("title"))
	out.Set("name", apiName(title))
	if d, ok := asString(info.getOr("description")); ok && d != "" {
		out.Set("description", d)
	}
	if port := localPort(root); port != 0 {
		out.Set("server", NewMap().Set("port", port))
	}
	if base := basePath(root); base != "" {
		im.warn("/servers/0/url", fmt.Sprintf("the API lives under %s; bb serves its paths without it, so point the app at bb serve's root", base))
	}
	resources := im.resources(root.Get(resourcesKey))
	endpoints := NewMap()
	paths := asMap(root.Get("paths"))
	if paths != nil {
		for _, p := range paths.Keys() {
			im.pathItem(p, paths.Get(p), pointer("/paths", p), endpoints)
		}
	}
	for _, k := range []string{"webhooks", "callbacks"} {
		if root.Get(k) != nil {
			im.warn("/"+k, k+" are requests the API sends, which a stub server cannot; left out")
		}
	}
	// Documentation is said once for the whole document, not once per operation.
	var docs []string
	for _, k := range []string{"tags", "description", "externalDocs", "deprecated"} {
		if n := im.docOnly[k]; n > 0 {
			docs = append(docs, fmt.Sprintf("%s (of %s)", k, countOps(n)))
		}
	}
	if n := im.docOnly["links"]; n > 0 {
		docs = append(docs, fmt.Sprintf("links (of %d responses)", n))
	}
	for _, k := range []string{"tags", "externalDocs"} {
		if root.Get(k) != nil {
			docs = append(docs, "the document's "+k)
		}
	}
	if len(docs) > 0 {
		im.warn("", "documentation bb.yaml has no place for: "+strings.Join(docs, ", ")+"; left out (an operation's summary, or its description's first line, is kept)")
	}
	if endpoints.Len() == 0 && resources.Len() == 0 {
		return nil, fmt.Errorf("the document has no operation bb can serve (%d warnings): %v", len(im.warnings), im.warnings)
	}
	if resources.Len() > 0 {
		out.Set("resources", resources)
	}
	if endpoints.Len() > 0 {
		out.Set("endpoints", endpoints)
	}
	body, err := YAML(out)
	if err != nil {
		return nil, err
	}
	head := "# yaml-language-server: $schema=" + spec.SchemaFile + "\n"
	head += fmt.Sprintf("# Imported by bb import openapi from %s (OpenAPI %s).\n", source, version)
	head += "# The first success answers by default; the other responses answer to a\n# `Prefer: code=404` or `Prefer: example=name` request header.\n"
	if n := len(im.warnings); n > 0 {
		head += fmt.Sprintf("# %d things in the document could not be carried over; bb import listed them.\n", n)
	}
	return &Imported{Spec: append([]byte(head), body...), Files: im.files, Warnings: im.warnings, Endpoints: endpoints.Len(), Resources: resources.Len()}, nil
}

// resourceKeys are the keys of a resource bb.yaml reads, in the order bb writes them.
var resourceKeys = []string{"summary", "path", "id", "seed", "schema"}

// resources reads the document's x-bb-resources, which bb gen openapi writes: each
// resource as bb.yaml's resources: says it. bb load checks the rest.
func (im *importer) resources(v any) *Map {
	out := NewMap()
	if v == nil {
		return out
	}
	all := asMap(v)
	if all == nil {
		im.warn("/"+resourcesKey, "not a mapping from a resource's name to its settings; left out")
		return out
	}
	for _, name := range all.Keys() {
		ptr := pointer("/"+resourcesKey, name)
		r := asMap(all.Get(name))
		switch {
		case !identRE.MatchString(name):
			im.warn(ptr, fmt.Sprintf("resource name %q must start with a letter and hold only letters, digits and '_'; left out", name))
			continue
		case r == nil:
			im.warn(ptr, "a resource is a mapping (path, id, seed, schema); left out")
			continue
		}
		m := NewMap()
		for _, k := range r.Keys() {
			if !slices.Contains(resourceKeys, k) {
				im.warn(pointer(ptr, k), fmt.Sprintf("%q is not a key of a resource; left out", k))
			}
		}
		for _, k := range resourceKeys {
			if x := r.Get(k); x != nil {
				m.Set(k, x)
			}
		}
		out.Set(name, m)
		im.resourceNames[name] = true
	}
	return out
}

// resourceOp reports whether op is one of the routes of a resource the document's
// x-bb-resources holds: the resource gives it back, not an endpoint of its own.
func (im *importer) resourceOp(op *Map) bool {
	name, _ := asString(asMap(op.Get(resourceOpKey)).getOr("resource"))
	return im.resourceNames[name]
}

func countOps(n int) string {
	if n == 1 {
		return "1 operation"
	}
	return strconv.Itoa(n) + " operations"
}

func (m *Map) getOr(key string) any {
	if m == nil {
		return nil
	}
	return m.Get(key)
}

type importer struct {
	doc      *Map
	conv     *converter
	warnings []Warning
	files    map[string][]byte
	names    map[string]bool // operation names taken, by their Go handler spelling
	routes   *http.ServeMux
	patterns map[string]string // normalised pattern → endpoint, for clashes
	readFile func(rel string) ([]byte, error)
	// docOnly counts the operations with documentation bb.yaml has no place for.
	docOnly map[string]int
	// pathParams are the {params} of the path whose responses are being read.
	pathParams []string
	// resourceNames are the resources of the document's x-bb-resources.
	resourceNames map[string]bool
}

func (im *importer) warn(ptr, msg string) {
	im.warnings = append(im.warnings, Warning{Pointer: ptr, Msg: msg})
}

var methodOrder = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

func (im *importer) pathItem(p string, v any, ptr string, endpoints *Map) {
	item, iptr := im.conv.resolve(v, ptr)
	if item == nil {
		im.warn(ptr, "the path item is not a mapping; left out")
		return
	}
	for _, k := range item.Keys() {
		switch {
		case k == "trace":
			im.warn(pointer(iptr, k), "bb serves GET, POST, PUT, PATCH, DELETE, HEAD and OPTIONS; TRACE left out")
		case slices.Contains(methodOrder, k):
			op := asMap(item.Get(k))
			if op == nil {
				im.warn(pointer(iptr, k), "the operation is not a mapping; left out")
				continue
			}
			im.operation(p, k, item, iptr, op, pointer(iptr, k), endpoints)
		case k == "servers":
			im.warn(pointer(iptr, k), "servers of one path: bb serves every endpoint from one server; left out")
		}
	}
}

var (
	identRE    = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)
	segRE      = regexp.MustCompile(`^[A-Za-z0-9\-._~!$&'()*+,;=:@%]+$`)
	anyParam   = regexp.MustCompile(`\{[^}]*\}`)
	headerName = regexp.MustCompile("^[!#$%&'*+\\-.^_`|~0-9A-Za-z]+$")
)

// bbPath turns an OpenAPI path template into bb's: each {param} a whole segment named
// with letters, digits and '_'. It returns the new path and the parameter renames.
func bbPath(p string) (string, map[string]string, string) {
	if !strings.HasPrefix(p, "/") {
		return "", nil, "the path does not start with '/'"
	}
	renames := map[string]string{}
	segs := strings.Split(p[1:], "/")
	for i, seg := range segs {
		if seg == "" {
			if i == len(segs)-1 {
				continue
			}
			return "", nil, "the path has an empty segment ('//')"
		}
		if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") && strings.Count(seg, "{") == 1 {
			name := seg[1 : len(seg)-1]
			bb := paramName(name)
			for _, taken := range renames {
				if taken == bb {
					bb += strconv.Itoa(i)
				}
			}
			renames[name] = bb
			segs[i] = "{" + bb + "}"
			continue
		}
		if strings.ContainsAny(seg, "{}") {
			return "", nil, fmt.Sprintf("segment %q mixes a parameter with text; bb matches whole-segment parameters only", seg)
		}
		if !segRE.MatchString(seg) {
			segs[i] = url.PathEscape(seg)
		}
	}
	return "/" + strings.Join(segs, "/"), renames, ""
}

// paramName makes a path parameter's name a bb one: pet-id becomes pet_id.
func paramName(name string) string {
	if identRE.MatchString(name) {
		return name
	}
	var b strings.Builder
	for _, r := range name {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_') {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	s := b.String()
	if s == "" || !(s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z') {
		s = "p" + s
	}
	return s
}

// opName is the endpoint's name: the operationId as a bb name, else the method and the
// path's words (GET /pets/{petId} gives getPetsByPetId), unique however Go capitalises.
func (im *importer) opName(op *Map, method, p string) string {
	id, _ := asString(op.Get("operationId"))
	name := id
	if !identRE.MatchString(name) {
		name = lowerCamel(spec.Words(id))
	}
	if name == "" || !identRE.MatchString(name) {
		words := []string{method}
		for _, seg := range strings.Split(p, "/") {
			if strings.HasPrefix(seg, "{") {
				words = append(words, "by")
			}
			words = append(words, spec.Words(seg)...)
		}
		name = lowerCamel(words)
	}
	if name == "" || !identRE.MatchString(name) {
		name = "op" + name
	}
	base := name
	for i := 2; im.names[strings.ToUpper(name[:1])+name[1:]]; i++ {
		name = base + strconv.Itoa(i)
	}
	im.names[strings.ToUpper(name[:1])+name[1:]] = true
	return name
}

func lowerCamel(words []string) string {
	var b strings.Builder
	for i, w := range words {
		if w == "" {
			continue
		}
		r, n := utf8.DecodeRuneInString(w)
		if r >= 128 {
			continue
		}
		if i == 0 || b.Len() == 0 {
			b.WriteString(strings.ToLower(w[:n]) + w[n:])
		} else {
			b.WriteString(strings.ToUpper(w[:n]) + w[n:])
		}
	}
	out := b.String()
	if out != "" && out[0] >= '0' && out[0] <= '9' {
		out = "op" + out
	}
	return out
}

// param is one parameter with its pointer.
type param struct {
	m   *Map
	ptr string
}

// params merges the path item's parameters with the operation's, which win.
func (im *importer) params(item, op *Map, itemPtr, opPtr string) []param {
	var out []param
	add := func(list any, ptr string) {
		l, _ := list.([]any)
		for i, v := range l {
			m, mptr := im.conv.resolve(v, pointer(ptr, strconv.Itoa(i)))
			if m == nil {
				continue
			}
			name, _ := asString(m.Get("name"))
			in, _ := asString(m.Get("in"))
			replaced := false
			for k := range out {
				if n, _ := asString(out[k].m.Get("name")); n == name {
					if i2, _ := asString(out[k].m.Get("in")); i2 == in {
						out[k] = param{m, mptr}
						replaced = true
					}
				}
			}
			if !replaced {
				out = append(out, param{m, mptr})
			}
		}
	}
	add(item.Get("parameters"), pointer(itemPtr, "parameters"))
	add(op.Get("parameters"), pointer(opPtr, "parameters"))
	return out
}

func (im *importer) operation(p, method string, item *Map, itemPtr string, op *Map, ptr string, endpoints *Map) {
	bp, renames, problem := bbPath(p)
	if problem != "" {
		im.warn(pointer("/paths", p), problem+"; the operation is left out")
		return
	}
	upper := strings.ToUpper(method)
	pattern := upper + " " + bp
	norm := anyParam.ReplaceAllString(pattern, "{}")
	if other, ok := im.patterns[norm]; ok {
		im.warn(ptr, fmt.Sprintf("%s is the route of endpoint %s already; left out", pattern, other))
		return
	}
	if msg := register(im.routes, contract.MuxPattern(upper, bp)); msg != "" {
		im.warn(ptr, fmt.Sprintf("%s clashes with an earlier route (%s); left out", pattern, msg))
		return
	}
	name := im.opName(op, method, p)
	im.patterns[norm] = name
	if im.resourceOp(op) {
		return // its resource gives it back
	}
	ep := NewMap().Set("method", upper).Set("path", bp)
	if s, ok := asString(op.Get("summary")); ok && s != "" {
		ep.Set("summary", s)
	} else if d, ok := asString(op.Get("description")); ok && d != "" {
		first, _, _ := strings.Cut(strings.TrimSpace(d), "\n")
		ep.Set("summary", first)
	}
	for _, k := range []string{"callbacks", "servers"} {
		if op.Get(k) != nil {
			im.warn(pointer(ptr, k), k+" of an operation: bb has no place for them; left out")
		}
	}
	for _, k := range []string{"tags", "description", "externalDocs", "deprecated"} {
		if op.Get(k) != nil {
			im.docOnly[k]++
		}
	}
	exported := isExported(op)

	request := NewMap()
	query, headers, pathTypes := NewMap(), NewMap(), NewMap()
	for _, prm := range im.params(item, op, itemPtr, ptr) {
		pname, _ := asString(prm.m.Get("name"))
		in, _ := asString(prm.m.Get("in"))
		ex, hasEx := docExample(prm.m)
		switch in {
		case "path":
			if _, ok := renames[pname]; !ok {
				im.warn(prm.ptr, fmt.Sprintf("path parameter %q is not in the path %s; left out", pname, p))
				continue
			}
			if ts := types(im.conv.flatten(prm.m.Get("schema"), pointer(prm.ptr, "schema"), 0).m); len(ts) > 0 && ts[0] != "string" {
				if !slices.Contains([]string{"integer", "number", "boolean"}, ts[0]) {
					im.warn(prm.ptr, fmt.Sprintf("path parameter %q is typed %s, which a path segment cannot carry; clients see text", pname, ts[0]))
					break
				}
				// request.path keeps the type, and the example when there is one.
				sch := NewMap().Set("type", ts[0])
				if hasEx && isScalar(ex) && ex != nil {
					sch.Set("example", ex)
				}
				pathTypes.Set(renames[pname], sch)
			}
		case "query":
			if !hasEx {
				if exported {
					continue
				}
				ex = im.conv.sample(prm.m.Get("schema"), pointer(prm.ptr, "schema"), 0)
			}
			if !isScalar(ex) {
				if l, ok := ex.([]any); !ok || !allScalar(l) {
					im.warn(prm.ptr, fmt.Sprintf("query parameter %q holds an object; bb's query examples are plain values or lists; left out", pname))
					continue
				}
			}
			query.Set(pname, ex)
			if req, _ := prm.m.Get("required").(bool); req && !exported {
				im.warn(prm.ptr, fmt.Sprintf("query parameter %q is required; bb's clients treat every query parameter as optional", pname))
			}
		case "header":
			if !headerName.MatchString(pname) {
				im.warn(prm.ptr, fmt.Sprintf("%q is not a valid header name; left out", pname))
				continue
			}
			if !hasEx {
				if exported {
					continue
				}
				ex = im.conv.sample(prm.m.Get("schema"), pointer(prm.ptr, "schema"), 0)
			}
			if !isScalar(ex) {
				im.warn(prm.ptr, fmt.Sprintf("header %q holds a list or an object; bb's header examples are plain values; left out", pname))
				continue
			}
			headers.Set(pname, ex)
		case "cookie":
			im.warn(prm.ptr, fmt.Sprintf("cookie parameter %q: bb.yaml has no cookies; left out", pname))
		default:
			im.warn(prm.ptr, fmt.Sprintf("parameter %q is in %q, which OpenAPI does not know; left out", pname, in))
		}
	}
	if !exported {
		im.security(op, ptr, headers, query)
	}
	if query.Len() > 0 {
		request.Set("query", query)
	}
	if headers.Len() > 0 {
		request.Set("headers", headers)
	}
	if pathTypes.Len() > 0 {
		request.Set("path", pathTypes)
	}
	if rb := op.Get("requestBody"); rb != nil {
		im.requestBody(rb, pointer(ptr, "requestBody"), request)
	}
	if request.Len() > 0 {
		ep.Set("request", request)
	}
	var responses []any
	if exported {
		im.pathParams = anyParam.FindAllString(bp, -1)
		responses = im.exportedResponses(op, ptr, name)
	} else {
		responses = im.responses(op, ptr, name)
	}
	im.oneSchemaPerClass(responses, pointer(ptr, "responses"))
	if len(responses) == 0 {
		responses = []any{NewMap().Set("status", 204)}
		im.warn(pointer(ptr, "responses"), "no response bb can give; it answers 204")
	}
	ep.Set("responses", responses)
	if seq, ok := asString(op.Get("x-bb-sequence")); ok && exported {
		ep.Set("sequence", seq)
	}
	endpoints.Set(name, ep)
}

// oneSchemaPerClass leaves one schema per class of response: bb types every 2xx body of
// an endpoint with the first schema among them in spec order, and every other body with
// the first among those. The schema that should win (the default answer's, for
// successes) moves to the first response of its class; a response whose schema differs
// from it is a warning.
func (im *importer) oneSchemaPerClass(responses []any, ptr string) {
	type class = bool // true: 2xx
	classOf := func(m *Map) class { st, _ := m.Get("status").(int); return st >= 200 && st < 300 }
	want := map[class]*Map{}
	// The fallback, last, is the default answer: its schema types the successes.
	for i := len(responses) - 1; i >= 0; i-- {
		m := asMap(responses[i])
		if sc := asMap(m.Get("schema")); sc != nil && classOf(m) && want[true] == nil && i == len(responses)-1 {
			want[true] = sc
		}
	}
	for _, r := range responses {
		m := asMap(r)
		if sc := asMap(m.Get("schema")); sc != nil && want[classOf(m)] == nil {
			want[classOf(m)] = sc
		}
	}
	text := func(m *Map) string { data, _ := JSON(m); return string(data) }
	placed := map[class]bool{}
	for _, r := range responses {
		m := asMap(r)
		c := classOf(m)
		if sc := asMap(m.Get("schema")); sc != nil && text(sc) != text(want[c]) {
			st, _ := m.Get("status").(int)
			im.warn(ptr, fmt.Sprintf("status %d has another schema than the endpoint's %s; bb types all of them with one", st, map[bool]string{true: "default answer", false: "first error"}[c]))
		}
		m.Delete("schema")
		if !placed[c] && want[c] != nil && (m.Get("body") != nil || hasKey(m, "body")) {
			m.Set("schema", want[c])
			placed[c] = true
		}
	}
}

func allScalar(l []any) bool {
	for _, x := range l {
		if !isScalar(x) {
			return false
		}
	}
	return true
}

func register(mux *http.ServeMux, pattern string) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	mux.Handle(pattern, http.NotFoundHandler())
	return ""
}

// framing are the response headers bb's server sets itself and a spec may not.
var framing = map[string]bool{"Content-Length": true, "Transfer-Encoding": true, "Connection": true,
	"Keep-Alive": true, "Upgrade": true, "Trailer": true, "Te": true}

// maxBodyDepth is how deep an example may nest: bb reads bodies 64 levels deep.
const maxBodyDepth = 60

func depth(v any) int {
	d := 0
	switch x := v.(type) {
	case *Map:
		for _, k := range x.Keys() {
			d = max(d, depth(x.Get(k)))
		}
		return d + 1
	case []any:
		for _, it := range x {
			d = max(d, depth(it))
		}
		return d + 1
	}
	return 0
}

// isExported reports whether bb wrote the operation: every response says, under
// x-bb-responses, which of the spec's responses it holds.
func isExported(op *Map) bool {
	resps := asMap(op.Get("responses"))
	if resps == nil || resps.Len() == 0 {
		return false
	}
	for _, k := range resps.Keys() {
		if _, ok := asMap(resps.Get(k)).getOr("x-bb-responses").([]any); !ok {
			return false
		}
	}
	return true
}

// docExample is a parameter's or header's example: example, the first of examples, or the
// schema's.
func docExample(m *Map) (any, bool) {
	if x, ok := m.vals["example"]; ok {
		return x, true
	}
	if exs := asMap(m.Get("examples")); exs != nil && exs.Len() > 0 {
		if e := asMap(exs.Get(exs.Keys()[0])); e != nil {
			if x, ok := e.vals["value"]; ok {
				return x, true
			}
		}
	}
	if s := asMap(m.Get("schema")); s != nil {
		for _, k := range []string{"example", "default"} {
			if x, ok := s.vals[k]; ok {
				return x, true
			}
		}
	}
	return nil, false
}

// security turns the operation's (or the document's) security requirement into the
// request example's credentials, so the generated client sends them.
func (im *importer) security(op *Map, ptr string, headers, query *Map) {
	reqs, ok := op.Get("security").([]any)
	sptr := pointer(ptr, "security")
	if !ok {
		reqs, _ = im.doc.Get("security").([]any)
		sptr = "/security"
	}
	if len(reqs) == 0 {
		return
	}
	req := asMap(reqs[0])
	if req == nil || req.Len() == 0 {
		return
	}
	schemes := asMap(asMap(im.doc.Get("components")).getOr("securitySchemes"))
	sname := req.Keys()[0]
	scheme, _ := im.conv.resolve(schemes.getOr(sname), pointer("/components/securitySchemes", sname))
	if scheme == nil {
		im.warn(sptr, fmt.Sprintf("security scheme %q is not under components.securitySchemes; left out", sname))
		return
	}
	typ, _ := asString(scheme.Get("type"))
	switch typ {
	case "http":
		s, _ := asString(scheme.Get("scheme"))
		if strings.EqualFold(s, "basic") {
			setIfAbsent(headers, "Authorization", "Basic dXNlcjpwYXNzd29yZA==")
		} else {
			setIfAbsent(headers, "Authorization", "Bearer token")
		}
	case "oauth2", "openIdConnect":
		setIfAbsent(headers, "Authorization", "Bearer token")
	case "apiKey":
		name, _ := asString(scheme.Get("name"))
		switch in, _ := asString(scheme.Get("in")); in {
		case "header":
			if headerName.MatchString(name) {
				setIfAbsent(headers, name, "api-key")
			}
		case "query":
			setIfAbsent(query, name, "api-key")
		default:
			im.warn(pointer("/components/securitySchemes", sname), "an API key in a cookie: bb.yaml has no cookies; left out")
		}
	default:
		im.warn(pointer("/components/securitySchemes", sname), fmt.Sprintf("security scheme type %q: left out", typ))
	}
}

func setIfAbsent(m *Map, key string, v any) {
	for _, k := range m.Keys() {
		if strings.EqualFold(k, key) {
			return
		}
	}
	m.Set(key, v)
}

// jsonMedia reports whether a media type carries JSON.
func jsonMedia(mt string) bool {
	mt = strings.ToLower(strings.TrimSpace(strings.SplitN(mt, ";", 2)[0]))
	return mt == "application/json" || strings.HasSuffix(mt, "+json") || mt == "*/*" || mt == "application/*"
}

// pickMedia chooses the media type bb answers with: JSON first, else the first listed,
// warning about the others.
func (im *importer) pickMedia(content *Map, ptr string) (string, *Map) {
	if content == nil || content.Len() == 0 {
		return "", nil
	}
	pick := content.Keys()[0]
	for _, k := range content.Keys() {
		if jsonMedia(k) {
			pick = k
			break
		}
	}
	for _, k := range content.Keys() {
		if k != pick {
			im.warn(pointer(ptr, k), fmt.Sprintf("bb answers with one media type per response, %s here; %s left out", pick, k))
		}
	}
	return pick, asMap(content.Get(pick))
}

type namedExample struct {
	name  string
	value any
}

// examples lists a media type's examples: example, else each of examples in order.
func (im *importer) examples(media *Map, ptr string) []namedExample {
	if media == nil {
		return nil
	}
	if x, ok := media.vals["example"]; ok {
		if depth(x) > maxBodyDepth {
			im.warn(pointer(ptr, "example"), fmt.Sprintf("the example nests deeper than %d levels, more than bb reads; left out", maxBodyDepth))
			return nil
		}
		return []namedExample{{"", x}}
	}
	exs := asMap(media.Get("examples"))
	if exs == nil {
		return nil
	}
	var out []namedExample
	for _, k := range exs.Keys() {
		e, eptr := im.conv.resolve(exs.Get(k), pointer(ptr, "examples", k))
		if x, ok := im.exampleValue(e, eptr); ok {
			if depth(x) > maxBodyDepth {
				im.warn(eptr, fmt.Sprintf("the example nests deeper than %d levels, more than bb reads; left out", maxBodyDepth))
				continue
			}
			out = append(out, namedExample{k, x})
		}
	}
	return out
}

// exampleValue is an Example Object's value, or the bytes its externalValue names,
// as text, when that is a file beside the document.
func (im *importer) exampleValue(e *Map, ptr string) (any, bool) {
	if e == nil {
		return nil, false
	}
	if x, ok := e.vals["value"]; ok {
		return x, true
	}
	ext, ok := asString(e.Get("externalValue"))
	if !ok {
		return nil, false
	}
	if u, err := url.Parse(ext); err == nil && u.Scheme == "" && !strings.HasPrefix(ext, "/") && !strings.Contains(ext, "..") && im.readFile != nil {
		if data, err := im.readFile(ext); err == nil {
			return string(data), true
		}
	}
	im.warn(ptr, fmt.Sprintf("externalValue %q: bb reads examples in the document, or files beside it; left out", ext))
	return nil, false
}

func (im *importer) requestBody(v any, ptr string, request *Map) {
	rb, rptr := im.conv.resolve(v, ptr)
	if rb == nil {
		return
	}
	content := asMap(rb.Get("content"))
	mt, media := im.pickMedia(content, pointer(rptr, "content"))
	if media == nil {
		return
	}
	mptr := pointer(rptr, "content", mt)
	if !jsonMedia(mt) {
		im.warn(mptr, fmt.Sprintf("a %s request body: bb's requests are JSON; left out", mt))
		return
	}
	var body any
	exs := im.examples(media, mptr)
	for _, ex := range exs {
		if ex.name == "request" {
			body = ex.value
		}
	}
	switch {
	case body != nil:
	case len(exs) > 0:
		body = exs[0].value
	case media.Get("schema") != nil:
		body = im.conv.sample(media.Get("schema"), pointer(mptr, "schema"), 0)
	default:
		im.warn(mptr, "a request body with neither schema nor example; left out")
		return
	}
	request.Set("body", body)
	if media.Get("schema") != nil {
		request.Set("schema", im.conv.convert(media.Get("schema"), pointer(mptr, "schema"), 0))
	}
}

// statusOf reads a responses key: a code, a range such as 4XX, or default.
func (im *importer) statusOf(key string, only bool, ptr string) (int, bool) {
	if n, err := strconv.Atoi(key); err == nil {
		if n < 200 || n > 599 {
			im.warn(ptr, fmt.Sprintf("status %d: bb answers with 200-599; left out", n))
			return 0, false
		}
		return n, true
	}
	if len(key) == 3 && strings.EqualFold(key[1:], "XX") && key[0] >= '2' && key[0] <= '5' {
		n := int(key[0]-'0') * 100
		im.warn(ptr, fmt.Sprintf("status range %s answers as %d", key, n))
		return n, true
	}
	if key == "default" {
		n := 500
		if only {
			n = 200
		}
		im.warn(ptr, fmt.Sprintf("the default response answers as %d", n))
		return n, true
	}
	im.warn(ptr, fmt.Sprintf("%q is not a status; left out", key))
	return 0, false
}

// answer is one bb response being built.
type answer struct {
	status  int
	prefer  []string // what the Prefer header must say to pick it; none: the fallback
	headers *Map
	body    any
	hasBody bool
	schema  *Map
	file    string
}

func (im *importer) responses(op *Map, ptr string, name string) []any {
	resps := asMap(op.Get("responses"))
	rptr := pointer(ptr, "responses")
	if resps == nil {
		return nil
	}
	type group struct {
		status int
		list   []answer
	}
	var groups []group
	for _, key := range resps.Keys() {
		kptr := pointer(rptr, key)
		status, ok := im.statusOf(key, resps.Len() == 1, kptr)
		if !ok {
			continue
		}
		resp, sptr := im.conv.resolve(resps.Get(key), kptr)
		if resp == nil {
			continue
		}
		if resp.Get("links") != nil {
			im.docOnly["links"]++
		}
		headers := NewMap()
		if hs := asMap(resp.Get("headers")); hs != nil {
			for _, h := range hs.Keys() {
				if strings.EqualFold(h, "Content-Type") {
					continue // the media type says it
				}
				if framing[http.CanonicalHeaderKey(h)] {
					im.warn(pointer(sptr, "headers", h), fmt.Sprintf("%s is set by the server from the body; left out", h))
					continue
				}
				hm, hptr := im.conv.resolve(hs.Get(h), pointer(sptr, "headers", h))
				if hm == nil {
					continue
				}
				if !headerName.MatchString(h) {
					im.warn(hptr, fmt.Sprintf("%q is not a valid header name; left out", h))
					continue
				}
				ex, ok := docExample(hm)
				if !ok {
					ex = im.conv.sample(hm.Get("schema"), pointer(hptr, "schema"), 0)
				}
				if !isScalar(ex) {
					im.warn(hptr, "a header example that is a list or an object; left out")
					continue
				}
				headers.Set(h, ex)
			}
		}
		g := group{status: status}
		mt, media := im.pickMedia(asMap(resp.Get("content")), pointer(sptr, "content"))
		if media == nil {
			g.list = append(g.list, answer{status: status, headers: headers})
			groups = append(groups, g)
			continue
		}
		mptr := pointer(sptr, "content", mt)
		exs := im.examples(media, mptr)
		var schema *Map
		if media.Get("schema") != nil {
			if jsonMedia(mt) {
				schema = im.conv.convert(media.Get("schema"), pointer(mptr, "schema"), 0)
			}
			if len(exs) == 0 {
				var v any // bytes (an image) cannot be sampled: bodyFile writes the file empty
				if jsonMedia(mt) || strings.HasPrefix(mt, "text/") {
					v = im.conv.sample(media.Get("schema"), pointer(mptr, "schema"), 0)
				}
				exs = []namedExample{{"", v}}
			}
		}
		if len(exs) == 0 {
			im.warn(mptr, "neither schema nor example: it answers without a body")
			g.list = append(g.list, answer{status: status, headers: headers})
			groups = append(groups, g)
			continue
		}
		for _, ex := range exs {
			a := answer{status: status, headers: headers, schema: schema}
			if ex.name != "" {
				a.prefer = []string{"example=" + ex.name}
			}
			if jsonMedia(mt) {
				a.body, a.hasBody = ex.value, true
				if base := strings.ToLower(strings.TrimSpace(strings.SplitN(mt, ";", 2)[0])); base != "application/json" && !strings.Contains(base, "*") {
					a.headers = cloneMap(headers).Set("Content-Type", mt)
				}
			} else {
				a.file = im.bodyFile(name, status, ex.name, mt, ex.value, mptr, "")
				a.headers = cloneMap(headers).Set("Content-Type", mt)
			}
			g.list = append(g.list, a)
		}
		groups = append(groups, g)
	}
	if len(groups) == 0 {
		return nil
	}
	primary := 0
	for i, g := range groups {
		if g.status >= 200 && g.status < 300 && (groups[primary].status < 200 || groups[primary].status >= 300 || g.status < groups[primary].status) {
			primary = i
		}
	}
	var conditional []answer
	var fallback answer
	for i, g := range groups {
		for j, a := range g.list {
			if i == primary && j == 0 {
				a.prefer = nil
				fallback = a
				continue
			}
			if i != primary {
				code := "code=" + strconv.Itoa(g.status)
				if j == 0 {
					a.prefer = []string{code}
				} else {
					a.prefer = append([]string{code}, a.prefer...)
				}
			}
			conditional = append(conditional, a)
		}
	}
	// Two responses of one status give the same Prefer; the first one listed answers.
	seen := map[string]bool{}
	var out []any
	for _, a := range append(conditional, fallback) {
		key := strings.Join(a.prefer, ", ")
		if a.prefer != nil && seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, a.bb())
	}
	return out
}

func cloneMap(m *Map) *Map {
	out := NewMap()
	for _, k := range m.Keys() {
		out.Set(k, m.Get(k))
	}
	return out
}

func (a answer) bb() *Map {
	r := NewMap()
	if len(a.prefer) > 0 {
		r.Set("when", NewMap().Set("header."+PreferHeader, strings.Join(a.prefer, ", ")))
	}
	r.Set("status", a.status)
	if a.headers != nil && a.headers.Len() > 0 {
		r.Set("headers", a.headers)
	}
	switch {
	case a.file != "":
		r.Set("bodyFile", a.file)
	case a.hasBody:
		if a.status == 204 || a.status == 304 {
			break
		}
		r.Set("body", a.body)
		if a.schema != nil {
			r.Set("schema", a.schema)
		}
	}
	return r
}

// mediaExt is the file extension a bodyFile of a media type gets, so bb serve sends it
// with that type; unknown types get .bin or .txt and a Content-Type header.
var mediaExt = map[string]string{
	"text/plain": ".txt", "text/csv": ".csv", "text/html": ".html", "text/markdown": ".md",
	"application/xml": ".xml", "text/xml": ".xml", "application/pdf": ".pdf", "image/png": ".png",
	"image/jpeg": ".jpg", "image/gif": ".gif", "image/svg+xml": ".svg", "application/octet-stream": ".bin",
	"application/yaml": ".yaml", "text/yaml": ".yaml", "application/zip": ".zip", "text/calendar": ".ics",
}

// bodyFile stores a non-JSON example as a file beside bb.yaml and returns its path.
func (im *importer) bodyFile(name string, status int, example, mt string, v any, ptr, want string) string {
	base := strings.ToLower(strings.TrimSpace(strings.SplitN(mt, ";", 2)[0]))
	ext, ok := mediaExt[base]
	if !ok {
		ext = ".bin"
		if strings.HasPrefix(base, "text/") {
			ext = ".txt"
		}
	}
	file := want
	if file == "" || strings.HasPrefix(file, "/") || strings.Contains(file, "..") || strings.Contains(file, "\\") {
		file = fmt.Sprintf("responses/%s-%d", name, status)
		if example != "" {
			file += "-" + paramName(example)
		}
		file += ext
	}
	for i := 2; im.files[file] != nil; i++ {
		file = strings.TrimSuffix(file, path.Ext(file)) + "-" + strconv.Itoa(i) + path.Ext(file)
	}
	var data []byte
	switch x := v.(type) {
	case string:
		data = []byte(x)
	case nil:
		data = []byte{}
		im.warn(ptr, fmt.Sprintf("a %s body with no example; %s is written empty: put the real bytes there", mt, file))
	default:
		data, _ = JSON(x)
		im.warn(ptr, fmt.Sprintf("a %s example that is not text; %s holds it as JSON", mt, file))
	}
	if strings.EqualFold(path.Ext(file), ".json") && !json.Valid(data) {
		// bb reads a .json bodyFile as JSON: bytes that are not JSON get another name.
		next := ext
		if next == ".json" {
			next = ".bin"
		}
		file = strings.TrimSuffix(file, path.Ext(file)) + next
		for i := 2; im.files[file] != nil; i++ {
			file = strings.TrimSuffix(file, path.Ext(file)) + "-" + strconv.Itoa(i) + path.Ext(file)
		}
	}
	im.files[file] = data
	return file
}

// exportedResponses gives back the responses of an operation bb exported, in the
// spec's order, each with its `when`, headers, delay and body.
func (im *importer) exportedResponses(op *Map, ptr, name string) []any {
	resps := asMap(op.Get("responses"))
	type entry struct {
		index  int
		status int
		e      *Map
		resp   *Map
		ptr    string
	}
	var entries []entry
	for _, key := range resps.Keys() {
		status, err := strconv.Atoi(key)
		if err != nil {
			im.warn(pointer(ptr, "responses", key), fmt.Sprintf("%q is not a status; left out", key))
			continue
		}
		resp := asMap(resps.Get(key))
		list, _ := resp.Get("x-bb-responses").([]any)
		for i, x := range list {
			e := asMap(x)
			if e == nil {
				continue
			}
			n, _ := number(e.Get("response"))
			entries = append(entries, entry{int(n), status, e, resp, pointer(ptr, "responses", key, "x-bb-responses", strconv.Itoa(i))})
		}
	}
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].index < entries[j].index })
	var out []any
	for _, en := range entries {
		r := NewMap()
		if w := asMap(en.e.Get("when")); w != nil {
			r.Set("when", im.when(w, pointer(en.ptr, "when")))
		}
		if en.status < 200 || en.status > 599 {
			im.warn(en.ptr, fmt.Sprintf("status %d: bb answers with 200-599; left out", en.status))
			continue
		}
		r.Set("status", en.status)
		if h := asMap(en.e.Get("headers")); h != nil {
			r.Set("headers", im.plainHeaders(h, pointer(en.ptr, "headers"), true))
		}
		if d, ok := asString(en.e.Get("delay")); ok {
			lo, hi, isRange := strings.Cut(d, "..")
			if !isRange {
				hi = lo
			}
			a, err1 := time.ParseDuration(lo)
			b, err2 := time.ParseDuration(hi)
			if err1 == nil && err2 == nil && a >= 0 && a <= b && b <= 10*time.Minute {
				r.Set("delay", d)
			} else {
				im.warn(pointer(en.ptr, "delay"), fmt.Sprintf("delay %q is not a duration (or a range) of 0 to 10m; left out", d))
			}
		}
		for _, k := range []string{"scenario", "fault"} {
			if v, ok := asString(en.e.Get(k)); ok {
				r.Set(k, v)
			}
		}
		if c, ok := en.e.Get("chance").(json.Number); ok {
			r.Set("chance", c)
		}
		if ex := asMap(en.e.Get("requestExample")); ex != nil {
			r.Set("example", im.requestExample(ex, pointer(en.ptr, "requestExample")))
		}
		key, _ := asString(en.e.Get("example"))
		content := asMap(en.resp.Get("content"))
		if b, _ := en.e.Get("nullBody").(bool); b {
			r.Set("body", nil)
		}
		if key != "" && content != nil {
			for _, mt := range content.Keys() {
				media := asMap(content.Get(mt))
				example := asMap(asMap(media.getOr("examples")).getOr(key))
				if example == nil {
					continue
				}
				ex, _ := im.exampleValue(example, en.ptr)
				if tpl := en.e.Get("template"); tpl != nil && jsonMedia(mt) {
					ex = tpl // the templates the example was filled in from
				}
				if jsonMedia(mt) {
					r.Set("body", ex)
					if media.Get("schema") != nil {
						r.Set("schema", im.conv.convert(media.Get("schema"), pointer(en.ptr, "schema"), 0))
					}
				} else {
					want, _ := asString(en.e.Get("bodyFile"))
					r.Set("bodyFile", im.bodyFile(name, en.status, "", mt, ex, en.ptr, want))
				}
				break
			}
		} else if bf, ok := asString(en.e.Get("bodyFile")); ok && content != nil {
			// A body bb could not write as text (an image): the file is needed again.
			mt := content.Keys()[0]
			r.Set("bodyFile", im.bodyFile(name, en.status, "", mt, nil, en.ptr, bf))
		}
		out = append(out, r)
	}
	if seq, _ := asString(op.Get("x-bb-sequence")); seq == "" {
		out = im.reachable(out, ptr)
	}
	return out
}

// reachable leaves out the responses that a response before them, which always answers
// in their scenario, would never let answer (an x-bb-responses entry whose `when` was
// lost, say), so the spec written loads.
func (im *importer) reachable(resps []any, ptr string) []any {
	always := map[string]bool{}
	var out []any
	for i, x := range resps {
		r := asMap(x)
		scenario, _ := asString(r.Get("scenario"))
		if always[scenario] {
			im.warn(pointer(ptr, "responses"), fmt.Sprintf("response %d can never answer: a response before it has no `when`; left out", i+1))
			continue
		}
		w := asMap(r.Get("when"))
		if (w == nil || w.Len() == 0) && r.Get("chance") == nil && r.Get("fault") == nil {
			always[scenario] = true
		}
		out = append(out, x)
	}
	return out
}

// when keeps the conditions of x-bb-responses that bb can read: a place in the
// request and, but for the body, a plain value.
func (im *importer) when(w *Map, ptr string) *Map {
	out := NewMap()
	for _, k := range w.Keys() {
		src, name, _ := strings.Cut(k, ".")
		v := w.Get(k)
		ok := false
		switch src {
		case "body":
			ok = depth(v) <= maxBodyDepth
		case "query":
			ok = name != "" && isScalar(v)
		case "path":
			ok = slices.Contains(im.pathParams, "{"+name+"}") && isScalar(v)
		case "header":
			ok = headerName.MatchString(name) && isScalar(v)
		}
		if !ok {
			im.warn(pointer(ptr, k), fmt.Sprintf("condition %q is not one bb reads; left out", k))
			continue
		}
		out.Set(k, v)
	}
	return out
}

// plainHeaders keeps the headers with a valid name and a plain value; response headers
// also leave out those the server sets itself.
func (im *importer) plainHeaders(h *Map, ptr string, response bool) *Map {
	out := NewMap()
	for _, k := range h.Keys() {
		if !headerName.MatchString(k) || !isScalar(h.Get(k)) || response && framing[http.CanonicalHeaderKey(k)] {
			im.warn(pointer(ptr, k), fmt.Sprintf("header %q is not one bb can send; left out", k))
			continue
		}
		out.Set(k, h.Get(k))
	}
	return out
}

// requestExample keeps what bb's `example:` reads.
func (im *importer) requestExample(ex *Map, ptr string) *Map {
	out := NewMap()
	for _, k := range ex.Keys() {
		v := ex.Get(k)
		switch m := asMap(v); {
		case k == "body" && depth(v) <= maxBodyDepth:
			out.Set(k, v)
		case k == "headers" && m != nil:
			out.Set(k, im.plainHeaders(m, pointer(ptr, k), false))
		case (k == "query" || k == "path") && m != nil:
			out.Set(k, m)
		default:
			im.warn(pointer(ptr, k), fmt.Sprintf("%q is not part of a request bb reads; left out", k))
		}
	}
	return out
}

// apiName makes the document's title a bb name.
func apiName(title string) string {
	if spec.TypeName(title) != "" {
		return title
	}
	if n := spec.UpperCamel(spec.Words(title)); spec.TypeName(n) != "" {
		return n
	}
	return "App"
}

// basePath is the path of the document's first server URL, "" when none: the paths
// of the document are relative to it.
func basePath(root *Map) string {
	servers, _ := root.Get("servers").([]any)
	if len(servers) == 0 {
		return ""
	}
	raw, _ := asString(asMap(servers[0]).getOr("url"))
	u, err := url.Parse(raw)
	if err != nil || strings.Contains(raw, "{") {
		return ""
	}
	return strings.TrimSuffix(u.Path, "/")
}

// localPort is the port of the document's first server when it is this machine.
func localPort(root *Map) int {
	servers, _ := root.Get("servers").([]any)
	if len(servers) == 0 {
		return 0
	}
	raw, _ := asString(asMap(servers[0]).getOr("url"))
	u, err := url.Parse(raw)
	if err != nil || (u.Hostname() != "localhost" && u.Hostname() != "127.0.0.1") {
		return 0
	}
	port, err := strconv.Atoi(u.Port())
	if err != nil || port < 1 || port > 65535 {
		return 0
	}
	return port
}
