package spec

import (
	"fmt"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/backwards-backend/bb/internal/contract"
)

// TypeKind is the kind of an inferred type.
type TypeKind int

// The kinds of the language-neutral type model. Generators map each to their own syntax.
const (
	TypeAny      TypeKind = iota // any JSON value: mixed, unknown or always null
	TypeBool                     // true or false
	TypeInt                      // a whole number
	TypeDouble                   // a number that may have a fraction
	TypeString                   // text
	TypeDateTime                 // an RFC 3339 date-time string
	TypeArray                    // a list of Elem
	TypeMap                      // an object with free keys and Elem values (from a schema)
	TypeObject                   // a named object with known fields
)

// typeUnknown marks a position no example has typed yet: a null or an empty array's
// element. It never leaves InferTypes; what is still unknown at the end becomes TypeAny.
const typeUnknown TypeKind = -1

var typeKindNames = [...]string{"any", "bool", "int", "double", "string", "date-time", "array", "map", "object"}

// String names the kind for messages and tests.
func (k TypeKind) String() string {
	if k < 0 || int(k) >= len(typeKindNames) {
		return "unknown"
	}
	return typeKindNames[k]
}

// Type is the type of one position in a JSON document: a field, an array element, a
// whole body or a parameter. Objects are shared: every position holding the same named
// object points at one ObjectType.
type Type struct {
	Kind     TypeKind
	Nullable bool        // the position may hold null
	Elem     *Type       // Array and Map: the element type
	Object   *ObjectType // Object: the named object
	Enum     []string    // String: the allowed values, when a schema lists them
}

// ObjectType is a named object type with known fields.
type ObjectType struct {
	Name   string // unique in its TypeSet, case-insensitively, in UpperCamelCase
	Fields []*TypeField
	Origin string // where it was first seen, e.g. "getBook response .series"
	// Open is set when a schema allows keys its properties do not list
	// (additionalProperties). A request object that is not open refuses other keys.
	Open bool
	// MergePatch marks the objects of a PATCH body: a key absent leaves a value as it is,
	// null removes it, so generated code must tell the two apart.
	MergePatch bool

	// disjoint: two examples of this position share no key, a sign the keys are data
	// (see settle).
	disjoint bool
}

// TypeField is one field of an ObjectType.
type TypeField struct {
	Key  string // the JSON key, spelt as on the wire
	Type *Type
	// Optional: the key may be absent. Inferred from examples, an optional key may also
	// be null, and a key some example holds null for is optional (see settle). A schema
	// says each apart: not required, and nullable.
	Optional bool
}

// Param is a path or query parameter with its type.
type Param struct {
	Name string // as in the path or query string
	Type *Type
}

// EndpointTypes holds the types of one endpoint's inputs and outputs.
type EndpointTypes struct {
	Endpoint *Endpoint
	Path     []Param // in path order; Int when every example is a whole number, else String
	Query    []Param // scalars or arrays of scalars; always optional for the client
	Request  *Type   // nil when the endpoint takes no body
	Response *Type   // the 2xx body; nil when no 2xx answer has one; Nullable when some lacks one
	Error    *Type   // the non-2xx bodies merged; nil when none has one
	// Answers are the declared statuses, each with its own body type; only with
	// InferOptions.Answers.
	Answers []*AnswerType
}

// TypeSet is every type a spec implies.
type TypeSet struct {
	Endpoints []*EndpointTypes // in spec order
	Resources []*ResourceTypes // in spec order
	Objects   []*ObjectType    // every named object, sorted by name
}

// InferOptions tunes InferTypes.
type InferOptions struct {
	// Reserved lists names the generator uses itself (a client, an error type); no object
	// is given one of them.
	Reserved []string
	// Answers asks for EndpointTypes.Answers, whose body types of their own join Objects.
	Answers bool
}

// InferTypes infers the types of every endpoint of s from its examples, or from its
// schemas where it has them, and names every object type.
func InferTypes(s *Spec, opt InferOptions) (*TypeSet, error) {
	in := &inferrer{spec: s}
	ts := &TypeSet{}
	for _, r := range s.Resources {
		if rt := in.resource(r); rt != nil {
			ts.Resources = append(ts.Resources, rt)
		}
	}
	if len(in.errs) > 0 {
		return nil, in.errs
	}
	typed, errs := in.endpoints(s.Endpoints)
	for i, e := range s.Endpoints {
		et := typed[i]
		if e.Resource != nil {
			et = in.resourceEndpoint(e, ts.Resource(e.Resource))
		} else {
			in.errs = append(in.errs, errs[i]...)
		}
		if opt.Answers {
			et.Answers = answers(e)
			if e.Resource != nil {
				resourceAnswers(et)
			}
		}
		ts.Endpoints = append(ts.Endpoints, et)
	}
	if len(in.errs) > 0 {
		return nil, in.errs
	}
	n := newNamer(opt.Reserved)
	n.nameResources(ts.Resources)
	// Names are handed out in the order of the operation names, not of the file, so moving
	// an endpoint never renames a type.
	order := slices.Clone(ts.Endpoints)
	sort.SliceStable(order, func(i, j int) bool { return order[i].Endpoint.Name < order[j].Endpoint.Name })
	shared := sharedNames(order)
	for _, et := range order {
		op := UpperCamel(Words(et.Endpoint.Name))
		// A list at the top takes its element's name from the operation's last word:
		// listBooks answers with [Book].
		words := Words(et.Endpoint.Name)
		item := capitalize(words[len(words)-1])
		req, resp := op+"Request", op+"Response"
		if et.Endpoint.Resource != nil {
			// Typed by the resource's record types, named already.
			et.Error = n.root(et.Error, "ErrorResponse", "ErrorResponseItem", op, et.Endpoint.Name+" error")
			continue
		}
		if b, ok := shared[et.Request]; ok {
			req = b
		}
		if b, ok := shared[et.Response]; ok {
			resp = b
		}
		et.Request = n.root(et.Request, req, item, op, et.Endpoint.Name+" request")
		et.Response = n.root(et.Response, resp, item, op, et.Endpoint.Name+" response")
		et.Error = n.root(et.Error, "ErrorResponse", "ErrorResponseItem", op, et.Endpoint.Name+" error")
	}
	// Answers are named last, so asking for them never renames another type.
	if opt.Answers {
		shapes := rootShapes(order)
		for _, et := range order {
			n.nameAnswers(et, shapes)
		}
	}
	ts.Objects = n.objects
	sort.Slice(ts.Objects, func(i, j int) bool { return ts.Objects[i].Name < ts.Objects[j].Name })
	return ts, nil
}

// sharedNames gives one name to request and response bodies that have the same shape
// in several places: getBook and addBook both answering {id, title} answer with Book,
// not GetBookResponse and AddBookResponse. The name is the noun the operations share
// (the last word of each, singular), or else the first operation's own name for it.
func sharedNames(order []*EndpointTypes) map[*Type]string {
	type root struct {
		t    *Type
		noun string
		own  string
	}
	groups := map[string][]root{}
	var keys []string
	for _, et := range order {
		if et.Endpoint.Resource != nil {
			continue // named by its resource
		}
		words := Words(et.Endpoint.Name)
		noun := capitalize(Singular(words[len(words)-1]))
		op := UpperCamel(words)
		for _, r := range []root{{et.Request, noun, op + "Request"}, {et.Response, noun, op + "Response"}} {
			if r.t == nil || r.t.Kind != TypeObject {
				continue
			}
			bare := *r.t
			bare.Nullable = false // a body some answers leave out is still the same type
			k := shapeKey(&bare)
			if _, ok := groups[k]; !ok {
				keys = append(keys, k)
			}
			groups[k] = append(groups[k], r)
		}
	}
	out := map[*Type]string{}
	for _, k := range keys {
		g := groups[k]
		if len(g) < 2 {
			continue
		}
		name := g[0].noun
		for _, r := range g[1:] {
			if r.noun != name {
				name = g[0].own
				break
			}
		}
		for _, r := range g {
			out[r.t] = name
		}
	}
	return out
}

// shapeKey spells a type's shape, names aside: two types with the same key are the same
// type to every generator.
func shapeKey(t *Type) string {
	return string(appendShape(make([]byte, 0, 64), t))
}

// appendShape appends t's shape key: what shapeKey spells, built without fmt, as
// sharing names calls it for every body of a spec.
func appendShape(b []byte, t *Type) []byte {
	b = strconv.AppendInt(b, int64(t.Kind), 10)
	if t.Nullable {
		b = append(b, '?')
	}
	if len(t.Enum) > 0 {
		b = append(b, '[')
		for i, e := range t.Enum {
			if i > 0 {
				b = append(b, ' ')
			}
			b = strconv.AppendQuote(b, e)
		}
		b = append(b, ']')
	}
	switch t.Kind {
	case TypeArray, TypeMap:
		b = append(b, '[')
		b = appendShape(b, t.Elem)
		b = append(b, ']')
	case TypeObject:
		b = append(b, '{')
		b = strconv.AppendBool(b, t.Object.Open)
		b = strconv.AppendBool(b, t.Object.MergePatch)
		for _, f := range t.Object.Fields {
			b = strconv.AppendQuote(b, f.Key)
			b = strconv.AppendBool(b, f.Optional)
			b = append(b, ':')
			b = appendShape(b, f.Type)
			b = append(b, ',')
		}
		b = append(b, '}')
	}
	return b
}

type inferrer struct {
	spec    *Spec
	errs    ErrorList
	lenders lenders // built when first needed
	// lend, when set, builds lenders once for the inferrers typing a spec together.
	lend func() lenders
}

func (in *inferrer) errorf(pos Pos, format string, args ...any) {
	in.errs = append(in.errs, &Error{File: in.spec.File, Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// lendersOf is the endpoints that lend path examples: those loading found, unless the
// spec holds other endpoints since (verify types a copy holding one endpoint alone).
func (s *Spec) lendersOf() lenders {
	if s.lenders != nil && len(s.lent) == len(s.Endpoints) && (len(s.lent) == 0 || &s.lent[0] == &s.Endpoints[0]) {
		return s.lenders
	}
	return lendersOf(s.Endpoints)
}

// parallelTyping is the fewest endpoints typed on more than one core.
var parallelTyping = 512

// endpoints types the endpoints that are not a resource's, each on its own (see
// endpoint), on every core for a large spec. It returns their types and the problems of
// each, in the order of es.
func (in *inferrer) endpoints(es []*Endpoint) ([]*EndpointTypes, []ErrorList) {
	typed := make([]*EndpointTypes, len(es))
	errs := make([]ErrorList, len(es))
	const batch = 64
	var next atomic.Int64
	// lenders are built once, when first needed, and then only read.
	lend := sync.OnceValue(in.spec.lendersOf)
	work := func() {
		w := &inferrer{spec: in.spec}
		for {
			from := int(next.Add(batch)) - batch
			if from >= len(es) {
				return
			}
			for i := from; i < min(from+batch, len(es)); i++ {
				if es[i].Resource != nil {
					continue
				}
				w.errs = nil
				w.lend = lend
				typed[i] = w.endpoint(es[i])
				errs[i] = w.errs
			}
		}
	}
	workers := 1
	if len(es) >= parallelTyping {
		workers = min(runtime.GOMAXPROCS(0), len(es)/batch)
	}
	var wg sync.WaitGroup
	for range workers - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
	return typed, errs
}

func (in *inferrer) endpoint(e *Endpoint) *EndpointTypes {
	et := &EndpointTypes{Endpoint: e}
	for _, name := range e.Params {
		et.Path = append(et.Path, Param{Name: name, Type: in.pathParamType(e, name)})
	}
	before := len(in.errs)
	defer func() {
		if len(in.errs) == before {
			in.remember(e, et)
		}
	}()
	et.Query = queryParams(e)
	in.checkRequestMedia(e)
	switch {
	case e.Request.Schema != nil:
		et.Request = in.schema(e.Request.Schema)
	case e.Request.Body != nil:
		et.Request = settle(InferValue(e.Request.Body))
		if e.Method == "PATCH" {
			mergePatch(et.Request)
		}
	}
	et.Response = in.responses(e, true)
	et.Error = in.responses(e, false)
	if et.Request != nil {
		for _, r := range e.Responses {
			for i := range r.When {
				if c := &r.When[i]; c.Source == SourceBody {
					if msg := conditionFits(et.Request, c); msg != "" {
						in.errorf(c.Pos, "endpoint %s: when %s: %s; make the condition and the request example (or its schema) agree", e.Name, c.Key, msg)
					}
				}
			}
		}
	}
	return et
}

// conditionFits says what is wrong when a body condition cannot hold for a request of
// type t: it looks inside a scalar, or compares with a value of another kind. Such a
// condition would make the typed clients and servers bb generates send or refuse
// requests the stub server reads differently. It returns "" when the condition fits.
func conditionFits(t *Type, c *Condition) string {
	at := "the body"
	for _, st := range c.Steps {
		switch t.Kind {
		case TypeAny:
			return ""
		case TypeMap:
			t = t.Elem
		case TypeObject:
			f := t.Object.field(st.Key)
			if f == nil || st.Key == "" {
				return "" // a key the example lacks: the typed request keeps it as an extra
			}
			t = f.Type
		case TypeArray:
			if st.Index < 0 {
				return fmt.Sprintf("%s is a list, so it has no key %q", at, st.Key)
			}
			t = t.Elem
		default:
			return fmt.Sprintf("%s is %s, so there is nothing inside it", at, kindPhraseOf(t.Kind))
		}
		if st.Key != "" {
			at = st.Key
		} else {
			at = fmt.Sprintf("item [%d]", st.Index)
		}
	}
	v := &c.Value
	ok := true
	switch v.Kind {
	case Null:
		ok = t.Nullable || t.Kind == TypeAny
	case Bool:
		ok = t.Kind == TypeBool || t.Kind == TypeAny
	case Number:
		ok = t.Kind == TypeDouble || t.Kind == TypeAny || t.Kind == TypeInt && v.IsInt()
	case String:
		ok = isText(t.Kind) || t.Kind == TypeAny
	case Array:
		ok = t.Kind == TypeArray || t.Kind == TypeAny
	case Object:
		ok = t.Kind == TypeObject || t.Kind == TypeMap || t.Kind == TypeAny
	}
	if !ok {
		return fmt.Sprintf("it compares %s with %s, which the request types as %s", at, v.String(), kindPhraseOf(t.Kind))
	}
	return ""
}

func kindPhraseOf(k TypeKind) string {
	switch k {
	case TypeInt:
		return "an integer"
	case TypeDouble:
		return "a number"
	case TypeArray:
		return "a list"
	case TypeObject, TypeMap:
		return "an object"
	case TypeDateTime:
		return "a date-time string"
	case TypeAny:
		return "any value"
	}
	return "a " + k.String()
}

// responses merges the bodies of the 2xx answers (ok) or of the others. A schema on any
// of them wins over every example.
func (in *inferrer) responses(e *Endpoint, ok bool) *Type {
	var t *Type
	var some, empty bool
	for _, r := range e.Responses {
		if (r.Status >= 200 && r.Status < 300) != ok {
			continue
		}
		if r.Schema != nil {
			return in.schema(r.Schema)
		}
	}
	for _, r := range e.Responses {
		if (r.Status >= 200 && r.Status < 300) != ok {
			continue
		}
		var body *Value
		switch {
		case r.Text():
			continue // text sent as it is: never typed as JSON
		case r.Body != nil:
			body = r.TypingBody(e)
		case r.BodyFile != "" && !r.JSONBody():
			continue // bytes of another type (CSV, an image): sent as they are, never typed
		case r.BodyFile != "":
			v, err := readBodyFile(r)
			if err != nil {
				in.errorf(r.Pos, "endpoint %s: bodyFile %q: %v; bb types answers from JSON, so make it JSON or add a `schema:` beside it", e.Name, r.BodyFile, err)
				continue
			}
			body = &v
		default:
			empty = true
			continue
		}
		some = true
		t = merge(t, InferValue(body))
	}
	if !some || e.Method == "HEAD" {
		return nil
	}
	t = settle(t)
	if ok && empty {
		t.Nullable = true
	}
	return t
}

func readBodyFile(r *Response) (Value, error) {
	v, err := FromJSON(r.BodyData)
	if err != nil {
		return Value{}, fmt.Errorf("not JSON (%v)", err)
	}
	return v, nil
}

func (in *inferrer) schema(v *Value) *Type {
	t := schemaType(v, func(pos Pos, msg string) { in.errorf(pos, "%s", msg) })
	return finish(t)
}

// pathParamType is Int when the `when` examples give the parameter only whole numbers,
// and String otherwise. An endpoint without examples for a parameter borrows them from
// the endpoints that share its path up to that parameter, so /books/{id} and
// /books/{id}/rating agree on the type of id.
func (in *inferrer) pathParamType(e *Endpoint, name string) *Type {
	if t := requestPathType(e, name); t != nil {
		return t
	}
	if t := pathExamplesType(e, name); t != nil {
		return t
	}
	if in.lenders == nil && in.lend != nil {
		in.lenders = in.lend()
	}
	if in.lenders == nil {
		in.lenders = in.spec.lendersOf()
	}
	if other := in.lenders.lender(e, name); other != nil {
		return pathExamplesType(other, name)
	}
	return &Type{Kind: TypeString}
}

// pathExamplesType types a path parameter from an endpoint's own `when` examples, or is
// nil when it has none.
func pathExamplesType(e *Endpoint, name string) *Type {
	seen := false
	for _, r := range e.Responses {
		for _, c := range r.When {
			if c.Source != SourcePath || c.Name != name {
				continue
			}
			if !c.Value.IsInt() {
				return &Type{Kind: TypeString}
			}
			seen = true
		}
	}
	if seen {
		return &Type{Kind: TypeInt}
	}
	return nil
}

// requestPathType is the type request.path gives a parameter: its schema's, or its
// example's; nil when it gives none.
func requestPathType(e *Endpoint, name string) *Type {
	for _, pv := range e.Request.Path {
		if pv.Name != name {
			continue
		}
		if pv.Value.Kind == Object {
			if t := schemaType(&pv.Value, func(Pos, string) {}); t != nil && isScalar(t.Kind) {
				t.Nullable = false // a path segment is never null
				return t
			}
			return nil
		}
		t := InferValue(&pv.Value)
		if t.Kind == TypeDateTime {
			t = &Type{Kind: TypeString} // a date in a path is text to route on
		}
		return t
	}
	return nil
}

// pathPrefix is a path up to and including the {name} segment, or "" when the path has
// no such parameter.
func pathPrefix(path, name string) string {
	i := strings.Index(path, "{"+name+"}")
	if i < 0 {
		return ""
	}
	return path[:i+len(name)+2]
}

// queryParams lists request.query in order, then names only `when` conditions use.
func queryParams(e *Endpoint) []Param {
	var names []string
	types := map[string]*Type{}
	add := func(name string, v *Value) {
		if _, ok := types[name]; !ok {
			names = append(names, name)
			types[name] = nil
		}
		t := InferValue(v)
		// A query parameter holds one value or several: a single value beside a list
		// (query: {ids: [1, 2]} and when: {query.ids: 2}) is one more item of it.
		if old := types[name]; old != nil && (old.Kind == TypeArray) != (t.Kind == TypeArray) {
			if t.Kind != TypeArray {
				t = &Type{Kind: TypeArray, Elem: t}
			} else {
				types[name] = &Type{Kind: TypeArray, Elem: old}
			}
		}
		types[name] = merge(types[name], t)
	}
	for i := range e.Request.Query {
		add(e.Request.Query[i].Name, &e.Request.Query[i].Value)
	}
	for _, r := range e.Responses {
		for i := range r.When {
			if c := &r.When[i]; c.Source == SourceQuery {
				add(c.Name, &c.Value)
			}
		}
	}
	var out []Param
	for _, name := range names {
		t := finish(types[name])
		t.Nullable = false
		if t.Kind == TypeArray {
			if !isScalar(t.Elem.Kind) {
				t.Elem = &Type{Kind: TypeString}
			}
			t.Elem.Nullable = false
		} else if !isScalar(t.Kind) {
			t = &Type{Kind: TypeString}
		}
		out = append(out, Param{Name: name, Type: t})
	}
	return out
}

func isScalar(k TypeKind) bool {
	return k == TypeBool || k == TypeInt || k == TypeDouble || k == TypeString || k == TypeDateTime
}

// InferValue infers the type of one example value. Objects come back unnamed, and nulls
// and empty arrays leave positions unknown until merged with other examples; InferTypes
// settles both.
func InferValue(v *Value) *Type {
	switch v.Kind {
	case Null:
		return &Type{Kind: typeUnknown, Nullable: true}
	case Bool:
		return &Type{Kind: TypeBool}
	case Number:
		if v.IsInt() {
			return &Type{Kind: TypeInt}
		}
		return &Type{Kind: TypeDouble}
	case String:
		if contract.IsDateTime(v.Str) {
			return &Type{Kind: TypeDateTime}
		}
		return &Type{Kind: TypeString}
	case Array:
		var elem *Type
		for i := range v.Items {
			elem = merge(elem, InferValue(&v.Items[i]))
		}
		if elem == nil {
			elem = &Type{Kind: typeUnknown}
		}
		return &Type{Kind: TypeArray, Elem: elem}
	case Object:
		o := &ObjectType{}
		for i := range v.Fields {
			o.Fields = append(o.Fields, &TypeField{Key: v.Fields[i].Key, Type: InferValue(&v.Fields[i].Value)})
		}
		return &Type{Kind: TypeObject, Object: o}
	}
	return &Type{Kind: TypeAny}
}

// merge combines the types two examples give one position. Either may be nil (no example
// yet). It never changes its arguments.
func merge(a, b *Type) *Type {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	}
	nullable := a.Nullable || b.Nullable
	out := func(t *Type) *Type {
		c := *t
		c.Nullable = nullable
		return &c
	}
	switch {
	case a.Kind == typeUnknown:
		return out(b)
	case b.Kind == typeUnknown:
		return out(a)
	case a.Kind == TypeAny || b.Kind == TypeAny:
		return &Type{Kind: TypeAny, Nullable: nullable}
	case a.Kind == b.Kind:
		switch a.Kind {
		case TypeArray, TypeMap:
			return &Type{Kind: a.Kind, Nullable: nullable, Elem: merge(a.Elem, b.Elem)}
		case TypeObject:
			return &Type{Kind: TypeObject, Nullable: nullable, Object: mergeObjects(a.Object, b.Object)}
		case TypeString:
			if len(a.Enum) > 0 && len(b.Enum) > 0 {
				return &Type{Kind: TypeString, Nullable: nullable, Enum: unionStrings(a.Enum, b.Enum)}
			}
			return &Type{Kind: TypeString, Nullable: nullable}
		}
		return out(a)
	case isNumber(a.Kind) && isNumber(b.Kind):
		return &Type{Kind: TypeDouble, Nullable: nullable}
	case isText(a.Kind) && isText(b.Kind):
		return &Type{Kind: TypeString, Nullable: nullable}
	}
	return &Type{Kind: TypeAny, Nullable: nullable}
}

func isNumber(k TypeKind) bool { return k == TypeInt || k == TypeDouble }
func isText(k TypeKind) bool   { return k == TypeString || k == TypeDateTime }

func unionStrings(a, b []string) []string {
	out := append([]string(nil), a...)
	for _, s := range b {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// mergeObjects unites the fields of two examples of one object, in first-seen order. A
// field one of them lacks becomes optional.
func mergeObjects(a, b *ObjectType) *ObjectType {
	o := &ObjectType{disjoint: a.disjoint || b.disjoint}
	if len(a.Fields) > 0 && len(b.Fields) > 0 {
		shared := false
		for _, fa := range a.Fields {
			shared = shared || b.field(fa.Key) != nil
		}
		o.disjoint = o.disjoint || !shared
	}
	for _, fa := range a.Fields {
		f := &TypeField{Key: fa.Key, Type: fa.Type, Optional: fa.Optional}
		if fb := b.field(fa.Key); fb != nil {
			f.Type = merge(fa.Type, fb.Type)
			f.Optional = fa.Optional || fb.Optional
		} else {
			f.Optional = true
		}
		o.Fields = append(o.Fields, f)
	}
	for _, fb := range b.Fields {
		if a.field(fb.Key) == nil {
			o.Fields = append(o.Fields, &TypeField{Key: fb.Key, Type: fb.Type, Optional: true})
		}
	}
	return o
}

func (o *ObjectType) field(key string) *TypeField {
	for _, f := range o.Fields {
		if f.Key == key {
			return f
		}
	}
	return nil
}

// mergePatch types a PATCH body as a JSON Merge Patch (RFC 7396): every key of every
// object, however deep, is optional, and null means "remove it". Arrays are replaced
// whole, so the objects inside them keep their own rules.
func mergePatch(t *Type) {
	if t.Kind != TypeObject {
		return
	}
	t.Object.MergePatch = true
	for _, f := range t.Object.Fields {
		f.Optional, f.Type.Nullable = true, true
		mergePatch(f.Type)
	}
}

// finish turns what is still unknown into TypeAny, copying as it goes so merged examples
// never share a mutable node. It is for types a schema gives, which say exactly what is
// required and what is nullable.
func finish(t *Type) *Type { return finishType(t, false) }

// settle is finish for types inferred from examples. It applies the one rule of presence
// that every generator, the contract kernel and verify share: a key is required only when
// every example has it with a non-null value; otherwise it is optional, and an optional
// key may be absent or null. And it turns objects whose keys are data into maps (see
// keysAreData).
func settle(t *Type) *Type { return finishTypeAt(t, true, 0) }

func finishType(t *Type, inferred bool) *Type { return finishTypeAt(t, inferred, 1) }

// keysAreData reports whether an object inferred from examples is a map from keys that
// are data (ids, dates, names of things) to values of one type, rather than a record
// with fixed fields: {} (no key known, so any may come), keys that all look like data
// (1, 2024-05-01, a UUID, an email), or, below the top of a body, examples that share no
// key ({warehouse_a: 3} and {warehouse_b: 5}) with values of one type. It returns the
// values' type.
func keysAreData(o *ObjectType, depth int) (*Type, bool) {
	if len(o.Fields) == 0 {
		return &Type{Kind: TypeAny}, true
	}
	var elem *Type
	data := true
	for _, f := range o.Fields {
		elem = merge(elem, f.Type)
		data = data && dataKey(f.Key)
	}
	if data {
		return elem, true
	}
	if o.disjoint && depth > 0 && elem.Kind != TypeAny {
		return elem, true
	}
	return nil, false
}

// dataKey reports whether an object key looks like a value rather than a field name: a
// number, a date or a version (digits and separators only), a UUID, or a key holding a
// character no field name has (an email's @, a path's /, a space).
func dataKey(k string) bool {
	if k == "" {
		return false
	}
	if uuidRE.MatchString(k) || strings.ContainsAny(k, "@/ ") {
		return true
	}
	if k[0] < '0' || k[0] > '9' {
		return false
	}
	for _, r := range k {
		if !(r >= '0' && r <= '9' || r == '-' || r == '.' || r == ':' || r == '_') {
			return false
		}
	}
	return true
}

var uuidRE = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

func finishTypeAt(t *Type, inferred bool, depth int) *Type {
	if t == nil {
		return nil
	}
	c := *t
	switch c.Kind {
	case typeUnknown:
		c.Kind = TypeAny
	case TypeArray, TypeMap:
		c.Elem = finishTypeAt(c.Elem, inferred, depth+1)
		if c.Elem == nil {
			c.Elem = &Type{Kind: TypeAny}
		}
	case TypeObject:
		if elem, ok := keysAreData(c.Object, depth); inferred && ok {
			elem = finishTypeAt(elem, inferred, depth+1)
			return &Type{Kind: TypeMap, Nullable: c.Nullable, Elem: elem}
		}
		o := &ObjectType{Name: c.Object.Name, Origin: c.Object.Origin, Open: c.Object.Open, MergePatch: c.Object.MergePatch}
		for _, f := range c.Object.Fields {
			ft, optional := finishTypeAt(f.Type, inferred, depth+1), f.Optional
			if inferred && (optional || ft.Nullable) {
				optional, ft.Nullable = true, true
			}
			o.Fields = append(o.Fields, &TypeField{Key: f.Key, Type: ft, Optional: optional})
		}
		c.Object = o
	}
	return &c
}

// namer gives objects collision-free names, in the deterministic order InferTypes walks
// the spec. Objects with the same shape that would take the same name become one.
type namer struct {
	taken   map[string]*ObjectType // by lower-case name; nil value: reserved
	objects []*ObjectType
}

func newNamer(reserved []string) *namer {
	n := &namer{taken: map[string]*ObjectType{}}
	for _, r := range reserved {
		n.taken[strings.ToLower(r)] = nil
	}
	return n
}

// root names the objects under a body type. objName names an object body, listItem the
// element of a list body, parent prefixes names that collide.
func (n *namer) root(t *Type, objName, listItem, parent, origin string) *Type {
	if t == nil {
		return nil
	}
	if t.Kind == TypeArray || t.Kind == TypeMap {
		return n.name(t, listItem, parent, origin)
	}
	return n.name(t, objName, parent, origin)
}

func (n *namer) name(t *Type, base, parent, origin string) *Type {
	switch t.Kind {
	case TypeArray, TypeMap:
		t.Elem = n.name(t.Elem, singularName(base), parent, origin+"[]")
	case TypeObject:
		if o := n.claim(t.Object, base, parent, origin); o != t.Object {
			t.Object = o // the same shape under the same name: share the first
			return t
		}
		for _, f := range t.Object.Fields {
			f.Type = n.name(f.Type, fieldTypeName(f.Key), t.Object.Name, origin+" ."+DocText(f.Key))
		}
	}
	return t
}

// singularName singularises the last word of a type name: FavoritePeople → FavoritePerson.
func singularName(name string) string {
	words := Words(name)
	if len(words) == 0 {
		return name
	}
	words[len(words)-1] = Singular(words[len(words)-1])
	return UpperCamel(words)
}

// fieldTypeName is the base name of an object found under key: "book_series" gives
// "BookSeries"; an array key is singularised by name.
func fieldTypeName(key string) string {
	return UpperCamel(Words(key))
}

// claim finds o a name: base; else parent+base; else parent+base followed by 2, 3, …
// It returns an already named object of the same shape instead when one holds a
// candidate name.
func (n *namer) claim(o *ObjectType, base, parent, origin string) *ObjectType {
	var cands []string
	if base == "" {
		base = "Object"
	}
	if isDigit(rune(base[0])) {
		// A name cannot start with a digit: "2fa" under Settings becomes Settings2fa.
		cands = append(cands, parent+base)
	} else {
		cands = append(cands, base)
		if parent != "" && parent != base {
			cands = append(cands, parent+base)
		}
	}
	last := cands[len(cands)-1]
	for _, c := range cands {
		if got := n.try(o, c, origin); got != nil {
			return got
		}
	}
	for i := 2; ; i++ {
		if got := n.try(o, fmt.Sprintf("%s%d", last, i), origin); got != nil {
			return got
		}
	}
}

func (n *namer) try(o *ObjectType, name, origin string) *ObjectType {
	key := strings.ToLower(name)
	other, ok := n.taken[key]
	if !ok {
		o.Name, o.Origin = name, origin
		n.taken[key] = o
		n.objects = append(n.objects, o)
		return o
	}
	if other != nil && other.Name == name && sameObject(other, o) {
		return other
	}
	return nil
}

// sameObject reports whether two objects have the same fields with the same types,
// ignoring names.
func sameObject(a, b *ObjectType) bool {
	if len(a.Fields) != len(b.Fields) {
		return false
	}
	for i, fa := range a.Fields {
		fb := b.Fields[i]
		if fa.Key != fb.Key || fa.Optional != fb.Optional || !sameType(fa.Type, fb.Type) || a.Open != b.Open || a.MergePatch != b.MergePatch {
			return false
		}
	}
	return true
}

func sameType(a, b *Type) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Kind != b.Kind || a.Nullable != b.Nullable || strings.Join(a.Enum, "\x00") != strings.Join(b.Enum, "\x00") {
		return false
	}
	switch a.Kind {
	case TypeArray, TypeMap:
		return sameType(a.Elem, b.Elem)
	case TypeObject:
		return a.Object == b.Object || sameObject(a.Object, b.Object)
	}
	return true
}
