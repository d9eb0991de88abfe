package swift

import (
	"fmt"
	"net/textproto"
	"slices"
	"strings"

	"github.com/backwards-backend/bb/internal/contract"
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
	FakeExample    []string // a README test with a fake, one line each
	ViewModel      []string // a README SwiftUI view model, one line each

	// With resources: the names of Page.swift, and the README's CRUD calls.
	PageType, DirectionType, TotalHeader string
	PageExample                          []string // Page's doc: reading every page
	Resources                            []resourceTmpl
}

type endpointTmpl struct {
	Doc        []string
	Name       string // the function name
	Params     string // the short form's parameter list, as the protocol requires it
	Returns    string // " -> T", or "" for Void
	ShortBody  []string
	MethodPath string // e.g. "GET /v1/books/{id}", for the README

	// The forms with default arguments, in the protocol's extension.
	Conveniences []convenienceTmpl

	// The full form: every declared status as a case of ResultType.
	ResultName   string // e.g. getNoteResponse
	ResultType   string // e.g. GetNoteBody
	ResultRef    string // a DocC link: getNoteResponse(id:timeout:)
	ResultParams string // with default arguments
	ResultDoc    []string
	ResultBody   []string
	Cases        []caseTmpl
}

type convenienceTmpl struct {
	Doc    []string
	Params string
	Call   string // the call of the short form
}

type caseTmpl struct {
	Doc     string
	Name    string // escaped
	Payload string // "(Note)", "(String)", or ""
}

// clientMembers are the client's own members: an operation named like one of them
// becomes method+Name (`configuration` → `getConfiguration`).
var clientMembers = map[string]bool{"configuration": true, "exchange": true, "send": true, "success": true,
	"decode": true, "decodeIfPresent": true, "text": true, "urlRequest": true, "pathSegment": true, "queryComponent": true}

func (g *generator) packageData() packageTmpl {
	d := packageTmpl{Header: Header, MarkdownHeader: "<!-- " + strings.TrimPrefix(Header, "// ") + " -->", Names: g.names, Title: g.spec.Name}
	d.BaseURL = fmtBaseURL(g.spec)
	funcs := scope{}
	for _, et := range g.types.Endpoints {
		funcs[et.Endpoint.Name] = true
	}
	for _, et := range g.types.Endpoints {
		name := et.Endpoint.Name
		if clientMembers[name] || strings.HasSuffix(name, "Response") && funcs[strings.TrimSuffix(name, "Response")] {
			name = funcs.unique(strings.ToLower(et.Endpoint.Method) + spec.UpperCamel(spec.Words(name)))
		}
		d.Endpoints = append(d.Endpoints, g.endpointData(et, name))
	}
	d.Example = g.example(d.Endpoints)
	d.FakeExample, d.ViewModel = g.fakeExample(d.Endpoints)
	if len(g.types.Resources) > 0 {
		d.PageType, d.DirectionType, d.TotalHeader = g.pageType, directionType, contract.TotalHeader
		d.PageExample = g.pagingLines(g.resources[g.types.Resources[0].Resource])
		for _, rt := range g.types.Resources {
			d.Resources = append(d.Resources, g.resourceReadme(g.resources[rt.Resource]))
		}
	}
	return d
}

// param is one parameter of a client function.
type param struct {
	label, name string // unescaped; name differs from label only for `self`
	typ         string
	def         string // " = nil" or ""
}

func (p param) decl(defaults bool) string {
	def := ""
	if defaults {
		def = p.def
	}
	if p.name != p.label {
		return escape(p.label) + " " + escape(p.name) + ": " + p.typ + def
	}
	return escape(p.label) + ": " + p.typ + def
}

func (p param) ref() string { return escape(p.name) }

func (p param) arg() string { return p.argWith(p.ref()) }

// argWith passes expr for p: `label: expr`, or expr alone for an unlabelled parameter.
func (p param) argWith(expr string) string {
	if p.label == "_" {
		return expr
	}
	return escape(p.label) + ": " + expr
}

func paramList(ps []param, defaults bool) string {
	var decls []string
	for _, p := range ps {
		decls = append(decls, p.decl(defaults))
	}
	if len(decls) > 2 {
		return "\n        " + strings.Join(decls, ",\n        ") + "\n    "
	}
	return strings.Join(decls, ", ")
}

func argList(ps []param) string {
	var args []string
	for _, p := range ps {
		args = append(args, p.arg())
	}
	return strings.Join(args, ", ")
}

// skippedHeaders are request headers the client sets itself.
var skippedHeaders = map[string]bool{"Content-Type": true, "Accept": true, "Content-Length": true, "Host": true}

func (g *generator) endpointData(et *spec.EndpointTypes, name string) endpointTmpl {
	e := et.Endpoint
	d := endpointTmpl{Name: escape(name), MethodPath: e.Method + " " + e.Path}
	sc := scope{"timeout": true, "response": true} // the call's own names
	newParam := func(raw, typ, def string) param {
		label := sc.unique(lowerCamel(raw))
		pname := label
		if label == "self" {
			pname = sc.unique("selfValue") // `self` as a parameter would hide self
		}
		return param{label: label, name: pname, typ: typ, def: def}
	}
	ri := g.resources[e.Resource]
	var params []param
	pathParams := map[string]param{}
	var pdocs []string
	for _, p := range et.Path {
		pp := newParam(p.Name, g.swiftType(p.Type, false), "")
		pathParams[p.Name] = pp
		params = append(params, pp)
		if ri != nil {
			pdocs = append(pdocs, fmt.Sprintf("- %s: The `%s` of the %s.", pp.label, spec.DocText(ri.r.ID), ri.item()))
		} else {
			pdocs = append(pdocs, fmt.Sprintf("- %s: The `{%s}` in the path.", pp.label, p.Name))
		}
	}
	var body *param
	var raw string // the exchange's raw: argument, for a body that is not JSON
	if et.Request != nil && ri != nil {
		b, doc := ri.bodyParam(e.Op, sc, g.swiftType(et.Request, false))
		body = &b
		params = append(params, b)
		pdocs = append(pdocs, fmt.Sprintf("- %s: %s", b.name, doc))
	} else if et.Request != nil {
		b := newParam("body", g.swiftType(et.Request, false), "")
		body = &b
		params = append(params, b)
		pdocs = append(pdocs, fmt.Sprintf("- %s: The request body, sent as JSON.", b.label))
	} else if ct, _ := e.Request.ContentType(); ct == "multipart/form-data" {
		f := newParam("form", "MultipartForm", "")
		params = append(params, f)
		raw = f.ref() + ".encoded()"
		pdocs = append(pdocs, fmt.Sprintf("- %s: The request body, sent as `multipart/form-data`.", f.label))
	} else if m := spec.MediaOf(ct); m == spec.MediaText || m == spec.MediaBytes {
		b := newParam("body", "Data", "")
		params = append(params, b)
		raw = "(" + b.ref() + ", " + stringLiteral(ct) + ")"
		pdocs = append(pdocs, fmt.Sprintf("- %s: The request body, sent as `%s`.", b.label, ct))
	}
	var query, headers []string
	if ri != nil && e.Op == contract.OpList {
		ps, qs, docs := g.listParams(et, ri, sc)
		params, query, pdocs = append(params, ps...), qs, append(pdocs, docs...)
	}
	for _, q := range et.Query {
		if ri != nil {
			break
		}
		qp := newParam(q.Name, optional(g.swiftType(q.Type, false)), " = nil")
		params = append(params, qp)
		query = append(query, stringLiteral(q.Name)+": "+qp.ref())
		pdocs = append(pdocs, fmt.Sprintf("- %s: The `%s` query parameter; left out when nil.", qp.label, spec.DocText(q.Name)))
	}
	seenHeader := map[string]bool{}
	for _, h := range e.Request.Headers {
		canon := textproto.CanonicalMIMEHeaderKey(h.Name)
		if skippedHeaders[canon] || seenHeader[canon] {
			continue
		}
		seenHeader[canon] = true
		t := spec.InferValue(&h.Value)
		typ := "String"
		if t.Kind == spec.TypeInt {
			typ = "Int"
		}
		hp := newParam(h.Name, typ+"?", " = nil")
		params = append(params, hp)
		headers = append(headers, stringLiteral(h.Name)+": "+hp.ref())
		pdocs = append(pdocs, fmt.Sprintf("- %s: The `%s` request header; left out when nil.", hp.label, spec.DocText(h.Name)))
	}
	timeout := param{label: "timeout", name: "timeout", typ: "TimeInterval?", def: " = nil"}
	all := append(append([]param(nil), params...), timeout)
	d.Params = paramList(all, false)
	d.ResultParams = paramList(all, true)

	// The doc comment: summary, the route, parameters, what it throws.
	var head []string
	if e.Summary != "" {
		head = append(docLines(e.Summary), "")
	}
	head = append(head, "`"+e.Method+" "+e.Path+"`")
	var returns []string
	if ri != nil && e.Op == contract.OpList {
		returns = []string{fmt.Sprintf("- Returns: A ``%s`` of %s: its items, and in `totalCount` how many match in all.", g.pageType, ri.plural())}
	}
	paramDoc := func(timeout bool) []string {
		lines := pdocs
		if timeout {
			lines = append(append([]string(nil), pdocs...), "- timeout: Seconds to wait for this call; nil uses the configuration's.")
		}
		if len(lines) == 0 {
			return nil
		}
		out := []string{"", "- Parameters:"}
		for _, p := range lines {
			out = append(out, "  "+p)
		}
		return out
	}
	throws := []string{fmt.Sprintf("- Throws: ``%s``.", g.names.Error)}
	var errTypes []string
	for _, a := range et.Answers {
		if (a.Status < 200 || a.Status >= 300) && a.Body != nil {
			if t := strings.TrimSuffix(g.payloadType(a), "?"); !slices.Contains(errTypes, t) {
				errTypes = append(errTypes, t)
			}
		}
	}
	if ri != nil {
		errType := ""
		if len(errTypes) > 0 {
			errType = errTypes[0]
		} else {
			errType = g.errorType(e.Resource)
		}
		throws = g.resourceThrows(ri, e.Op, errType, name, all)
	} else if len(errTypes) > 0 {
		throws = []string{
			throws[0] + " When the server answers with a status outside 200–299,",
			fmt.Sprintf("  `error.decodeBody(as: %s.self)` reads its body; ``%s/%s(%s)`` types each status.", errTypes[0], g.names.Client, escape(name+"Response"), labels(all)),
		}
	}
	d.Doc = concat(head, paramDoc(true), returns, throws)

	exchange := g.exchangeCall(et, pathParams, query, headers, body, raw)
	if ri != nil && e.Op == contract.OpList {
		d.ShortBody, d.Returns = g.listBody(et, exchange)
	} else {
		d.ShortBody, d.Returns = g.shortBody(et, exchange)
	}

	// The full form.
	d.ResultName = escape(name + "Response")
	d.ResultType = resultTypeName(e)
	d.ResultRef = name + "Response(" + labels(all) + ")"
	d.ResultDoc = concat(head, []string{"",
		"The whole answer: its status, its headers, and its body typed by the status the spec",
		fmt.Sprintf("declares for it, or ``%s/undocumented(status:body:)``.", d.ResultType)},
		paramDoc(true),
		[]string{fmt.Sprintf("- Throws: ``%s`` when no answer came, or a declared body did not match its type.", g.names.Error)})
	d.ResultBody, d.Cases = g.resultBody(et, exchange)

	// The convenience forms: defaults for the optional parameters, and a small request
	// body's fields as arguments.
	d.Conveniences = append(d.Conveniences, convenienceTmpl{
		Doc:    concat(head, paramDoc(false), returns, throws),
		Params: paramList(params, true),
		Call:   fmt.Sprintf("try await %s(%s)", escape(name), argList(params)+sepIf(len(params) > 0)+"timeout: nil"),
	})
	if c, ok := g.fieldsConvenience(et, params, body, name, concat(head, throws)); ok {
		d.Conveniences = append(d.Conveniences, c)
	}
	if ri != nil && e.Op == contract.OpUpdate {
		if c, ok := g.patchConvenience(ri, params, name, concat(head, throws)); ok {
			d.Conveniences = append(d.Conveniences, c)
		}
	}
	return d
}

func concat(parts ...[]string) []string {
	var out []string
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func labels(ps []param) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.label + ":")
	}
	return b.String()
}

func sepIf(b bool) string {
	if b {
		return ", "
	}
	return ""
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
func (g *generator) example(eps []endpointTmpl) []string {
	if len(g.types.Endpoints) == 0 {
		return nil
	}
	call := g.callLine(eps[0])
	return g.exampleLines(call, g.types.Endpoints[0], strings.Split(call, "\n"))
}

// callLine is the line that calls an endpoint's function with its example values and
// keeps the answer: `let answer = try await client.getBook(id: 1)`.
func (g *generator) callLine(ep endpointTmpl) string {
	if ep.Returns == "" {
		return "try await client." + g.exampleCall(ep)
	}
	return "let answer = try await client." + g.exampleCall(ep)
}

// exampleCall calls an endpoint with its example values: getBook(id: 1).
func (g *generator) exampleCall(ep endpointTmpl) string {
	et := g.endpointTypes(ep)
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
	if ri := g.resources[e.Resource]; ri != nil {
		switch {
		case e.Op == contract.OpList:
			return g.listExample(ri, false)
		case et.Request != nil:
			args = append(args, g.bodyExample(ri, e.Op))
		}
	} else if et.Request != nil && e.Request.Body != nil {
		args = append(args, "body: "+g.literal(e.Request.Body, et.Request, 1))
	} else if et.Request != nil {
		args = append(args, "body: "+g.sample(et.Request))
	}
	switch ct, _ := e.Request.ContentType(); {
	case et.Request != nil:
	case ct == "multipart/form-data":
		args = append(args, `form: MultipartForm(parts: [.init(name: "file", filename: "photo.jpg", contentType: "image/jpeg", data: Data())])`)
	case spec.MediaOf(ct) == spec.MediaText || spec.MediaOf(ct) == spec.MediaBytes:
		args = append(args, "body: Data()")
	}
	return fmt.Sprintf("%s(%s)", ep.Name, strings.Join(args, ", "))
}

func (g *generator) exampleLines(call string, et *spec.EndpointTypes, lines []string) []string {
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
	if !strings.HasPrefix(call, "try") {
		out = append(out, "    print(answer)")
	}
	out = append(out, fmt.Sprintf("} catch let error as %s {", g.names.Error))
	if et.Error != nil && et.Error.Kind == spec.TypeObject {
		out = append(out, fmt.Sprintf("    if let reason = try? error.decodeBody(as: %s.self) {", strings.TrimSuffix(g.swiftType(et.Error, false), "?")))
		out = append(out, "        print(\"HTTP \\(error.status ?? 0):\", reason)")
		out = append(out, "    } else {")
		out = append(out, "        print(error)")
		out = append(out, "    }")
	} else {
		out = append(out, "    print(error)")
	}
	// Cancellation is not the client's error type.
	out = append(out, "} catch {", "    print(error)", "}")
	return out
}

func (g *generator) endpointTypes(ep endpointTmpl) *spec.EndpointTypes {
	for _, et := range g.types.Endpoints {
		if et.Endpoint.Method+" "+et.Endpoint.Path == ep.MethodPath {
			return et
		}
	}
	return nil
}

// fakeExample writes a README test double conforming to the protocol, and a SwiftUI view
// model calling the first endpoint through it.
func (g *generator) fakeExample(eps []endpointTmpl) (fake, vm []string) {
	if len(eps) == 0 {
		return nil, nil
	}
	n := g.names
	fake = []string{"import XCTest", "import " + n.Module, "", fmt.Sprintf("struct Fake%s: %s {", n.Base, n.Protocol)}
	for i, ep := range eps {
		if i > 0 {
			fake = append(fake, "")
		}
		fake = append(fake, fmt.Sprintf("    func %s(%s) async throws%s {", ep.Name, ep.Params, ep.Returns))
		switch {
		case i > 0:
			fake = append(fake, "        fatalError(\"not used by this test\")")
		case ep.Returns == "":
		default:
			fake = append(fake, "        "+g.fakeValue(eps[0]))
		}
		fake = append(fake, "    }")
	}
	fake = append(fake, "}", "")
	model := n.Base + "Model"
	fake = append(fake,
		"final class "+model+"Tests: XCTestCase {",
		"    @MainActor",
		"    func testLoadShowsTheAnswer() async {",
		"        let model = "+model+"(client: Fake"+n.Base+"())",
		"        await model.load()",
		"        XCTAssertNil(model.errorMessage)")
	if r := eps[0].Returns; r != "" && !strings.HasSuffix(r, "?") && !strings.Contains(g.fakeValue(eps[0]), "fatalError") {
		fake = append(fake, "        XCTAssertNotNil(model.answer)")
	}
	fake = append(fake, "    }", "}")

	call := "try await client." + g.exampleCall(eps[0])
	vm = []string{"import SwiftUI", "import " + n.Module, "", "@MainActor", "final class " + model + ": ObservableObject {"}
	if eps[0].Returns != "" {
		vm = append(vm, "    @Published private(set) var answer: "+optional(strings.TrimPrefix(eps[0].Returns, " -> ")))
		call = "answer = " + call
	}
	vm = append(vm,
		"    @Published private(set) var errorMessage: String?",
		"    private let client: any "+n.Protocol,
		"",
		"    init(client: any "+n.Protocol+" = "+n.Client+"(baseURL: URL(string: "+stringLiteral(fmtBaseURL(g.spec))+")!)) {",
		"        self.client = client",
		"    }",
		"",
		"    func load() async {",
		"        do {",
		"            "+strings.ReplaceAll(call, "\n", "\n            "),
		"            errorMessage = nil",
		"        } catch {",
		"            errorMessage = error.localizedDescription",
		"        }",
		"    }",
		"}")
	return fake, vm
}

// fakeValue is what a fake returns for an endpoint: its first 2xx example.
func (g *generator) fakeValue(ep endpointTmpl) string {
	et := g.endpointTypes(ep)
	ret := strings.TrimPrefix(ep.Returns, " -> ")
	for _, r := range et.Endpoint.Responses {
		body := r.Body
		if r.BodyFile != "" && r.JSONBody() {
			if v, err := spec.FromJSON(r.BodyData); err == nil {
				body = &v
			}
		}
		if r.Status >= 200 && r.Status < 300 && body != nil {
			switch ret {
			case "String":
				return stringLiteral(body.Text())
			case "Data":
				return "Data()"
			}
			if et.Response != nil && et.Endpoint.Resource != nil && et.Endpoint.Op == contract.OpList {
				return fmt.Sprintf("%s(items: %s, totalCount: %d)", g.pageType, g.literal(body, et.Response, 1), len(body.Items))
			}
			if et.Response != nil {
				return g.literal(body, et.Response, 1)
			}
		}
	}
	switch ret {
	case "String":
		return `""`
	case "Data":
		return "Data()"
	}
	if strings.HasSuffix(ret, "?") {
		return "nil"
	}
	return `fatalError("return an answer here")`
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
		if len(t.Enum) > 0 {
			return ".init(rawValue: " + stringLiteral(v.Text()) + ")"
		}
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
			fields, _, _ := g.fields(t.Object)
			for _, fi := range fields {
				if fv := v.Get(fi.f.Key); fv != nil {
					lit := g.literal(fv, fi.f.Type, depth+1)
					if fi.patch {
						lit = ".value(" + lit + ")"
						if fv.Kind == spec.Null {
							lit = ".null"
						}
					}
					args = append(args, escape(fi.name)+": "+lit)
				} else if !strings.HasSuffix(fi.typ, "?") {
					// A schema may require a key its example leaves out.
					args = append(args, escape(fi.name)+": "+g.sample(fi.f.Type))
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
