package spec

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/backwards-backend/bb/internal/contract"
)

var (
	resourceKeys = []string{"path", "id", "seed", "schema", "summary"}
	idKeys       = []string{"field", "type"}
	idKinds      = []string{string(contract.IDInt), string(contract.IDUUID), string(contract.IDString)}
)

// Resource is a collection of records that remember: bb serve keeps them in its state
// file, an ejected server in a table, and both answer the same REST routes (list, get,
// create, replace, update, delete) for them. The spec writes it under `resources:`.
type Resource struct {
	Name    string // the collection, as written: messages
	Summary string
	Path    string // the list's path; /<name> unless the spec says
	Param   string // the path parameter holding a record's id: the id field's key when it can be one
	ID      string // the id field's key; "id" unless the spec says
	IDKind  contract.IDKind
	Seed    []Value // the records the collection starts with, in order; every one has its id
	Schema  *Value  // the record's schema, when the spec gives one; else the seeds type it
	Pos     Pos     // where the resource's name is written
	SeedPos Pos
	// Endpoints are the resource's routes, in contract.ResourceOps order. They are also
	// in the spec's Endpoints, after the endpoints the spec writes out.
	Endpoints []*Endpoint
}

// Item is one record's name, for messages and generated names: "message" for messages.
func (r *Resource) Item() string {
	words := Words(r.Name)
	if len(words) == 0 {
		return r.Name
	}
	words[len(words)-1] = Singular(words[len(words)-1])
	return lowerCamel(words)
}

// ItemPath is the path of one record: /messages/{id}.
func (r *Resource) ItemPath() string { return strings.TrimSuffix(r.Path, "/") + "/{" + r.Param + "}" }

// OperationName is the operation name of the resource's route op: listMessages,
// getMessage, createMessage, replaceMessage, updateMessage or deleteMessage.
func (r *Resource) OperationName(op contract.ResourceOp) string {
	noun := UpperCamel(Words(r.Item()))
	if op == contract.OpList {
		noun = UpperCamel(Words(r.Name))
	}
	return string(op) + noun
}

// Contract is the resource as the kernel serves it, with the record type ts gave it.
func (r *Resource) Contract(ts *TypeSet) *contract.Resource {
	return &contract.Resource{Name: r.Name, Item: r.Item(), Path: strings.TrimSuffix(r.Path, "/"), Param: r.Param,
		ID: r.ID, IDKind: r.IDKind, Record: ts.Resource(r).Record.Schema()}
}

func lowerCamel(words []string) string {
	s := UpperCamel(words)
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func (p *parser) resources(n *yaml.Node, s *Spec) {
	n = resolve(n)
	if isNull(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		p.errorf(posOf(n), "resources must be a mapping from a collection's name to its settings, not %s", describe(n))
		return
	}
	fields, _ := p.mapping(n, "resources", nil)
	for _, f := range fields {
		if !identRE.MatchString(f.key) {
			p.errorf(posOf(f.keyN), "resource name %q must start with a letter and hold only letters, digits and '_', so it can name Swift functions and a table", f.key)
			continue
		}
		if r := p.resource(f.key, f.value); r != nil {
			r.Pos = posOf(f.keyN)
			s.Resources = append(s.Resources, r)
		}
	}
}

func (p *parser) resource(name string, n *yaml.Node) *Resource {
	what := "resource " + name
	r := &Resource{Name: name, Path: "/" + name, ID: "id", IDKind: contract.IDInt}
	if isNull(resolve(n)) {
		p.errorf(posOf(n), "%s: give its `seed:` records or a `schema:`, so bb knows a record's fields", what)
		return nil
	}
	fields, ok := p.mapping(n, what, resourceKeys)
	if !ok {
		return nil
	}
	var seedN *yaml.Node
	for _, f := range fields {
		switch f.key {
		case "path":
			if path, ok := p.str(f.value, what+": path"); ok {
				before := len(p.errs)
				if params := p.path(path, posOf(f.value), what); len(params) > 0 {
					p.errorf(posOf(f.value), "%s: path %q holds a parameter; a resource's path is fixed and its records live at %s/{id}", what, path, strings.TrimSuffix(path, "/"))
				}
				if len(p.errs) > before {
					return nil
				}
				r.Path = path
			}
		case "summary":
			r.Summary, _ = p.str(f.value, what+": summary")
		case "id":
			p.resourceID(f.value, r, what)
		case "seed":
			seedN = f.value
			r.SeedPos = posOf(f.value)
		case "schema":
			v := p.value(f.value)
			r.Schema = &v
		}
	}
	r.Param = r.ID
	if !paramRE.MatchString(r.Param) {
		r.Param = "id"
	}
	if seedN != nil {
		before := len(p.errs)
		p.seed(seedN, r, what)
		if len(p.errs) > before {
			return nil
		}
	}
	if r.Schema == nil && len(r.Seed) == 0 {
		p.errorf(r.SeedPos.or(posOf(n)), "%s: give at least one `seed:` record or a `schema:`, so bb knows a record's fields", what)
		return nil
	}
	return r
}

func (pos Pos) or(other Pos) Pos {
	if pos.Line == 0 {
		return other
	}
	return pos
}

func (p *parser) resourceID(n *yaml.Node, r *Resource, what string) {
	n = resolve(n)
	kind := func(v *yaml.Node) {
		k, ok := p.str(v, what+": id.type")
		if !ok {
			return
		}
		if !slices.Contains(idKinds, k) {
			msg := fmt.Sprintf("%s: id type %q is not one of %s", what, k, strings.Join(idKinds, ", "))
			if s := Suggest(k, idKinds); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			p.errorf(posOf(v), "%s", msg)
			return
		}
		r.IDKind = contract.IDKind(k)
	}
	if n.Kind == yaml.ScalarNode {
		kind(n) // id: uuid
		return
	}
	fields, _ := p.mapping(n, what+": id", idKeys)
	for _, f := range fields {
		switch f.key {
		case "field":
			if k, ok := p.str(f.value, what+": id.field"); ok {
				if k == "" {
					p.errorf(posOf(f.value), "%s: id.field must name the field that holds a record's id", what)
					continue
				}
				r.ID = k
			}
		case "type":
			kind(f.value)
		}
	}
}

// seed reads the seed records. Each must be an object; int ids the seeds leave out are
// given in order after the largest one, uuid and string ids must be written.
func (p *parser) seed(n *yaml.Node, r *Resource, what string) {
	v := p.value(n)
	if v.Kind == Null {
		return
	}
	if v.Kind != Array {
		p.errorf(posOf(n), "%s: seed must be a list of records, not %s", what, v.Kind)
		return
	}
	seen := map[string]Pos{}
	var next int64 = 1
	for i := range v.Items {
		item := &v.Items[i]
		if item.Kind != Object {
			p.errorf(item.Pos, "%s: seed[%d] must be a record (an object), not %s", what, i, item.Kind)
			continue
		}
		if id := item.Get(r.ID); id != nil && id.Kind == Number && r.IDKind == contract.IDInt {
			if n, err := strconv.ParseInt(id.Num, 10, 64); err == nil && n >= next {
				next = n + 1
			}
		}
	}
	for i := range v.Items {
		item := v.Items[i]
		if item.Kind != Object {
			continue
		}
		at := fmt.Sprintf("%s: seed[%d]", what, i)
		id := item.Get(r.ID)
		if id == nil {
			if r.IDKind != contract.IDInt {
				p.errorf(item.Pos, "%s has no %q; a %s id is written in every seed record", at, r.ID, r.IDKind)
				continue
			}
			id = &Value{Kind: Number, Num: strconv.FormatInt(next, 10), Pos: item.Pos}
			next++
			item.Fields = append([]Field{{Key: r.ID, Value: *id, KeyPos: item.Pos}}, item.Fields...)
		}
		var key string
		switch r.IDKind {
		case contract.IDInt:
			if _, err := strconv.ParseInt(id.Num, 10, 64); id.Kind != Number || err != nil {
				p.errorf(id.Pos, "%s: %s must be a whole number (id type int), not %s", at, r.ID, id.String())
				continue
			}
			key = id.Num
		case contract.IDUUID:
			if id.Kind != String || !isUUID(id.Str) {
				p.errorf(id.Pos, "%s: %s must be a UUID such as \"3f0c2a9e-8b1d-4c52-9a6e-2d7b1f0e4c11\" (id type uuid), not %s", at, r.ID, id.String())
				continue
			}
			key = strings.ToLower(id.Str)
		default:
			if id.Kind != String || id.Str == "" {
				p.errorf(id.Pos, "%s: %s must be a non-empty string (id type string), not %s", at, r.ID, id.String())
				continue
			}
			key = id.Str
		}
		if first, ok := seen[key]; ok {
			p.errorf(id.Pos, "%s: %s %s is already the id of the seed record at line %d", at, r.ID, id.String(), first.Line)
			continue
		}
		seen[key] = id.Pos
		if nul := contract.NULAt(item.Any(), fmt.Sprintf("seed[%d]", i)); nul != "" {
			p.errorf(item.Pos, "%s: %s holds a NUL character (\\u0000), which a PostgreSQL table cannot store; leave it out", what, nul)
			continue
		}
		r.Seed = append(r.Seed, item)
	}
}

func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i, c := range s {
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
				return false
			}
		}
	}
	return true
}

// expandResources adds each resource's routes to the spec's endpoints, so that routing,
// clash checks, types, clients and docs treat them as the endpoints they are. Their
// responses are examples built from the seeds, in the spec's error shape.
func (p *parser) expandResources(s *Spec) {
	if len(s.Resources) == 0 {
		return
	}
	errs := s.ErrorFormat()
	type owner struct {
		pos      Pos
		resource string // the resource whose route it is, or "" for an endpoint
	}
	taken := map[string]owner{}
	for _, e := range s.Endpoints {
		taken[strings.ToUpper(e.Name[:1])+e.Name[1:]] = owner{pos: e.Pos}
	}
	for _, r := range s.Resources {
		for _, op := range contract.ResourceOps {
			name := r.OperationName(op)
			up := strings.ToUpper(name[:1]) + name[1:]
			if at, ok := taken[up]; ok {
				if at.resource != "" {
					// Names alike but for case or _ (users, Users, user_list, userList)
					// make one set of operations, types and tables.
					p.errorf(r.Pos, "resource %s: its %s route is the operation %s, which resource %s at line %d also makes; rename one of the two", r.Name, op, name, at.resource, at.pos.Line)
					break
				}
				p.errorf(r.Pos, "resource %s: its %s route is the operation %s, which the endpoint at line %d also names; rename that endpoint", r.Name, op, name, at.pos.Line)
				continue
			}
			taken[up] = owner{pos: r.Pos, resource: r.Name}
			e := r.endpoint(op, name, errs)
			r.Endpoints = append(r.Endpoints, e)
			s.Endpoints = append(s.Endpoints, e)
		}
	}
}

// endpoint builds the route op of r as an endpoint, with example answers from the seeds.
func (r *Resource) endpoint(op contract.ResourceOp, name string, errs contract.ErrorFormat) *Endpoint {
	e := &Endpoint{Name: name, Method: op.Method(), Path: strings.TrimSuffix(r.Path, "/"), Pos: r.Pos, Resource: r, Op: op}
	if e.Path == "" {
		e.Path = "/"
	}
	e.Summary = r.summary(op)
	if op.Item() {
		e.Path = r.ItemPath()
		e.Params = []string{r.Param}
	}
	var first *Value
	if len(r.Seed) > 0 {
		first = &r.Seed[0]
	}
	ok := func(status int, body *Value) *Response {
		return &Response{Status: status, Body: body, Pos: r.Pos}
	}
	// The refusals are the kernel's own answers, in the spec's error shape, declared so
	// that clients and documents know them: 400 names the query parameter, the path's
	// id or the body at fault; 404 and 409 name the id.
	res := &contract.Resource{Name: r.Name, Item: r.Item(), ID: r.ID, Param: r.Param, IDKind: r.IDKind, Record: &contract.Schema{Kind: contract.KindObject}}
	refusal := func(e *contract.HTTPError) *Response {
		// Declared without the problems a 400 also carries, so every error body of the
		// spec keeps one shape, and one type in Swift and the ejected code (ErrorResponse).
		e.Problems = nil
		ctype, body := errorBody(errs, e)
		resp := &Response{Status: e.Status, Body: body, Pos: r.Pos}
		if ctype != "application/json" {
			resp.Headers = []Header{{Name: "Content-Type", Value: ctype, Pos: r.Pos}}
		}
		return resp
	}
	seedID := func(fallback string) string {
		if first == nil {
			return fallback
		}
		return first.Get(r.ID).Text()
	}
	missing := func() *Response { return refusal(res.Refusal(contract.ErrNoRecord, r.missingID())) }
	invalid := func() *Response {
		ps := contract.Problems{{Path: "body", Msg: "expected a JSON object, got an empty body"}}
		switch op {
		case contract.OpList:
			_, ps = res.ParseListQuery(url.Values{contract.QueryLimit: {"ten"}})
		case contract.OpGet, contract.OpDelete:
			_, err := res.ParseID("x")
			if err == nil {
				return nil // any text is an id
			}
			ps = contract.Problems{{Path: "path." + r.Param, Msg: err.Error()}}
		}
		return refusal(contract.BadRequest(ps))
	}
	when := func() []Condition {
		if first == nil {
			return nil
		}
		id := *first.Get(r.ID)
		c := Condition{Value: id, Pos: r.Pos}
		c.Source, c.Key, c.Name, c.Want = SourcePath, "path."+r.Param, r.Param, id.Any()
		return []Condition{c}
	}
	input := func() *Value {
		if first == nil {
			return nil
		}
		in := *first
		if r.IDKind != contract.IDString {
			in.Fields = slices.DeleteFunc(slices.Clone(in.Fields), func(f Field) bool { return f.Key == r.ID })
		}
		return &in
	}
	switch op {
	case contract.OpList:
		list := &Value{Kind: Array, Items: r.Seed, Pos: r.SeedPos}
		resp := ok(200, list)
		resp.Headers = []Header{{Name: contract.TotalHeader, Value: strconv.Itoa(len(r.Seed)), Pos: r.Pos}}
		e.Responses = []*Response{resp, invalid()}
	case contract.OpGet, contract.OpReplace, contract.OpUpdate:
		hit := ok(200, first)
		hit.When = when()
		e.Responses = []*Response{hit, invalid(), missing()}
		if op != contract.OpGet {
			e.Request.Body = input()
		}
	case contract.OpCreate:
		resp := ok(201, first)
		if first != nil {
			resp.Headers = []Header{{Name: "Location", Value: strings.TrimSuffix(r.Path, "/") + "/" + first.Get(r.ID).Text(), Pos: r.Pos}}
		}
		e.Responses = []*Response{resp, invalid()}
		if r.IDKind == contract.IDString {
			// The client names the id: one that is taken is a 409.
			e.Responses = append(e.Responses, refusal(res.Refusal(contract.ErrDuplicateID, seedID("a"))))
		}
		e.Request.Body = input()
	case contract.OpDelete:
		hit := ok(204, nil)
		hit.When = when()
		e.Responses = []*Response{hit, invalid(), missing()}
	}
	e.Responses = slices.DeleteFunc(e.Responses, func(r *Response) bool { return r == nil })
	return e
}

// missingID is an id no seed record has, for the example of a 404.
func (r *Resource) missingID() string {
	taken := map[string]bool{}
	last := int64(0)
	for i := range r.Seed {
		id := r.Seed[i].Get(r.ID).Text()
		taken[id] = true
		if n, err := strconv.ParseInt(id, 10, 64); err == nil {
			last = max(last, n)
		}
	}
	switch r.IDKind {
	case contract.IDInt:
		return strconv.FormatInt(last+1, 10)
	case contract.IDUUID:
		return "00000000-0000-4000-8000-000000000000"
	}
	id := "no-such-" + r.Item()
	for taken[id] {
		id += "-"
	}
	return id
}

func (r *Resource) summary(op contract.ResourceOp) string {
	item := r.Item()
	switch op {
	case contract.OpList:
		return fmt.Sprintf("Lists the %s, filtered by any field, sorted and paged.", r.Name)
	case contract.OpGet:
		return fmt.Sprintf("Gets one %s by its %s.", item, r.ID)
	case contract.OpCreate:
		return fmt.Sprintf("Creates a %s.", item)
	case contract.OpReplace:
		return fmt.Sprintf("Replaces a %s.", item)
	case contract.OpUpdate:
		return fmt.Sprintf("Updates some fields of a %s (a JSON Merge Patch).", item)
	}
	return fmt.Sprintf("Deletes a %s.", item)
}

// errorBody is the Content-Type and the body the kernel answers e with in the spec's
// error shape.
func errorBody(f contract.ErrorFormat, e *contract.HTTPError) (string, *Value) {
	ctype, body := f.Body(e)
	v, err := FromJSON(body)
	if err != nil {
		panic("the kernel's error body is not JSON: " + err.Error()) // Body writes only JSON
	}
	return ctype, &v
}

// ResourceTypes are the types of one resource's records.
type ResourceTypes struct {
	Resource *Resource
	Record   *Type // a stored record, as answers carry it: Message
	Input    *Type // a body that creates or replaces one, without an id the server assigns: NewMessage
	Patch    *Type // a body that updates some fields, a JSON Merge Patch: MessagePatch
	Query    []Param
}

// Resource returns the types of r.
func (ts *TypeSet) Resource(r *Resource) *ResourceTypes {
	for _, rt := range ts.Resources {
		if rt.Resource == r {
			return rt
		}
	}
	return nil
}

func (in *inferrer) resource(r *Resource) *ResourceTypes {
	rt := &ResourceTypes{Resource: r}
	var t *Type
	at := r.Pos
	if r.Schema != nil {
		t, at = in.schema(r.Schema), r.Schema.Pos
	} else {
		for i := range r.Seed {
			t = merge(t, InferValue(&r.Seed[i]))
		}
		t = settle(t)
		at = r.SeedPos
	}
	if t == nil {
		in.errorf(at, "resource %s: give at least one `seed:` record or a `schema:`, so bb knows a record's fields", r.Name)
		return nil
	}
	if t.Kind != TypeObject {
		in.errorf(at, "resource %s: a record must be an object with named fields (the seeds or the schema give %s)", r.Name, kindPhraseOf(t.Kind))
		return nil
	}
	t.Nullable = false
	id := t.Object.field(r.ID)
	want, phrase := TypeString, "a string"
	if r.IDKind == contract.IDInt {
		want, phrase = TypeInt, "an integer"
	}
	switch {
	case id == nil:
		in.errorf(at, "resource %s: a record has no field %q to hold its id; add it, or name the id field with `id: {field: …}`", r.Name, r.ID)
		return nil
	case id.Optional || id.Type.Nullable:
		in.errorf(at, "resource %s: every record must have its %s, never null", r.Name, r.ID)
		return nil
	case id.Type.Kind != want:
		in.errorf(at, "resource %s: the id field %s is %s, but id type %s is %s", r.Name, r.ID, kindPhraseOf(id.Type.Kind), r.IDKind, phrase)
		return nil
	}
	if r.Schema != nil {
		// The schema types the records; the seeds must fit it, as every later write will.
		sch := t.Schema()
		for i := range r.Seed {
			if ps := sch.CheckStrict(r.Seed[i].Any(), fmt.Sprintf("seed[%d]", i)).Errors(); len(ps) > 0 {
				in.errorf(r.Seed[i].Pos, "resource %s: %s; make the seed record fit the schema", r.Name, ps[0])
				return nil
			}
		}
	}
	rt.Record = t
	input := finish(t)
	if r.IDKind != contract.IDString {
		input.Object.Fields = slices.DeleteFunc(input.Object.Fields, func(f *TypeField) bool { return f.Key == r.ID })
	}
	rt.Input = input
	rt.Patch = finish(input)
	mergePatch(rt.Patch)
	for _, f := range t.Object.Fields {
		if isScalar(f.Type.Kind) {
			ft := *f.Type
			ft.Nullable = false
			rt.Query = append(rt.Query, Param{Name: f.Key, Type: &ft})
		}
	}
	rt.Query = append(rt.Query,
		Param{Name: contract.QuerySort, Type: &Type{Kind: TypeString}},
		Param{Name: contract.QueryOrder, Type: &Type{Kind: TypeString, Enum: []string{"asc", "desc"}}},
		Param{Name: contract.QueryLimit, Type: &Type{Kind: TypeInt}},
		Param{Name: contract.QueryPage, Type: &Type{Kind: TypeInt}},
		Param{Name: contract.QueryStart, Type: &Type{Kind: TypeInt}})
	return rt
}

// resourceEndpoint types a resource's route from its record types.
func (in *inferrer) resourceEndpoint(e *Endpoint, rt *ResourceTypes) *EndpointTypes {
	et := &EndpointTypes{Endpoint: e}
	r := e.Resource
	if e.Op.Item() {
		kind := TypeString
		if r.IDKind == contract.IDInt {
			kind = TypeInt
		}
		et.Path = []Param{{Name: r.Param, Type: &Type{Kind: kind}}}
	}
	switch e.Op {
	case contract.OpList:
		et.Query = rt.Query
		et.Response = &Type{Kind: TypeArray, Elem: rt.Record}
	case contract.OpGet:
		et.Response = rt.Record
	case contract.OpCreate, contract.OpReplace:
		et.Request, et.Response = rt.Input, rt.Record
	case contract.OpUpdate:
		et.Request, et.Response = rt.Patch, rt.Record
	}
	et.Error = in.responses(e, false)
	return et
}

// nameResources names each resource's record types before any endpoint's, in the
// order of the resources' names: Message, NewMessage and MessagePatch.
func (n *namer) nameResources(rts []*ResourceTypes) {
	order := slices.Clone(rts)
	slices.SortFunc(order, func(a, b *ResourceTypes) int { return strings.Compare(a.Resource.Name, b.Resource.Name) })
	for _, rt := range order {
		item := UpperCamel(Words(rt.Resource.Item()))
		origin := "resource " + rt.Resource.Name
		rt.Record = n.root(rt.Record, item, item, "", origin+" record")
		rt.Input = n.root(rt.Input, "New"+item, "New"+item, "", origin+" input")
		rt.Patch = n.root(rt.Patch, item+"Patch", item+"Patch", "", origin+" patch")
	}
}

// resourceAnswers types the 2xx answers of a resource's route by its record: their
// examples are seeds, one seed may leave out a field the record has, and a resource
// typed by its schema alone has no seed to show, yet answers with JSON records.
func resourceAnswers(et *EndpointTypes) {
	for _, a := range et.Answers {
		if a.Status >= 200 && a.Status < 300 && et.Response != nil {
			a.Media, a.ContentType, a.Body = MediaJSON, "application/json", et.Response
		}
	}
}
