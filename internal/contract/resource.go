package contract

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// IDKind says how the records of a resource are identified.
type IDKind string

// The kinds of record ids.
const (
	IDInt    IDKind = "int"    // a whole number the store assigns: 1, 2, 3 …
	IDUUID   IDKind = "uuid"   // a random UUID the server assigns
	IDString IDKind = "string" // a string the client chooses and sends
)

// ResourceOp names one of the REST routes of a resource.
type ResourceOp string

// The routes of a resource, in the order they are listed.
const (
	OpList    ResourceOp = "list"    // GET    /messages
	OpGet     ResourceOp = "get"     // GET    /messages/{id}
	OpCreate  ResourceOp = "create"  // POST   /messages
	OpReplace ResourceOp = "replace" // PUT    /messages/{id}
	OpUpdate  ResourceOp = "update"  // PATCH  /messages/{id}, a JSON Merge Patch (RFC 7396)
	OpDelete  ResourceOp = "delete"  // DELETE /messages/{id}
)

// ResourceOps are the routes of every resource, in order.
var ResourceOps = []ResourceOp{OpList, OpGet, OpCreate, OpReplace, OpUpdate, OpDelete}

// Method is the HTTP method of the route.
func (op ResourceOp) Method() string {
	switch op {
	case OpCreate:
		return http.MethodPost
	case OpReplace:
		return http.MethodPut
	case OpUpdate:
		return http.MethodPatch
	case OpDelete:
		return http.MethodDelete
	}
	return http.MethodGet
}

// Item reports whether the route addresses one record: its path ends in the id.
func (op ResourceOp) Item() bool { return op != OpList && op != OpCreate }

// The query parameters a list takes besides its filters, as json-server names them.
const (
	QuerySort   = "_sort"  // a field to sort by; "-field" sorts in descending order
	QueryOrder  = "_order" // asc or desc
	QueryLimit  = "_limit" // at most this many records
	QueryPage   = "_page"  // the page, from 1, of _limit records (10 without _limit)
	QueryStart  = "_start" // skip this many records
	TotalHeader = "X-Total-Count"
)

// DefaultPageSize is how many records a page holds when the list names a _page and no
// _limit.
const DefaultPageSize = 10

// Resource is a collection of records served over REST: list, get, create, replace,
// update and delete. Its records are objects of the shape Record; ID names the field
// that identifies each.
type Resource struct {
	Name   string // the collection, as bb.yaml names it: "messages"
	Item   string // one record, for messages: "message"
	Path   string // the list's path; a record lives at Path + "/{" + Param + "}"
	Param  string // the path parameter holding the id
	ID     string // the key of the id field
	IDKind IDKind
	Record *Schema // a stored record, as answers carry it: an object with the id field
}

// ItemPath is the path of one record, as a ServeMux pattern path.
func (res *Resource) ItemPath() string { return res.Path + "/{" + res.Param + "}" }

// Assigned reports whether the server assigns ids (int and uuid) rather than the client.
func (res *Resource) Assigned() bool { return res.IDKind != IDString }

// Input is the shape of a body that creates or replaces a record: the record without
// its id field when the server assigns ids, the record itself when the client does.
func (res *Resource) Input() *Schema {
	if !res.Assigned() {
		return res.Record
	}
	in := *res.Record
	in.Fields = slices.DeleteFunc(slices.Clone(in.Fields), func(f Field) bool { return f.Key == res.ID })
	return &in
}

// Fields are the record's fields a list filters and sorts by: those holding a scalar.
func (res *Resource) Fields() []Field {
	var out []Field
	for _, f := range res.Record.Fields {
		if scalarKind(f.Schema.Kind) {
			out = append(out, f)
		}
	}
	return out
}

func scalarKind(k Kind) bool {
	switch k {
	case KindBool, KindInt, KindNumber, KindString, KindDateTime:
		return true
	}
	return false
}

// Filter keeps the records whose Field equals Value: an int64, float64, bool or string
// (a date-time's text), as ParseText reads the query.
type Filter struct {
	Field string
	Value any
}

// ListQuery is a list request read: filters, order and paging.
type ListQuery struct {
	Filters []Filter // at most one per field, in the record's field order
	Sort    string   // the field to sort by; "" keeps the id order
	Desc    bool     // sort in descending order
	Limit   int      // at most this many records; 0 for all
	Offset  int      // skip this many records first
}

// Filter returns the value the query filters field by, and whether it does.
func (q *ListQuery) Filter(field string) (any, bool) {
	for _, f := range q.Filters {
		if f.Field == field {
			return f.Value, true
		}
	}
	return nil, false
}

// ParseListQuery reads a list request's query string. Every filter names a field of the
// record once, with a value of its kind; every other name is a problem, with the
// nearest known name suggested. Records are always ordered: by the sort field, then by
// id, so that paging is stable.
func (res *Resource) ParseListQuery(query url.Values) (*ListQuery, Problems) {
	q := &ListQuery{}
	var ps Problems
	bad := func(name, format string, args ...any) {
		ps = append(ps, Problem{Path: "query." + name, Msg: fmt.Sprintf(format, args...)})
	}
	fields := res.Fields()
	known := make([]string, 0, len(fields)+5)
	for _, f := range fields {
		known = append(known, f.Key)
	}
	known = append(known, QuerySort, QueryOrder, QueryLimit, QueryPage, QueryStart)
	one := func(name string) (string, bool) {
		vs := query[name]
		if len(vs) == 0 {
			return "", false
		}
		if len(vs) > 1 {
			bad(name, "given %d times; give it once", len(vs))
		}
		return vs[0], true
	}
	count := func(name string, min int) int {
		text, ok := one(name)
		if !ok {
			return 0
		}
		n, err := strconv.Atoi(text)
		if err != nil || n < min || n > 1<<31-1 {
			bad(name, "expected a whole number from %d, got %s", min, clip(strconv.Quote(text)))
			return 0
		}
		return n
	}
	names := make([]string, 0, len(query))
	for name := range query {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if slices.Contains(known, name) {
			continue
		}
		msg := "not a field of " + res.Item + " to filter by, nor a list option"
		if near := nearest(name, known); near != "" {
			msg += fmt.Sprintf("; did you mean %q?", near)
		} else {
			msg += " (" + strings.Join(known, ", ") + ")"
		}
		bad(name, "%s", msg)
	}
	for _, f := range fields {
		text, ok := one(f.Key)
		if !ok {
			continue
		}
		v, err := ParseText(f.Schema.Kind, text)
		if err != nil {
			bad(f.Key, "%s", err.Error())
			continue
		}
		if f.Schema.Kind == KindString && len(f.Schema.Enum) > 0 && !slices.Contains(f.Schema.Enum, text) {
			bad(f.Key, "expected one of %s, got %s", strings.Join(f.Schema.Enum, ", "), clip(strconv.Quote(text)))
			continue
		}
		if f.Schema.Kind == KindDateTime {
			v = TimeText(text)
		}
		q.Filters = append(q.Filters, Filter{Field: f.Key, Value: v})
	}
	if sort, ok := one(QuerySort); ok {
		q.Desc = strings.HasPrefix(sort, "-")
		sort = strings.TrimPrefix(sort, "-")
		if !slices.ContainsFunc(fields, func(f Field) bool { return f.Key == sort }) {
			msg := fmt.Sprintf("%s is not a field of %s to sort by", clip(strconv.Quote(sort)), res.Item)
			if near := nearest(sort, known[:len(fields)]); near != "" {
				msg += fmt.Sprintf("; did you mean %q?", near)
			}
			bad(QuerySort, "%s", msg)
		} else {
			q.Sort = sort
		}
	}
	if order, ok := one(QueryOrder); ok {
		switch strings.ToLower(order) {
		case "asc":
			q.Desc = false
		case "desc":
			q.Desc = true
		default:
			bad(QueryOrder, "expected asc or desc, got %s", clip(strconv.Quote(order)))
		}
	}
	q.Limit = count(QueryLimit, 1)
	_, limited := query[QueryLimit]
	if page := count(QueryPage, 1); page > 0 {
		if _, ok := query[QueryStart]; ok {
			bad(QueryStart, "give _page or _start, not both")
		}
		if !limited {
			q.Limit = DefaultPageSize
		}
		q.Offset = (page - 1) * q.Limit
	} else {
		q.Offset = count(QueryStart, 0)
	}
	return q, ps
}

// nearest is the known name within two edits of name (one for short names), or "".
func nearest(name string, known []string) string {
	best, dist := "", 3
	for _, k := range known {
		if d := editDistance(strings.ToLower(name), strings.ToLower(k)); d < dist {
			best, dist = k, d
		}
	}
	if len(name) <= 3 && dist > 1 || dist >= len(name) {
		return ""
	}
	return best
}

// editDistance is the Levenshtein distance of a and b, in bytes: names here are ASCII.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// ErrNoRecord is what a store returns (or wraps) when no record has the id asked for: the
// answer is a 404.
var ErrNoRecord = errors.New("no such record")

// ErrDuplicateID is what a store returns (or wraps) when a record with the id to create
// exists already: the answer is a 409.
var ErrDuplicateID = errors.New("a record with this id exists")

// Records is where the records of one resource live: the ejected server's tables
// through its generated code, or bb serve's state file. Every record goes in and comes
// out as JSON: an object of the resource's Record shape, its keys in the shape's order.
// The id is an int64 for IDInt and a string otherwise.
type Records interface {
	// List returns one page of the records the query keeps, as a JSON array, and how
	// many records it keeps in all.
	List(ctx context.Context, q *ListQuery) (page []byte, total int64, err error)
	Get(ctx context.Context, id any) ([]byte, error)
	// Create stores a new record. in is the checked body in canonical JSON (see
	// Schema.Canonical), without the id when the store assigns it; id is nil then.
	Create(ctx context.Context, id any, in []byte) ([]byte, error)
	// Replace replaces every field of a record but its id with those of in.
	Replace(ctx context.Context, id any, in []byte) ([]byte, error)
	Delete(ctx context.Context, id any) error
}

// ResourceServer answers the requests to a resource's routes.
type ResourceServer struct {
	Resource *Resource
	Records  Records
	// WriteError sends the server's error answers, in the spec's shape.
	WriteError func(w http.ResponseWriter, r *http.Request, e *HTTPError)
	// Rand draws the ids of IDUUID resources; nil draws them at random.
	Rand *Rand
	// BodyLimit is the largest body a write may send.
	BodyLimit int64
}

// Handler is the http.Handler of the route op.
func (s *ResourceServer) Handler(op ResourceOp) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { s.Serve(w, r, op) })
}

// Serve answers one request to the route op.
func (s *ResourceServer) Serve(w http.ResponseWriter, r *http.Request, op ResourceOp) {
	out, e := s.serve(w, r, op)
	if e != nil {
		s.WriteError(w, r, e)
		return
	}
	h := w.Header()
	switch op {
	case OpDelete:
		w.WriteHeader(http.StatusNoContent)
		return
	case OpCreate:
		if id, ok := s.idOf(out); ok {
			h.Set("Location", s.Resource.Path+"/"+idSegment(id))
		}
	}
	h.Set("Content-Type", "application/json")
	h.Set("Content-Length", strconv.Itoa(len(out)+1))
	if op == OpCreate {
		w.WriteHeader(http.StatusCreated)
	}
	w.Write(append(out, '\n'))
}

// idOf reads the id of a record the store answered with, as a path segment.
func (s *ResourceServer) idOf(record []byte) (string, bool) {
	doc, err := Decode(record, "record")
	obj, ok := doc.(map[string]any)
	if err != nil || !ok {
		return "", false
	}
	switch v := obj[s.Resource.ID].(type) {
	case string:
		return v, true
	case fmt.Stringer: // json.Number
		return v.String(), true
	}
	return "", false
}

func (s *ResourceServer) serve(w http.ResponseWriter, r *http.Request, op ResourceOp) ([]byte, *HTTPError) {
	res := s.Resource
	ctx := r.Context()
	if op == OpList {
		q, ps := res.ParseListQuery(r.URL.Query())
		if len(ps) > 0 {
			return nil, BadRequest(ps)
		}
		page, total, err := s.Records.List(ctx, q)
		if err != nil {
			return nil, s.failed(err, nil)
		}
		w.Header().Set(TotalHeader, strconv.FormatInt(total, 10))
		return page, nil
	}
	var id any
	if op.Item() {
		text := r.PathValue(res.Param)
		var err error
		if id, err = res.ParseID(text); err != nil {
			return nil, BadRequest(Problems{{Path: "path." + res.Param, Msg: err.Error()}})
		}
	}
	switch op {
	case OpGet:
		out, err := s.Records.Get(ctx, id)
		return out, s.failed(err, id)
	case OpDelete:
		return nil, s.failed(s.Records.Delete(ctx, id), id)
	}
	body, e := ReadBody(w, r, s.limit())
	if e != nil {
		return nil, e
	}
	doc, ps := readObject(body)
	if len(ps) > 0 {
		return nil, BadRequest(ps)
	}
	if op == OpUpdate {
		current, err := s.Records.Get(ctx, id)
		if err != nil {
			return nil, s.failed(err, id)
		}
		record, err := Decode(current, "record")
		if err != nil {
			return nil, &HTTPError{Status: http.StatusInternalServerError, Msg: "the stored " + res.Item + " is not JSON: " + err.Error()}
		}
		doc = MergePatch(record, doc).(map[string]any)
	}
	if e := s.checkID(doc, op, id); e != nil {
		return nil, e
	}
	in := res.Input()
	if ps := in.CheckStrict(doc, "body").Errors(); len(ps) > 0 {
		return nil, BadRequest(ps)
	}
	if at := NULAt(doc, "body"); at != "" {
		return nil, BadRequest(Problems{{Path: at, Msg: "holds a NUL character (\\u0000), which a PostgreSQL table cannot store"}})
	}
	canon := in.Canonical(doc)
	var out []byte
	var err error
	switch op {
	case OpCreate:
		if res.IDKind == IDString {
			id = doc[res.ID]
		} else if res.IDKind == IDUUID {
			id = s.rand().UUID()
		}
		out, err = s.Records.Create(ctx, id, canon)
	default:
		out, err = s.Records.Replace(ctx, id, canon)
	}
	return out, s.failed(err, id)
}

func (s *ResourceServer) limit() int64 {
	if s.BodyLimit > 0 {
		return s.BodyLimit
	}
	return 1 << 20
}

// idRand draws the ids of servers given no Rand. Rand is safe for concurrent use.
var idRand = NewRand(0)

func (s *ResourceServer) rand() *Rand {
	if s.Rand == nil {
		return idRand
	}
	return s.Rand
}

// checkID takes the id field out of a write's body, where the path or the server gives
// it: a body may repeat the record's own id, never name another.
func (s *ResourceServer) checkID(doc map[string]any, op ResourceOp, id any) *HTTPError {
	res := s.Resource
	v, has := doc[res.ID]
	if !has {
		return nil
	}
	if op == OpCreate {
		if res.Assigned() {
			return BadRequest(Problems{{Path: KeyPath("body", res.ID), Msg: "the server assigns the " + res.Item + "'s " + res.ID + "; leave it out"}})
		}
		if v == "" {
			// Its path would be the list's: no request could reach the record.
			return BadRequest(Problems{{Path: KeyPath("body", res.ID), Msg: "must be a non-empty string: it names the " + res.Item + " in its path"}})
		}
		return nil
	}
	if !Equal(v, idJSON(id)) {
		return BadRequest(Problems{{Path: KeyPath("body", res.ID), Msg: fmt.Sprintf("is %s, but the path names %s %v; an id never changes", Describe(v), res.Item, id)}})
	}
	if res.Assigned() {
		delete(doc, res.ID)
	}
	return nil
}

// idSegment is a record's id as the last segment of its path. An id of dots alone
// has them escaped, since URL libraries and servers remove a . or .. segment
// (RFC 3986's dot segments) before the request reaches a route.
func idSegment(id string) string {
	seg := url.PathEscape(id)
	if seg == "." || seg == ".." {
		return strings.ReplaceAll(seg, ".", "%2E")
	}
	return seg
}

// idJSON is an id as Decode reads it from JSON, to compare with a body's.
func idJSON(id any) any {
	if n, ok := id.(int64); ok {
		return json.Number(strconv.FormatInt(n, 10))
	}
	return id
}

// ParseID reads a record's id from the text of its path segment.
func (res *Resource) ParseID(text string) (any, error) {
	if res.IDKind == IDInt {
		v, err := ParseText(KindInt, text)
		if err != nil {
			return nil, err
		}
		return v, nil
	}
	return text, nil
}

func readObject(body []byte) (map[string]any, Problems) {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, Problems{{Path: "body", Msg: "expected a JSON object, got an empty body"}}
	}
	doc, err := Decode(body, "body")
	if err != nil {
		var se *SyntaxError
		if errors.As(err, &se) && se.Path != "" {
			return nil, Problems{{Path: se.Path, Msg: se.Msg}}
		}
		return nil, Problems{{Path: "body", Msg: "not valid JSON: " + err.Error()}}
	}
	obj, ok := doc.(map[string]any)
	if !ok {
		return nil, Problems{{Path: "body", Msg: "expected an object, got " + Describe(doc)}}
	}
	return obj, nil
}

// failed turns a store's error into the answer: see Refusal. nil stays nil.
func (s *ResourceServer) failed(err error, id any) *HTTPError {
	if err == nil {
		return nil
	}
	return s.Resource.Refusal(err, id)
}

// Refusal is the answer to a store's error about the record id: 404 for ErrNoRecord,
// 409 for ErrDuplicateID, an *HTTPError as it says (a handler of an ejected server may
// refuse with any status), 500 for anything else.
func (res *Resource) Refusal(err error, id any) *HTTPError {
	var he *HTTPError
	switch {
	case errors.As(err, &he):
		return he
	case errors.Is(err, ErrNoRecord):
		return &HTTPError{Status: http.StatusNotFound, Msg: fmt.Sprintf("no %s with %s %v", res.Item, res.ID, id)}
	case errors.Is(err, ErrDuplicateID):
		return &HTTPError{Status: http.StatusConflict, Msg: fmt.Sprintf("a %s with %s %v exists already", res.Item, res.ID, id)}
	}
	return &HTTPError{Status: http.StatusInternalServerError, Msg: "the " + res.Name + " store failed: " + err.Error()}
}

// MergePatch applies patch to doc as RFC 7396 says: an object patch sets each of its
// keys, removes those it sets to null and leaves the others; any other patch replaces
// doc. doc is not changed; the result may share parts of both.
func MergePatch(doc, patch any) any {
	p, ok := patch.(map[string]any)
	if !ok {
		return patch
	}
	d, ok := doc.(map[string]any)
	out := make(map[string]any, len(d)+len(p))
	if ok {
		for k, v := range d {
			out[k] = v
		}
	}
	for k, v := range p {
		if v == nil {
			delete(out, k)
			continue
		}
		out[k] = MergePatch(out[k], v)
	}
	return out
}

// TimeText is how a store keeps a date-time, and how a list compares and sorts it: as
// Go's time.Time writes it in JSON (RFC 3339 with the offset as given and no trailing
// zeros in the fraction), so that a record reads back alike from any store.
func TimeText(s string) string {
	t, ok := DateTime(s)
	if !ok {
		return s
	}
	return t.Format(time.RFC3339Nano)
}

// NULAt is the path of the first string or key in doc that holds a NUL character,
// under at, or "" when none does. PostgreSQL's text and jsonb refuse NUL, so a record
// holding one could live in bb serve's SQLite but not in an ejected server's tables.
func NULAt(doc any, at string) string {
	switch v := doc.(type) {
	case string:
		if strings.ContainsRune(v, 0) {
			return at
		}
	case []any:
		for i, item := range v {
			if p := NULAt(item, fmt.Sprintf("%s[%d]", at, i)); p != "" {
				return p
			}
		}
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if strings.ContainsRune(k, 0) {
				return at
			}
			if p := NULAt(v[k], KeyPath(at, k)); p != "" {
				return p
			}
		}
	}
	return ""
}
