package swift

import (
	"fmt"
	"strings"

	"github.com/backwards-backend/bb/internal/contract"
	"github.com/backwards-backend/bb/internal/spec"
)

// Type names the package declares when the spec has resources.
const (
	pageType      = "Page"          // a list's records with the total count; ListPage beside a record named Page
	directionType = "SortDirection" // a list's order: ascending or descending
	sortFieldEnum = "SortField"     // nested in a record: the fields a list sorts by
)

// The labels of a list's options, after its filters; a field with the same name gets a
// suffix as a filter.
const (
	labelSort   = "sortedBy"
	labelOrder  = "order"
	labelLimit  = "limit"
	labelPage   = "page"
	labelOffset = "offset"
)

// resourceInfo is how a resource reads in Swift.
type resourceInfo struct {
	r      *spec.Resource
	types  *spec.ResourceTypes
	record *spec.ObjectType // Message
	input  *spec.ObjectType // NewMessage
	patch  *spec.ObjectType // MessagePatch
	// idProp is the record's property holding its id, escaped: id.
	idProp string
	// identifiable: the record can conform to Identifiable, with idProp as its id, or
	// with a computed `id` when idProp is another name and no property is called id.
	identifiable, computedID bool
}

// resourceInfos reads the resources of the type set, by resource and by record.
func (g *generator) resourceInfos() {
	g.resources = map[*spec.Resource]*resourceInfo{}
	g.records = map[*spec.ObjectType]*resourceInfo{}
	for _, rt := range g.types.Resources {
		ri := &resourceInfo{r: rt.Resource, types: rt, record: rt.Record.Object, input: rt.Input.Object, patch: rt.Patch.Object}
		g.resources[rt.Resource] = ri
		g.records[ri.record] = ri
	}
	for _, ri := range g.resources {
		fields, _, _ := g.fields(ri.record)
		hasID := false
		for _, fi := range fields {
			if fi.name == "id" {
				hasID = true
			}
			if fi.f.Key == ri.r.ID {
				ri.idProp = escape(fi.name)
			}
		}
		ri.identifiable = ri.idProp == "id" || !hasID
		ri.computedID = ri.identifiable && ri.idProp != "id"
	}
}

// assigned reports whether the server assigns the ids, rather than the client.
func (ri *resourceInfo) assigned() bool { return ri.r.IDKind != contract.IDString }

// item is one record in words: "message".
func (ri *resourceInfo) item() string { return strings.Join(spec.Words(ri.r.Item()), " ") }

// plural is the collection in words: "messages".
func (ri *resourceInfo) plural() string { return strings.Join(spec.Words(ri.r.Name), " ") }

// op is the operation name of one of the resource's routes: getMessage.
func (ri *resourceInfo) op(op contract.ResourceOp) string { return ri.r.OperationName(op) }

// an puts "a" or "an" before a word, by its first sound as far as its spelling tells:
// an event, a user, a unit.
func an(word string) string {
	w := strings.ToLower(word)
	for _, p := range []string{"uni", "use", "usu", "uti", "eu", "one"} {
		if strings.HasPrefix(w, p) {
			return "a " + word
		}
	}
	if w != "" && strings.ContainsRune("aeiou", rune(w[0])) {
		return "an " + word
	}
	return "a " + word
}

// bodyParam is the unlabelled body of a resource's create, replace or update:
// createMessage(_ message: NewMessage), updateMessage(id:_ patch: MessagePatch).
func (ri *resourceInfo) bodyParam(op contract.ResourceOp, sc scope, typ string) (param, string) {
	name := lowerCamel(ri.r.Item())
	doc := fmt.Sprintf("The new %s, sent as JSON.", ri.item())
	switch op {
	case contract.OpReplace:
		doc = fmt.Sprintf("What the %s becomes: every field but its `%s` is replaced.", ri.item(), spec.DocText(ri.r.ID))
	case contract.OpUpdate:
		name = "patch"
		doc = "The fields to change, sent as a JSON Merge Patch: a nil field stays as it is, `.null` removes its value."
	}
	if name == "self" {
		name = "selfValue"
	}
	return param{label: "_", name: sc.unique(name), typ: typ}, doc
}

// listParams are the arguments of a resource's list: a filter per scalar field but the
// id, the sort field and order, and paging. query holds the exchange's query pairs.
func (g *generator) listParams(et *spec.EndpointTypes, ri *resourceInfo, sc scope) (params []param, query, docs []string) {
	for _, l := range []string{labelSort, labelOrder, labelLimit, labelPage, labelOffset} {
		sc[l] = true
	}
	fields, _, _ := g.fields(ri.record)
	field := func(key string) *fieldInfo {
		for i := range fields {
			if fields[i].f.Key == key {
				return &fields[i]
			}
		}
		return nil
	}
	var options []param
	var optionQuery, optionDocs []string
	option := func(label, key, typ, value, doc string) {
		options = append(options, param{label: label, name: label, typ: typ, def: " = nil"})
		optionQuery = append(optionQuery, stringLiteral(key)+": "+value)
		optionDocs = append(optionDocs, "- "+label+": "+doc)
	}
	for _, q := range et.Query {
		switch q.Name {
		case contract.QuerySort:
			option(labelSort, q.Name, ri.record.Name+"."+sortFieldEnum+"?", labelSort+"?.rawValue",
				fmt.Sprintf("The field to sort by; nil keeps the `%s` order.", spec.DocText(ri.r.ID)))
			continue
		case contract.QueryOrder:
			option(labelOrder, q.Name, directionType+"?", labelOrder+"?.rawValue", "`.descending` sorts from the largest; nil sorts ascending.")
			continue
		case contract.QueryLimit:
			option(labelLimit, q.Name, "Int?", labelLimit, fmt.Sprintf("At most this many %s; with `page`, the page's size (%d when nil).", ri.plural(), contract.DefaultPageSize))
			continue
		case contract.QueryPage:
			option(labelPage, q.Name, "Int?", labelPage, fmt.Sprintf("The page to return, from 1, of `limit` %s.", ri.plural()))
			continue
		case contract.QueryStart:
			option(labelOffset, q.Name, "Int?", labelOffset, fmt.Sprintf("Skip this many %s first; give `page` or `offset`, not both.", ri.plural()))
			continue
		case ri.r.ID:
			// The ids are unique and a filter is given once: an id filter keeps one
			// record at most, which getMessage(id:) reads with a clear 404.
			continue
		}
		fi := field(q.Name)
		if fi == nil {
			continue
		}
		label := sc.unique(fi.name) // never self: memberName renamed it
		p := param{label: label, name: label, def: " = nil"}
		value := p.ref()
		if enumOf(fi.f.Type) != nil {
			p.typ = optional(strings.TrimSuffix(fi.outer, "?"))
			value += "?.rawValue"
		} else {
			p.typ = optional(g.swiftType(q.Type, false))
		}
		params = append(params, p)
		query = append(query, stringLiteral(q.Name)+": "+value)
		docs = append(docs, fmt.Sprintf("- %s: Keeps the %s whose `%s` is this; nil keeps all.", p.label, ri.plural(), spec.DocText(q.Name)))
	}
	return append(params, options...), append(query, optionQuery...), append(docs, optionDocs...)
}

// listBody is the short form's body for a list: the records as a Page, with the total
// count from the X-Total-Count header and the offset the paging arguments imply.
func (g *generator) listBody(et *spec.EndpointTypes, exchange []string) ([]string, string) {
	record := g.swiftType(et.Response.Elem, false)
	lines := append([]string(nil), exchange...)
	lines = append(lines,
		"return try "+g.pageType+"(",
		fmt.Sprintf("    items: self.decode([%s].self, from: self.success(response)),", record),
		fmt.Sprintf("    totalCount: response.headers[%s].flatMap { Int($0) },", stringLiteral(contract.TotalHeader)),
		fmt.Sprintf("    offset: %s ?? %s.map { ($0 - 1) * (%s ?? %d) } ?? 0", labelOffset, labelPage, labelLimit, contract.DefaultPageSize),
		")")
	return lines, " -> " + g.pageType + "<" + record + ">"
}

// resourceThrows is the "- Throws:" part of a resource route's doc comment: the
// statuses the route answers with besides 2xx, in the spec's error shape.
func (g *generator) resourceThrows(ri *resourceInfo, op contract.ResourceOp, errType, name string, all []param) []string {
	var why string
	item := ri.item()
	switch op {
	case contract.OpList:
		why = "a 400 when a filter, sort field or paging value is refused"
	case contract.OpGet, contract.OpDelete:
		why = fmt.Sprintf("a 404 when no %s has the %s", item, spec.DocText(ri.r.ID))
	case contract.OpCreate:
		why = "a 400 naming the field at fault"
		if !ri.assigned() {
			why += fmt.Sprintf(", a 409 when %s with the %s exists already", an(item), spec.DocText(ri.r.ID))
		}
	default:
		why = fmt.Sprintf("a 400 naming the field at fault, a 404 when no %s has the %s", item, spec.DocText(ri.r.ID))
	}
	lines := []string{fmt.Sprintf("- Throws: ``%s``: %s.", g.names.Error, why)}
	if errType != "" {
		lines = append(lines, fmt.Sprintf("  `error.decodeBody(as: %s.self)` reads its body; ``%s/%s(%s)`` returns every answer.", errType, g.names.Client, escape(name+"Response"), labels(all)))
	}
	return lines
}

// errorType is the Swift type of a resource's error answers, from whichever of its
// routes declares one: the list and create declare none, but answer alike.
func (g *generator) errorType(r *spec.Resource) string {
	for _, et := range g.types.Endpoints {
		if et.Endpoint.Resource == r && et.Error != nil {
			return strings.TrimSuffix(g.swiftType(et.Error, false), "?")
		}
	}
	return ""
}

// resourceDoc is the doc comment of a resource's record type, or of an object inside
// one, from its origin ("resource messages record .author"); nil for other objects.
func (g *generator) resourceDoc(origin string) []string {
	var out []string
	for i, para := range g.resourceParagraphs(origin) {
		if i > 0 {
			out = append(out, "")
		}
		out = append(out, wrap(para, docWidth)...)
	}
	return out
}

// docWidth is where a doc comment's text wraps.
const docWidth = 88

// wrap breaks text into lines of at most width bytes where it has spaces.
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return append(lines, line)
}

func (g *generator) resourceParagraphs(origin string) []string {
	rest, ok := strings.CutPrefix(origin, "resource ")
	if !ok {
		return nil
	}
	name, rest, _ := strings.Cut(rest, " ")
	role, at, _ := strings.Cut(rest, " ")
	var ri *resourceInfo
	for r, info := range g.resources {
		if r.Name == name {
			ri = info
		}
	}
	if ri == nil {
		return nil
	}
	item, id := ri.item(), spec.DocText(ri.r.ID)
	ops := func(list ...contract.ResourceOp) string {
		var names []string
		for _, op := range list {
			names = append(names, "`"+ri.op(op)+"`")
		}
		return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	}
	if at != "" {
		whose := map[string]string{
			"record": fmt.Sprintf("%s (``%s``)", an(item), ri.record.Name),
			"input":  fmt.Sprintf("a new %s (``%s``)", item, ri.input.Name),
			"patch":  fmt.Sprintf("the changes to %s (``%s``)", an(item), ri.patch.Name),
		}[role]
		return []string{fmt.Sprintf("In %s of the `%s` resource, at `%s`.", whose, spec.DocText(ri.r.Name), strings.TrimSpace(at))}
	}
	switch role {
	case "record":
		idDoc := map[contract.IDKind]string{
			contract.IDInt:    "a whole number the server assigns",
			contract.IDUUID:   "a UUID the server assigns",
			contract.IDString: fmt.Sprintf("a string the client chooses in ``%s``", ri.input.Name),
		}[ri.r.IDKind]
		return []string{
			fmt.Sprintf("%s: one record of the `%s` resource, kept by the server at `%s`.", upperFirst(an(item)), spec.DocText(ri.r.Name), spec.DocText(ri.r.Path)),
			fmt.Sprintf("%s answer with one, `%s` with a ``%s`` of them. Its `%s` is %s.",
				ops(contract.OpGet, contract.OpCreate, contract.OpReplace, contract.OpUpdate), ri.op(contract.OpList), g.pageType, id, idDoc),
		}
	case "input":
		what := fmt.Sprintf("without the `%s` the server assigns", id)
		if !ri.assigned() {
			what = fmt.Sprintf("with the `%s` the client chooses", id)
		}
		return []string{fmt.Sprintf("A new %s, as `%s` and `%s` send it: ``%s`` %s.",
			item, ri.op(contract.OpCreate), ri.op(contract.OpReplace), ri.record.Name, what)}
	case "patch":
		return []string{
			fmt.Sprintf("Changes to %s, as `%s` sends them: a JSON Merge Patch (RFC 7396).", an(item), ri.op(contract.OpUpdate)),
			"A nil property leaves the field as it is; `.value(x)` sets it; `.null` removes its value.",
		}
	}
	return nil
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// recordModel adds to a record's model what a resource gives it: Identifiable, and the
// enum of the fields its list sorts by (those holding a scalar, as the kernel's).
func (g *generator) recordModel(m *modelTmpl, ri *resourceInfo, fields []fieldInfo) {
	m.Identifiable = ri.identifiable
	if ri.computedID {
		for _, fi := range fields {
			if fi.f.Key == ri.r.ID {
				m.ComputedID = fmt.Sprintf("public var id: %s { %s }", fi.typ, escape(fi.name))
			}
		}
	}
	sf := &sortFieldsTmpl{Name: sortFieldEnum, List: ri.op(contract.OpList)}
	for _, c := range g.sortCases(ri) {
		ck := codingKeyTmpl{Case: escape(c.name)}
		if c.name != c.key {
			ck.Raw = " = " + stringLiteral(c.key)
		}
		sf.Cases = append(sf.Cases, ck)
	}
	if len(sf.Cases) > 0 {
		m.SortFields = sf
	}
}

// sortCase is a case of a record's SortField: a field holding a scalar.
type sortCase struct {
	key  string // the field's key, the case's raw value
	name string // the case, unescaped
	kind spec.TypeKind
}

// sortCases are the cases of a record's SortField, named as its properties, but for
// the enum's own members.
func (g *generator) sortCases(ri *resourceInfo) []sortCase {
	fields, _, _ := g.fields(ri.record)
	names := scope{"rawValue": true, "allCases": true, "init": true}
	var out []sortCase
	for _, fi := range fields {
		if isScalar(fi.f.Type.Kind) {
			out = append(out, sortCase{key: fi.f.Key, name: names.unique(fi.name), kind: fi.f.Type.Kind})
		}
	}
	return out
}

func isScalar(k spec.TypeKind) bool {
	switch k {
	case spec.TypeBool, spec.TypeInt, spec.TypeDouble, spec.TypeString, spec.TypeDateTime:
		return true
	}
	return false
}

// resourceTmpl is a resource's part of the README.
type resourceTmpl struct {
	Name, Path string
	Lines      []string // the CRUD calls, one line each
}

// seed is the resource's first seed record, or nil.
func (ri *resourceInfo) seed() *spec.Value {
	if len(ri.r.Seed) == 0 {
		return nil
	}
	return &ri.r.Seed[0]
}

// listExample calls a resource's list with a filter from the first seed (if filter), a sort field
// (a date-time when the record has one, else the id) in descending order, and a limit.
func (g *generator) listExample(ri *resourceInfo, filter bool) string {
	fields, _, _ := g.fields(ri.record)
	var args []string
	seed := ri.seed()
	if !filter {
		seed = nil
	}
	options := map[string]bool{labelSort: true, labelOrder: true, labelLimit: true, labelPage: true, labelOffset: true, "timeout": true, "response": true}
	for _, fi := range fields {
		if seed == nil || fi.f.Key == ri.r.ID || fi.f.Type.Kind != spec.TypeString || enumOf(fi.f.Type) != nil || options[fi.name] {
			continue // a field named like an option is a filter with a suffix
		}
		if v := seed.Get(fi.f.Key); v != nil && v.Kind == spec.String {
			args = append(args, escape(fi.name)+": "+stringLiteral(v.Str))
			break
		}
	}
	sortBy := ""
	for _, c := range g.sortCases(ri) {
		if c.key == ri.r.ID && sortBy == "" || c.kind == spec.TypeDateTime {
			sortBy = escape(c.name)
		}
		if c.kind == spec.TypeDateTime {
			break
		}
	}
	args = append(args, labelSort+": ."+sortBy, labelOrder+": .descending", labelLimit+": 20")
	return fmt.Sprintf("%s(%s)", escape(ri.op(contract.OpList)), strings.Join(args, ", "))
}

// bodyExample is the body a resource's create, replace or update sends in examples:
// the first seed without its assigned id (a new one for a client-chosen id, so a create
// does not clash with the seed), or a value of each required field when there is no
// seed; for an update, one field changed.
func (g *generator) bodyExample(ri *resourceInfo, op contract.ResourceOp) string {
	if op == contract.OpUpdate {
		return g.patchExample(ri)
	}
	t := ri.types.Input
	seed := ri.seed()
	if seed == nil {
		return g.sample(t)
	}
	v := *seed
	if !ri.assigned() && op == contract.OpCreate {
		v.Fields = append([]spec.Field(nil), v.Fields...)
		for i, f := range v.Fields {
			if f.Key == ri.r.ID {
				v.Fields[i].Value = spec.Value{Kind: spec.String, Str: f.Value.Text() + "-2"}
			}
		}
	}
	return g.literal(&v, t, 1)
}

// patchFields are the fields an update takes as arguments, updateMessage(id: 1, read:
// true): every field of the patch but the id, which never changes. ok is false when
// the patch's struct qualifies its types or a field is named like the id's label.
func (g *generator) patchFields(ri *resourceInfo) (out []fieldInfo, ok bool) {
	fields, _, qualify := g.fields(ri.patch)
	if qualify {
		return nil, false
	}
	for _, fi := range fields {
		if fi.f.Key == ri.r.ID {
			continue
		}
		if !fi.patch || fi.name == lowerCamel(ri.r.Param) || fi.name == "timeout" {
			return nil, false
		}
		out = append(out, fi)
	}
	return out, len(out) > 0
}

// patchConvenience is an update taking the fields to set as arguments: nil leaves a
// field as it is. Removing a value takes the patch itself, with .null.
func (g *generator) patchConvenience(ri *resourceInfo, params []param, name string, doc []string) (convenienceTmpl, bool) {
	fields, ok := g.patchFields(ri)
	if !ok {
		return convenienceTmpl{}, false
	}
	var decls, args, inits []string
	for _, p := range params {
		if p.label == "_" {
			continue
		}
		decls = append(decls, p.decl(true))
		args = append(args, p.arg())
	}
	for _, fi := range fields {
		inner := strings.TrimSuffix(strings.TrimPrefix(fi.outer, "Nullable<"), ">?")
		decls = append(decls, escape(fi.name)+": "+optional(inner)+" = nil")
		inits = append(inits, escape(fi.name)+": "+escape(fi.name)+".map { Nullable.value($0) }")
	}
	list := strings.Join(decls, ", ")
	if len(decls) > 2 {
		list = "\n        " + strings.Join(decls, ",\n        ") + "\n    "
	}
	patch := ri.patch.Name + "(" + strings.Join(inits, ", ") + ")"
	if len(inits) > 2 {
		patch = ri.patch.Name + "(\n            " + strings.Join(inits, ",\n            ") + "\n        )"
	}
	head := doc[:len(doc)-len(g.throwsLines(doc))]
	return convenienceTmpl{
		Doc: concat(head, []string{"", fmt.Sprintf("Sends the arguments that are not nil as a ``%s``; the other fields stay as they are.", ri.patch.Name),
			fmt.Sprintf("To remove a field's value, send a ``%s`` with `.null` for it.", ri.patch.Name)}, g.throwsLines(doc)),
		Params: list,
		Call:   fmt.Sprintf("try await %s(%s, %s, timeout: nil)", escape(name), strings.Join(args, ", "), patch),
	}, true
}

// patchExample changes one field: the first Bool (to the seed's opposite), else the
// first string, else the first field. It passes the field as an argument when the
// update takes it as one, else as a patch.
func (g *generator) patchExample(ri *resourceInfo) string {
	fields, _, _ := g.fields(ri.patch)
	if len(fields) == 0 {
		return ri.patch.Name + "()"
	}
	if args, ok := g.patchFields(ri); ok {
		fields = args
	}
	pick := func(ok func(fi fieldInfo) bool) *fieldInfo {
		for i, fi := range fields {
			if ok(fi) {
				return &fields[i]
			}
		}
		return nil
	}
	value := ""
	fi := pick(func(fi fieldInfo) bool { return fi.f.Type.Kind == spec.TypeBool })
	if fi != nil {
		value = "true"
		if seed := ri.seed(); seed != nil {
			if v := seed.Get(fi.f.Key); v != nil && v.Kind == spec.Bool && v.Bool {
				value = "false"
			}
		}
	} else if fi = pick(func(fi fieldInfo) bool { return fi.f.Type.Kind == spec.TypeString && enumOf(fi.f.Type) == nil }); fi != nil {
		value = stringLiteral("edited")
	} else {
		fi = &fields[0]
		bare := *fi.f.Type
		bare.Nullable = false
		value = g.sample(&bare)
	}
	if _, ok := g.patchFields(ri); ok {
		return escape(fi.name) + ": " + value
	}
	if fi.patch {
		value = ".value(" + value + ")"
	}
	return fmt.Sprintf("%s(%s: %s)", ri.patch.Name, escape(fi.name), value)
}

// sample writes a value of type t for an example without a seed: each required field
// of an object, empty collections, a zero for numbers, .now for dates.
func (g *generator) sample(t *spec.Type) string {
	if t.Nullable {
		return "nil"
	}
	switch t.Kind {
	case spec.TypeString:
		if len(t.Enum) > 0 {
			return ".init(rawValue: " + stringLiteral(t.Enum[0]) + ")"
		}
		return `""`
	case spec.TypeInt, spec.TypeDouble:
		return "0"
	case spec.TypeBool:
		return "false"
	case spec.TypeDateTime:
		return ".now"
	case spec.TypeArray:
		return "[]"
	case spec.TypeMap:
		return "[:]"
	case spec.TypeObject:
		fields, _, _ := g.fields(t.Object)
		var args []string
		for _, fi := range fields {
			if !strings.HasSuffix(fi.typ, "?") {
				args = append(args, escape(fi.name)+": "+g.sample(fi.f.Type))
			}
		}
		return t.Object.Name + "(" + strings.Join(args, ", ") + ")"
	}
	return ".null"
}

// resourceReadme writes the README's CRUD calls for a resource.
func (g *generator) resourceReadme(ri *resourceInfo) resourceTmpl {
	id := "created." + ri.idProp
	idArg := escape(lowerCamel(ri.r.Param)) + ": " + id
	call := func(op contract.ResourceOp, args ...string) string {
		return fmt.Sprintf("try await client.%s(%s)", escape(ri.op(op)), strings.Join(args, ", "))
	}
	item, page := escape(lowerCamel(ri.r.Item())), "page"
	if item == page {
		page = "list" // for page in list
	}
	return resourceTmpl{Name: spec.DocText(ri.r.Name), Path: spec.DocText(ri.r.Path), Lines: []string{
		"let " + page + " = try await client." + g.listExample(ri, true),
		fmt.Sprintf(`print("\(%s.count) of \(%s.totalCount ?? 0) %s")`, page, page, ri.plural()),
		"for " + item + " in " + page + " {",
		"    print(" + item + ")",
		"}",
		"",
		"let created = " + call(contract.OpCreate, g.bodyExample(ri, contract.OpCreate)),
		"let fetched = " + call(contract.OpGet, idArg),
		"let updated = " + call(contract.OpUpdate, idArg, g.bodyExample(ri, contract.OpUpdate)),
		"let replaced = " + call(contract.OpReplace, idArg, g.bodyExample(ri, contract.OpReplace)),
		call(contract.OpDelete, idArg),
		"print(fetched, updated, replaced)",
	}}
}

// pagingLines read every page of a resource's list, for Page's doc comment.
func (g *generator) pagingLines(ri *resourceInfo) []string {
	return []string{
		fmt.Sprintf("var all: [%s] = []", ri.record.Name),
		fmt.Sprintf("var page: %s<%s>", g.pageType, ri.record.Name),
		"repeat {",
		fmt.Sprintf("    page = try await client.%s(%s: 50, %s: all.count)", escape(ri.op(contract.OpList)), labelLimit, labelOffset),
		"    all += page.items",
		"} while page.hasMore",
	}
}
