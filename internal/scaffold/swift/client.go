package swift

import (
	"fmt"
	"strings"

	"github.com/backwards-backend/bb/internal/spec"
)

// packageTmpl feeds every template but the model's.
type packageTmpl struct {
	Header         string
	MarkdownHeader string
	Names          Names
	Title          string // the spec's name as written
	BaseURL        string // where `bb serve` answers, for the README
	Endpoints      []endpointTmpl
	Example        []string // a README usage snippet, one line each
}

type endpointTmpl struct {
	Doc        []string
	Name       string // the function name
	Params     string // the rendered parameter list
	Returns    string // " -> T", or "" for Void
	Call       []string
	MethodPath string // e.g. "GET /v1/books/{id}", for the README
}

func (g *generator) packageData() packageTmpl {
	d := packageTmpl{Header: Header, MarkdownHeader: "<!-- " + strings.TrimPrefix(Header, "// ") + " -->", Names: g.names, Title: g.spec.Name}
	port := g.spec.Server.Port
	if port == 0 {
		port = spec.DefaultPort
	}
	d.BaseURL = fmt.Sprintf("http://localhost:%d", port)
	// An operation named like one of the client's properties would clash with it:
	// `session` becomes `postSession`.
	members := map[string]bool{"baseURL": true, "session": true, "headers": true}
	funcs := scope{}
	for _, et := range g.types.Endpoints {
		funcs[et.Endpoint.Name] = true
	}
	for _, et := range g.types.Endpoints {
		ed := g.endpointData(et)
		if members[ed.Name] {
			ed.Name = funcs.unique(strings.ToLower(et.Endpoint.Method) + spec.UpperCamel(spec.Words(ed.Name)))
		}
		ed.Name = escape(ed.Name) // an operation named default is func `default`
		d.Endpoints = append(d.Endpoints, ed)
	}
	d.Example = g.example()
	return d
}

// param is one parameter of a client function.
type param struct {
	label, name string // unescaped; name differs from label only for `self`
	typ         string
	def         string // " = nil" or ""
}

func (p param) decl() string {
	if p.name != p.label {
		return escape(p.label) + " " + p.name + ": " + p.typ + p.def
	}
	return escape(p.label) + ": " + p.typ + p.def
}

func (p param) ref() string { return escape(p.name) }

func (g *generator) endpointData(et *spec.EndpointTypes) endpointTmpl {
	e := et.Endpoint
	d := endpointTmpl{Name: e.Name, MethodPath: e.Method + " " + e.Path}
	sc := scope{}
	newParam := func(raw, typ, def string) param {
		label := sc.unique(lowerCamel(raw))
		name := label
		if label == "self" {
			name = sc.unique("selfValue") // `self` as a parameter would hide self
		}
		return param{label: label, name: name, typ: typ, def: def}
	}
	var params []param
	pathParams := map[string]param{}
	for _, p := range et.Path {
		pp := newParam(p.Name, g.swiftType(p.Type, false), "")
		pathParams[p.Name] = pp
		params = append(params, pp)
	}
	var body *param
	if et.Request != nil {
		b := newParam("body", g.swiftType(et.Request, false), "")
		body = &b
		params = append(params, b)
	}
	var query []string
	for _, q := range et.Query {
		qp := newParam(q.Name, optional(g.swiftType(q.Type, false)), " = nil")
		params = append(params, qp)
		query = append(query, stringLiteral(q.Name)+": "+qp.ref())
	}
	var decls []string
	for _, p := range params {
		decls = append(decls, p.decl())
	}
	d.Params = strings.Join(decls, ", ")
	if len(decls) > 2 {
		d.Params = "\n        " + strings.Join(decls, ",\n        ") + "\n    "
	}

	// Doc comment: summary, the route, parameters, what it throws.
	if e.Summary != "" {
		d.Doc = append(docLines(e.Summary), "")
	}
	d.Doc = append(d.Doc, "`"+e.Method+" "+e.Path+"`")
	var pdocs []string
	for _, p := range et.Path {
		pdocs = append(pdocs, fmt.Sprintf("- %s: The `{%s}` in the path.", pathParams[p.Name].label, p.Name))
	}
	if body != nil {
		pdocs = append(pdocs, fmt.Sprintf("- %s: The request body, sent as JSON.", body.label))
	}
	for i, q := range et.Query {
		pdocs = append(pdocs, fmt.Sprintf("- %s: The `%s` query parameter; left out when nil.", params[len(params)-len(et.Query)+i].label, spec.DocText(q.Name)))
	}
	if len(pdocs) > 0 {
		d.Doc = append(d.Doc, "", "- Parameters:")
		for _, p := range pdocs {
			d.Doc = append(d.Doc, "  "+p)
		}
	}
	throws := fmt.Sprintf("- Throws: ``%s``.", g.names.Error)
	if et.Error != nil {
		d.Doc = append(d.Doc, throws+" When the server answers with a status outside 200–299,")
		d.Doc = append(d.Doc, fmt.Sprintf("  `error.decodeBody(as: %s.self)` reads its body.", g.swiftType(et.Error, false)))
	} else {
		d.Doc = append(d.Doc, throws)
	}

	// The body: one call to a private helper of the client.
	pathExpr := g.pathExpr(e.Path, pathParams)
	args := []string{stringLiteral(e.Method), pathExpr}
	if len(query) > 0 {
		args = append(args, "query: ["+strings.Join(query, ", ")+"]")
	}
	if body != nil {
		args = append(args, "body: "+body.ref())
	}
	helper := "send"
	if et.Response != nil {
		ret := g.swiftType(et.Response, false)
		d.Returns = " -> " + ret
		if et.Response.Nullable {
			// Some 2xx answers carry no body: those come back as nil.
			helper = "sendOptional"
			inner := *et.Response
			inner.Nullable = false
			ret = g.swiftType(&inner, false)
		}
		args = append(args, "returning: "+ret+".self")
	}
	d.Call = []string{"try await self." + helper + "("}
	for i, a := range args {
		sep := ","
		if i == len(args)-1 {
			sep = ""
		}
		d.Call = append(d.Call, "    "+a+sep)
	}
	d.Call = append(d.Call, ")")
	return d
}

// pathExpr writes the path as a Swift string literal, interpolating path parameters.
// Text parameters are percent-encoded so "a/b" stays one path segment.
func (g *generator) pathExpr(p string, params map[string]param) string {
	var b strings.Builder
	for i, seg := range strings.Split(p, "/") {
		if i > 0 {
			b.WriteByte('/')
		}
		if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") {
			pp := params[seg[1:len(seg)-1]]
			if pp.typ == "String" {
				b.WriteString(`\(Self.pathSegment(` + pp.ref() + `))`)
			} else {
				b.WriteString(`\(` + pp.ref() + `)`)
			}
			continue
		}
		lit := stringLiteral(fixPercents(seg))
		b.WriteString(lit[1 : len(lit)-1])
	}
	return `"` + b.String() + `"`
}

// example writes a README snippet calling the first endpoint with its example values.
func (g *generator) example() []string {
	if len(g.types.Endpoints) == 0 {
		return nil
	}
	et := g.types.Endpoints[0]
	lines := strings.Split(g.call(et, escape(et.Endpoint.Name)), "\n")
	out := []string{
		"import " + g.names.Module,
		"",
		fmt.Sprintf("let client = %s(baseURL: URL(string: %s)!)", g.names.Client, stringLiteral(fmtBaseURL(g.spec))),
		"",
		"do {",
	}
	for _, l := range lines {
		out = append(out, "    "+l)
	}
	if et.Response != nil {
		out = append(out, "    print(answer)")
	}
	out = append(out, fmt.Sprintf("} catch let error as %s {", g.names.Error))
	if et.Error != nil {
		out = append(out, fmt.Sprintf("    if let reason = try? error.decodeBody(as: %s.self) {", g.swiftType(et.Error, false)))
		out = append(out, "        print(\"HTTP \\(error.status ?? 0):\", reason)")
		out = append(out, "    } else {")
		out = append(out, "        print(error)")
		out = append(out, "    }")
	} else {
		out = append(out, "    print(error)")
	}
	// Cancellation and the headers provider's own errors are not the client's error type.
	out = append(out, "} catch {", "    print(error)", "}")
	return out
}

func fmtBaseURL(s *spec.Spec) string {
	port := s.Server.Port
	if port == 0 {
		port = spec.DefaultPort
	}
	return fmt.Sprintf("http://localhost:%d", port)
}

func firstPathExample(e *spec.Endpoint, name string) *spec.Value {
	for _, r := range e.Responses {
		for i := range r.When {
			if c := &r.When[i]; c.Source == spec.SourcePath && c.Name == name {
				return &c.Value
			}
		}
	}
	return nil
}

// literal writes an example value as a Swift expression of type t, for the README.
func (g *generator) literal(v *spec.Value, t *spec.Type, depth int) string {
	if v.Kind == spec.Null {
		return "nil"
	}
	switch t.Kind {
	case spec.TypeString:
		return stringLiteral(v.Text())
	case spec.TypeInt, spec.TypeDouble:
		if v.Kind == spec.Number {
			return v.Num
		}
	case spec.TypeBool:
		if v.Kind == spec.Bool {
			return fmt.Sprint(v.Bool)
		}
	case spec.TypeDateTime:
		return ".now"
	case spec.TypeAny:
		return anyLiteral(v)
	case spec.TypeArray:
		if v.Kind == spec.Array {
			var items []string
			for i := range v.Items {
				items = append(items, g.literal(&v.Items[i], t.Elem, depth+1))
			}
			return "[" + strings.Join(items, ", ") + "]"
		}
	case spec.TypeObject:
		if v.Kind == spec.Object {
			var args []string
			sc := scope{}
			for _, f := range t.Object.Fields {
				n := sc.unique(lowerCamel(f.Key))
				if fv := v.Get(f.Key); fv != nil {
					args = append(args, escape(n)+": "+g.literal(fv, f.Type, depth+1))
				}
			}
			return t.Object.Name + "(" + strings.Join(args, ", ") + ")"
		}
	}
	return "nil"
}

// anyLiteral writes a value as a JSONValue literal.
func anyLiteral(v *spec.Value) string {
	switch v.Kind {
	case spec.Null:
		return ".null"
	case spec.String:
		return stringLiteral(v.Str)
	case spec.Array:
		var items []string
		for i := range v.Items {
			items = append(items, anyLiteral(&v.Items[i]))
		}
		return "[" + strings.Join(items, ", ") + "]"
	case spec.Object:
		if len(v.Fields) == 0 {
			return "[:]"
		}
		var items []string
		for _, f := range v.Fields {
			items = append(items, stringLiteral(f.Key)+": "+anyLiteral(&f.Value))
		}
		return "[" + strings.Join(items, ", ") + "]"
	}
	return v.String()
}

// fixPercents escapes a '%' that does not start a %XX escape, since URLComponents traps
// on a malformed percent-encoded path.
func fixPercents(seg string) string {
	var b strings.Builder
	for i := 0; i < len(seg); i++ {
		if seg[i] == '%' && !(i+2 < len(seg) && isHex(seg[i+1]) && isHex(seg[i+2])) {
			b.WriteString("%25")
			continue
		}
		b.WriteByte(seg[i])
	}
	return b.String()
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
