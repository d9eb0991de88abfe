// Package swift generates a Swift package from a spec: Codable models inferred from the
// examples, a protocol listing every operation, and a client conforming to it with one
// async function per endpoint, plus a …Response form typed by every declared status.
//
// Generate is pure: spec in, files out. The generated code targets Swift 5.9 and is
// written to compile cleanly under Swift 6 strict concurrency as well: models are value
// types of Sendable parts, the client is a Sendable struct holding a Sendable
// configuration (URL, headers, `any Middleware`, `any HTTPTransport`, @Sendable coder
// factories), errors wrap `any Error`, which is Sendable, and the one shared non-Sendable
// object (ISO8601DateFormatter, thread-safe but not annotated in every SDK) sits behind
// an @unchecked Sendable box that locks around it.
package swift

import (
	"bytes"
	"fmt"
	"path"
	"strings"
	"text/template"

	"github.com/backwards-backend/bb/internal/scaffold"
	"github.com/backwards-backend/bb/internal/spec"
	"github.com/backwards-backend/bb/internal/templates"
)

// Header is the first line of every generated Swift file (the second of Package.swift,
// whose first line must name the tools version).
const Header = "// " + scaffold.Marker + " Regenerate with: bb gen swift"

// swiftTypeNames are the types the generated code uses by name, and the common types of
// Swift and Foundation: a model named Data, Date or URLError would hide Foundation's.
var swiftTypeNames = strings.Fields(`Any Self Type Protocol Error Data Date URL URLRequest
	URLSession UUID String Int Double Float Bool Array Dictionary Set Optional Result Never Void
	Decimal Character Codable Decodable Encodable Hashable Equatable Identifiable Sendable
	CodingKey Decoder Encoder JSONDecoder JSONEncoder Task Actor Object Encoding Locale
	Calendar TimeZone Notification Range Sequence Collection Substring
	JSONValue JSONCoding RFC3339 QueryValue Foundation
	FoundationNetworking CharacterSet HTTPURLResponse URLComponents URLQueryItem URLError
	URLResponse DecodingError EncodingError CancellationError KeyValuePairs ISO8601DateFormatter
	DateFormatter UTF8 LocalizedError CustomStringConvertible CodingKeys Response Body
	DataTaskBox NSLock URLSessionDataTask HTTPResponse ResponseHeaders HTTPTransport
	URLSessionTransport Middleware HeaderMiddleware BearerTokenMiddleware LoggingMiddleware
	MetricsMiddleware RequestMetrics Nullable TimeInterval MultipartForm` + " " + appTypeNames)

// appTypeNames are types an app file sees beside the client's models when it imports
// UIKit, SwiftUI, SwiftData or the Objective-C runtime: a model named Image or Category
// would make every such file fail with "'Image' is ambiguous for type lookup".
const appTypeNames = `Category Method Ivar Selector Image Color Text Font View Button List Section
	Label Link Group Shape Path Animation Alert Menu Toggle Picker Form Table Grid Layout Scene
	Window App Environment State Binding Query Schema Predicate Expression Operation Progress
	Timer Thread Stream Host Port Bundle Process Measurement Unit Transaction Settings`

// memberNames are property names that compile but misbehave at the call site:
// profile.self is the whole value, profile.init an initializer reference, and a stored
// hashValue satisfies Hashable's deprecated requirement. They get a suffix; the wire key
// stays in CodingKeys.
var memberNames = map[string]string{"self": "selfValue", "init": "initValue", "hashValue": "hashValueField"}

func memberName(n string) string {
	if m, ok := memberNames[n]; ok {
		return m
	}
	return n
}

// Options tune Generate.
type Options struct {
	// Name overrides the spec's name: the package is <Name>API, the client <Name>Client.
	Name string
}

// Names are the names of a generated package.
type Names struct {
	Base   string // e.g. Messages
	Module string // the package, library and module: MessagesAPI
	Client string // MessagesClient
	Error  string // MessagesError
	// Protocol lists every operation; the client conforms, and so can a fake.
	Protocol string // MessagesClientProtocol
	// Configuration holds the client's settings.
	Configuration string // MessagesConfiguration
}

// PackageNames works out the names Generate would use for s.
func PackageNames(s *spec.Spec, opt Options) Names {
	base := s.TypeName()
	if opt.Name != "" {
		if n := spec.TypeName(opt.Name); n != "" {
			base = n
		}
	}
	if len(base) > 3 && strings.HasSuffix(base, "API") {
		base = strings.TrimSuffix(base, "API")
	}
	return Names{Base: base, Module: base + "API", Client: base + "Client", Error: base + "Error",
		Protocol: base + "ClientProtocol", Configuration: base + "Configuration"}
}

// Generate renders the Swift package for s. The keys of the result are slash-separated
// paths relative to the package folder.
func Generate(s *spec.Spec, opt Options) (map[string][]byte, error) {
	g, err := newGenerator(s, opt)
	if err != nil {
		return nil, err
	}
	names, ts := g.names, g.types
	tmpl, err := template.New("swift").ParseFS(templates.FS, "swift/*.tmpl")
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	render := func(file, name string, data any) error {
		var b bytes.Buffer
		if err := tmpl.ExecuteTemplate(&b, name, data); err != nil {
			return fmt.Errorf("rendering %s: %w", file, err)
		}
		files[file] = b.Bytes()
		return nil
	}
	src := "Sources/" + names.Module + "/"
	pkg := g.packageData()
	for _, f := range []struct{ file, tmpl string }{
		{"Package.swift", "Package.swift.tmpl"},
		{"README.md", "README.md.tmpl"},
		{src + names.Client + ".swift", "Client.swift.tmpl"},
		{src + names.Error + ".swift", "Error.swift.tmpl"},
		{src + "JSONValue.swift", "JSONValue.swift.tmpl"},
		{src + "JSONCoding.swift", "JSONCoding.swift.tmpl"},
		{src + "Transport.swift", "Transport.swift.tmpl"},
		{src + "Responses.swift", "Responses.swift.tmpl"},
	} {
		if err := render(f.file, f.tmpl, pkg); err != nil {
			return nil, err
		}
	}
	for _, e := range s.Endpoints {
		if ct, _ := e.Request.ContentType(); ct == "multipart/form-data" {
			if err := render(src+"MultipartForm.swift", "Multipart.swift.tmpl", pkg); err != nil {
				return nil, err
			}
			break
		}
	}
	if len(ts.Resources) > 0 {
		if err := render(src+g.pageType+".swift", "Page.swift.tmpl", pkg); err != nil {
			return nil, err
		}
	}
	for _, o := range ts.Objects {
		if err := render(path.Join(src, "Models", o.Name+".swift"), "Model.swift.tmpl", g.modelData(o)); err != nil {
			return nil, err
		}
	}
	return files, nil
}

// newGenerator infers the spec's types under the package's names.
func newGenerator(s *spec.Spec, opt Options) (*generator, error) {
	names := PackageNames(s, opt)
	reserved := append([]string{names.Module, names.Client, names.Error, names.Protocol, names.Configuration}, swiftTypeNames...)
	for _, e := range s.Endpoints {
		reserved = append(reserved, resultTypeName(e))
	}
	page := pageType
	for _, r := range s.Resources {
		if spec.UpperCamel(spec.Words(r.Item())) == page {
			page = "List" + pageType // a resource of pages keeps its record's name
		}
	}
	if len(s.Resources) > 0 {
		reserved = append(reserved, page, directionType)
	}
	ts, err := spec.InferTypes(s, spec.InferOptions{Reserved: reserved, Answers: true})
	if err != nil {
		return nil, err
	}
	g := &generator{spec: s, types: ts, names: names, objectNames: map[string]bool{}, pageType: page}
	for _, o := range ts.Objects {
		g.objectNames[o.Name] = true
	}
	g.resourceInfos()
	return g, nil
}

type generator struct {
	spec        *spec.Spec
	types       *spec.TypeSet
	names       Names
	objectNames map[string]bool
	pageType    string // Page, or ListPage when a resource's record is a Page
	resources   map[*spec.Resource]*resourceInfo
	records     map[*spec.ObjectType]*resourceInfo // by the record's type
}

// swiftType is the Swift spelling of t. qualify prefixes object names with the module,
// for a struct where a property's name hides a type's.
func (g *generator) swiftType(t *spec.Type, qualify bool) string {
	var s string
	switch t.Kind {
	case spec.TypeBool:
		s = "Bool"
	case spec.TypeInt:
		s = "Int"
	case spec.TypeDouble:
		s = "Double"
	case spec.TypeString:
		s = "String"
	case spec.TypeDateTime:
		s = "Date"
	case spec.TypeArray:
		s = "[" + g.swiftType(t.Elem, qualify) + "]"
	case spec.TypeMap:
		s = "[String: " + g.swiftType(t.Elem, qualify) + "]"
	case spec.TypeObject:
		s = t.Object.Name
		if qualify {
			s = g.names.Module + "." + s
		}
	default:
		s = "JSONValue"
	}
	if t.Nullable {
		s += "?"
	}
	return s
}

func optional(s string) string {
	if strings.HasSuffix(s, "?") {
		return s
	}
	return s + "?"
}

// modelTmpl feeds Model.swift.tmpl.
type modelTmpl struct {
	Header     string
	Doc        []string
	Name       string
	Props      []propTmpl
	InitParams string // the memberwise init's parameter list
	CodingKeys []codingKeyTmpl
	// Encode holds the statements of an encode(to:) that sends nil as an explicit null
	// for each key the schema requires but allows null: synthesized Codable would leave
	// such a key out, and a server that requires it would refuse the request.
	Encode []string
	Enums  []enumTmpl

	// A resource's record: Identifiable, with ComputedID its `id` when the id field has
	// another name, and the fields its list sorts by.
	Identifiable bool
	ComputedID   string // e.g. "public var id: String { handle }"
	SortFields   *sortFieldsTmpl
}

// sortFieldsTmpl is a record's nested enum of the fields its list sorts by.
type sortFieldsTmpl struct {
	Name  string
	List  string // the list function, for the doc comment: listMessages
	Cases []codingKeyTmpl
}

type propTmpl struct {
	Doc    []string
	Name   string // escaped
	Type   string
	Assign string // the init's assignment, e.g. "self.name = name"
}

type codingKeyTmpl struct {
	Case string // escaped
	Raw  string // ` = "wire_key"`, or "" when the case is the key
}

// enumTmpl is a string enum nested in a model: the values a schema lists, and a case
// for any other, so a value added on the server later does not break decoding.
type enumTmpl struct {
	Name  string
	Cases []codingKeyTmpl // Case escaped, Raw the wire value as a string literal
}

// fieldInfo is how one field of an object is spelled in Swift.
type fieldInfo struct {
	f     *spec.TypeField
	name  string // the property, unescaped
	typ   string // inside the struct
	outer string // outside it: nested enums qualified with the struct's name
	// patch: the field of a merge patch that may be absent, null or a value, typed
	// Nullable<T>?.
	patch bool
}

// fields spells the fields of o, its nested enums, and whether the struct must qualify
// model names with the module because a property or nested enum hides one.
func (g *generator) fields(o *spec.ObjectType) (out []fieldInfo, enums []enumTmpl, qualify bool) {
	names := scope{}
	types := scope{o.Name: true}
	if g.records[o] != nil {
		types[sortFieldEnum] = true
	}
	var props []string
	for _, f := range o.Fields {
		n := names.unique(memberName(lowerCamel(f.Key)))
		props = append(props, n)
		qualify = qualify || g.objectNames[n]
	}
	for i, f := range o.Fields {
		enumName := ""
		if et := enumOf(f.Type); et != nil {
			base := spec.UpperCamel(spec.Words(f.Key))
			if f.Type.Kind == spec.TypeArray {
				base = spec.UpperCamel(spec.Words(spec.Singular(f.Key)))
			}
			if base == "" || base[0] >= '0' && base[0] <= '9' || swiftTypeSet[base] {
				base += "Value"
			}
			enumName = types.unique(base)
			qualify = qualify || g.objectNames[enumName]
			e := enumTmpl{Name: enumName}
			cases := scope{"unknown": true, "rawValue": true}
			for _, v := range et.Enum {
				e.Cases = append(e.Cases, codingKeyTmpl{Case: escape(cases.unique(lowerCamel(v))), Raw: stringLiteral(v)})
			}
			enums = append(enums, e)
		}
		out = append(out, fieldInfo{f: f, name: props[i], typ: enumName, outer: enumName})
	}
	for i := range out {
		fi := &out[i]
		fi.patch = o.MergePatch && fi.f.Optional && fi.f.Type.Nullable
		inner, outer := g.swiftEnumType(fi.f.Type, qualify, fi.typ, ""), g.swiftEnumType(fi.f.Type, qualify, fi.typ, o.Name+".")
		if fi.patch {
			inner = "Nullable<" + strings.TrimSuffix(inner, "?") + ">"
			outer = "Nullable<" + strings.TrimSuffix(outer, "?") + ">"
		}
		if fi.f.Optional {
			inner, outer = optional(inner), optional(outer)
		}
		fi.typ, fi.outer = inner, outer
	}
	return out, enums, qualify
}

// enumOf is the string type with listed values at t or inside its array, or nil.
func enumOf(t *spec.Type) *spec.Type {
	if t.Kind == spec.TypeArray {
		t = t.Elem
	}
	if t.Kind == spec.TypeString && len(t.Enum) > 0 {
		return t
	}
	return nil
}

// swiftEnumType is swiftType, with enumName (prefixed by prefix) for the listed strings.
func (g *generator) swiftEnumType(t *spec.Type, qualify bool, enumName, prefix string) string {
	if enumName == "" {
		return g.swiftType(t, qualify)
	}
	s := prefix + enumName
	if t.Kind == spec.TypeArray {
		s = "[" + s
		if t.Elem.Nullable {
			s += "?"
		}
		s += "]"
	}
	if t.Nullable {
		s += "?"
	}
	return s
}

var swiftTypeSet = map[string]bool{}

func init() {
	for _, n := range swiftTypeNames {
		swiftTypeSet[n] = true
	}
}

func (g *generator) modelData(o *spec.ObjectType) modelTmpl {
	m := modelTmpl{Header: Header, Name: o.Name, Doc: g.resourceDoc(o.Origin)}
	if m.Doc == nil {
		m.Doc = originDoc(o.Origin)
	}
	fields, enums, _ := g.fields(o)
	m.Enums = enums
	if ri := g.records[o]; ri != nil {
		g.recordModel(&m, ri, fields)
	}
	names := scope{}
	for _, fi := range fields {
		names[fi.name] = true
	}
	var params []string
	differs, explicitNull := false, false
	for _, fi := range fields {
		param := escape(fi.name)
		arg := param
		if fi.name == "self" {
			// A parameter named `self` would hide self in the init's body.
			arg = names.unique("selfValue")
			param = escape(fi.name) + " " + arg
		}
		def := ""
		if strings.HasSuffix(fi.typ, "?") {
			def = " = nil"
		}
		params = append(params, param+": "+fi.typ+def)
		var doc []string
		if et := enumOf(fi.f.Type); et != nil {
			doc = []string{"One of " + quoteList(et.Enum) + ", or another value the server adds later."}
		}
		if fi.patch {
			doc = append(doc, "Left out when nil; `.null` removes the value on the server.")
		}
		m.Props = append(m.Props, propTmpl{
			Doc: doc, Name: escape(fi.name), Type: fi.typ,
			Assign: "self." + escape(fi.name) + " = " + arg,
		})
		call := "encodeIfPresent"
		if !fi.f.Optional {
			call = "encode"
		}
		m.Encode = append(m.Encode, fmt.Sprintf("try container.%s(self.%s, forKey: .%s)", call, escape(fi.name), escape(fi.name)))
		if !fi.f.Optional && fi.f.Type.Nullable {
			explicitNull = true
		}
		ck := codingKeyTmpl{Case: escape(fi.name)}
		if fi.name != fi.f.Key {
			ck.Raw = " = " + stringLiteral(fi.f.Key)
			differs = true
		}
		m.CodingKeys = append(m.CodingKeys, ck)
	}
	if !differs {
		m.CodingKeys = nil
	}
	if !explicitNull {
		m.Encode = nil
	}
	m.InitParams = strings.Join(params, ", ")
	if len(fields) > 3 {
		m.InitParams = "\n        " + strings.Join(params, ",\n        ") + "\n    "
	}
	return m
}

func quoteList(vals []string) string {
	var q []string
	for _, v := range vals {
		q = append(q, "`"+spec.DocText(v)+"`")
	}
	return strings.Join(q, ", ")
}

// originDoc turns an object's origin ("getBook response .series") into a doc comment.
func originDoc(origin string) []string {
	op, rest, _ := strings.Cut(origin, " ")
	role, at, _ := strings.Cut(rest, " ")
	line := fmt.Sprintf("The %s body of `%s`", role, op)
	if strings.HasPrefix(role, "response[]") || strings.HasPrefix(role, "request[]") || strings.HasPrefix(role, "error[]") {
		line = fmt.Sprintf("An item of the %s body of `%s`", strings.TrimSuffix(role, "[]"), op)
	}
	if at != "" {
		line = fmt.Sprintf("In the %s body of `%s`, at `%s`", role, op, strings.TrimSpace(at))
	}
	return []string{line + "."}
}
