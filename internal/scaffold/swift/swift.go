// Package swift generates a Swift package from a spec: Codable models inferred from the
// examples, and a client with one async function per endpoint.
//
// Generate is pure: spec in, files out. The generated code targets Swift 5.9 and is
// written to compile cleanly under Swift 6 strict concurrency as well: models are value
// types of Sendable parts, the client is a Sendable struct holding only Sendable values
// (URL, URLSession, a @Sendable header provider), errors wrap `any Error`, which is
// Sendable, and the one shared non-Sendable object (ISO8601DateFormatter, thread-safe but
// not annotated in every SDK) sits behind an @unchecked Sendable box that only reads it.
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
	DataTaskBox NSLock URLSessionDataTask` + " " + appTypeNames)

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
	return Names{Base: base, Module: base + "API", Client: base + "Client", Error: base + "Error"}
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
	} {
		if err := render(f.file, f.tmpl, pkg); err != nil {
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
	reserved := append([]string{names.Module, names.Client, names.Error}, swiftTypeNames...)
	ts, err := spec.InferTypes(s, spec.InferOptions{Reserved: reserved})
	if err != nil {
		return nil, err
	}
	g := &generator{spec: s, types: ts, names: names, objectNames: map[string]bool{}}
	for _, o := range ts.Objects {
		g.objectNames[o.Name] = true
	}
	return g, nil
}

type generator struct {
	spec        *spec.Spec
	types       *spec.TypeSet
	names       Names
	objectNames map[string]bool
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

func (g *generator) modelData(o *spec.ObjectType) modelTmpl {
	m := modelTmpl{Header: Header, Name: o.Name, Doc: originDoc(o.Origin)}
	names := scope{}
	var params []string
	differs := false
	type prop struct {
		name string
		f    *spec.TypeField
	}
	var props []prop
	qualify, explicitNull := false, false
	for _, f := range o.Fields {
		n := names.unique(memberName(lowerCamel(f.Key)))
		props = append(props, prop{n, f})
		if g.objectNames[n] {
			qualify = true
		}
	}
	for _, p := range props {
		typ := g.swiftType(p.f.Type, qualify)
		if p.f.Optional {
			typ = optional(typ)
		}
		param := escape(p.name)
		arg := param
		if p.name == "self" {
			// A parameter named `self` would hide self in the init's body.
			arg = names.unique("selfValue")
			param = escape(p.name) + " " + arg
		}
		def := ""
		if strings.HasSuffix(typ, "?") {
			def = " = nil"
		}
		params = append(params, param+": "+typ+def)
		var doc []string
		if len(p.f.Type.Enum) > 0 {
			doc = []string{"One of " + quoteList(p.f.Type.Enum) + "."}
		}
		m.Props = append(m.Props, propTmpl{
			Doc: doc, Name: escape(p.name), Type: typ,
			Assign: "self." + escape(p.name) + " = " + arg,
		})
		call := "encodeIfPresent"
		if !p.f.Optional {
			call = "encode"
		}
		m.Encode = append(m.Encode, fmt.Sprintf("try container.%s(self.%s, forKey: .%s)", call, escape(p.name), escape(p.name)))
		if !p.f.Optional && p.f.Type.Nullable {
			explicitNull = true
		}
		ck := codingKeyTmpl{Case: escape(p.name)}
		if p.name != p.f.Key {
			ck.Raw = " = " + stringLiteral(p.f.Key)
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
	if len(o.Fields) > 3 {
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
