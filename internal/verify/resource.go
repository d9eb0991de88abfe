package verify

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/backwards-backend/bb/internal/contract"
	"github.com/backwards-backend/bb/internal/spec"
)

// A resource's seeds are not what its routes answer once records come and go, so verify
// does not replay them. It runs a round trip instead, which any backend that stores the
// records must pass: create a record marked as bb verify's, get it, find it in a list
// filtered by the marker, update it (PATCH), replace it (PUT), delete it, and get a 404
// for it. Whatever it created is deleted again, even when a step fails.

// trip is one round trip through a resource's routes.
type trip struct {
	r      *runner
	res    *spec.Resource
	rt     *spec.ResourceTypes
	errT   *spec.Type // the error type of the resource's routes; nil: not checked
	marker string     // the value that tells bb verify's record apart
	mark   string     // the field holding the marker; "" when no field can (filter by id)
	// id is the created record's id as its path segment, "" before the create; live
	// says it still has to be deleted.
	id         string
	idValue    any
	live       bool
	results    []Result
	n          int // steps run, for Result.Response
	lastStatus int // the status of the last answer
}

// roundTrip runs the round trip of res. ts holds its types; when they cannot be
// inferred, the one result says so.
func (r *runner) roundTrip(ctx context.Context, res *spec.Resource, ts *spec.TypeSet, typeErr error) []Result {
	if typeErr != nil || ts.Resource(res) == nil {
		msg := "the resource's types cannot be inferred"
		if typeErr != nil {
			msg += ": " + firstError(typeErr)
		}
		return []Result{{Name: tripName(res, "create"), Endpoint: res.Endpoints[0].Name, Response: 1,
			Method: http.MethodPost, Target: res.Path, Outcome: Fail, Failures: []string{msg}}}
	}
	t := &trip{r: r, res: res, rt: ts.Resource(res), marker: newMarker()}
	for _, et := range ts.Endpoints {
		if et.Endpoint.Resource == res && et.Endpoint.Op == contract.OpGet {
			t.errT = et.Error
		}
	}
	t.mark = markField(res, t.rt)
	t.run(ctx)
	t.cleanUp(ctx)
	return t.results
}

// list is the path of the resource's list, item that of the record created.
func (t *trip) list() string { return strings.TrimSuffix(t.res.Path, "/") }
func (t *trip) item() string { return t.list() + "/" + t.id }

func tripName(res *spec.Resource, step string) string { return res.Name + " round trip: " + step }

func newMarker() string {
	var b [4]byte
	rand.Read(b[:])
	return "bb-verify-" + hex.EncodeToString(b[:])
}

// markField is the field that holds the marker: the id when the client chooses it, else
// the first plain text field a create sends, else none.
func markField(res *spec.Resource, rt *spec.ResourceTypes) string {
	if res.IDKind == contract.IDString {
		return res.ID
	}
	for _, f := range rt.Input.Object.Fields {
		if f.Type.Kind == spec.TypeString && len(f.Type.Enum) == 0 {
			return f.Key
		}
	}
	return ""
}

func (t *trip) run(ctx context.Context) {
	res := t.res
	in := t.input()
	created, ok := t.step(ctx, "create", contract.OpCreate, http.MethodPost, t.list(), in, http.StatusCreated, func(ck *checker, resp *http.Response, doc any) {
		t.noteID(doc)
		want := clone(in)
		if t.idValue != nil {
			want[res.ID] = t.idValue
		}
		ck.shape(t.rt.Record, doc)
		ck.fields(t.rt, want, doc, nil)
		if t.id == "" {
			ck.fail("$.%s: expected the new %s's %s, got none; the other steps need it", res.ID, res.Item(), res.ID)
			return
		}
		if loc := resp.Header.Get("Location"); loc == "" {
			ck.fail("header Location: expected the new %s's path (%s), got none", res.Item(), t.item())
		} else if !strings.HasSuffix(strings.TrimSuffix(loc, "/"), "/"+t.id) {
			ck.fail("header Location: expected a path that ends in /%s, got %q", t.id, loc)
		}
	})
	if t.id == "" {
		for _, step := range []string{"get", "list", "update", "replace", "delete", "get after delete"} {
			t.skip(step, "the create gave no "+res.ID+", so there is no record to "+strings.TrimSuffix(step, " after delete"))
		}
		t.findByMarker(ctx) // a create that failed may have stored it all the same
		return
	}
	item := t.item()
	if !ok {
		created = nil // compare with what the create sent rather than a wrong answer
	}
	current := func() map[string]any {
		if m, ok := created.(map[string]any); ok {
			return clone(m)
		}
		m := clone(in)
		m[res.ID] = t.idValue
		return m
	}
	t.step(ctx, "get", contract.OpGet, http.MethodGet, item, nil, http.StatusOK, func(ck *checker, _ *http.Response, doc any) {
		ck.shape(t.rt.Record, doc)
		ck.fields(t.rt, current(), doc, nil)
	})

	q := url.Values{}
	if t.mark != "" {
		q.Set(t.mark, t.marker)
	} else {
		q.Set(res.ID, t.id)
	}
	t.step(ctx, "list", contract.OpList, http.MethodGet, t.list()+"?"+q.Encode(), nil, http.StatusOK, func(ck *checker, resp *http.Response, doc any) {
		ck.shape(&spec.Type{Kind: spec.TypeArray, Elem: t.rt.Record}, doc)
		if got := resp.Header.Values(contract.TotalHeader); len(got) != 1 || got[0] != "1" {
			ck.fail("header %s: expected \"1\" (one %s matches the filter), got %s", contract.TotalHeader, res.Item(), quoteList(got))
		}
		items, isList := doc.([]any)
		if !isList {
			return // the shape check said so
		}
		if len(items) != 1 || !t.isCreated(items[0]) {
			ck.fail("$: expected the created %s (%s %s) alone, got %s", res.Item(), res.ID, t.id, plural(len(items), "item"))
		}
	})

	if patch, ok := t.patch(current()); ok {
		want := contract.MergePatch(current(), patch).(map[string]any)
		t.step(ctx, "update", contract.OpUpdate, http.MethodPatch, item, patch, http.StatusOK, func(ck *checker, _ *http.Response, doc any) {
			ck.shape(t.rt.Record, doc)
			ck.fields(t.rt, want, doc, nil)
		})
	} else {
		t.skip("update", "no field of a "+res.Item()+" can be changed to a value bb verify can tell apart")
	}

	body := t.replacement(in)
	want := clone(body)
	want[res.ID] = t.idValue
	t.step(ctx, "replace", contract.OpReplace, http.MethodPut, item, body, http.StatusOK, func(ck *checker, _ *http.Response, doc any) {
		ck.shape(t.rt.Record, doc)
		ck.fields(t.rt, want, doc, body)
	})

	if _, ok := t.step(ctx, "delete", contract.OpDelete, http.MethodDelete, item, nil, http.StatusNoContent, nil); ok {
		t.live = false
		_, gone := t.step(ctx, "get after delete", contract.OpGet, http.MethodGet, item, nil, http.StatusNotFound, func(ck *checker, _ *http.Response, doc any) {
			if t.errT != nil {
				ck.shape(t.errT, doc)
			}
		})
		t.live = !gone && t.lastStatus == http.StatusOK // still there: the clean up tries once more
	} else {
		t.skip("get after delete", "the delete failed")
	}
}

// input is the body of the create: the first seed (or a sample of the record's type)
// without an id the server assigns, marked as bb verify's.
func (t *trip) input() map[string]any {
	base := map[string]any{}
	if len(t.res.Seed) > 0 {
		base, _ = t.res.Seed[0].Any().(map[string]any)
	}
	in := map[string]any{}
	for _, f := range t.rt.Input.Object.Fields {
		if v, ok := base[f.Key]; ok {
			in[f.Key] = v
		} else if !f.Optional {
			in[f.Key] = sample(f.Type)
		}
	}
	if t.mark != "" {
		in[t.mark] = t.marker
	}
	return in
}

// patch is a JSON Merge Patch that changes one field of record: the first plain field
// but the id and the marker, else the marker.
func (t *trip) patch(record map[string]any) (map[string]any, bool) {
	var pick *spec.TypeField
	for _, f := range t.rt.Input.Object.Fields {
		if f.Key == t.res.ID || !changeable(f.Type) {
			continue
		}
		if pick == nil || pick.Key == t.mark {
			pick = f
		}
	}
	if pick == nil {
		return nil, false
	}
	return map[string]any{pick.Key: changed(pick.Type, record[pick.Key], t.marker+"-updated")}, true
}

// replacement is the body of the replace: the create's with the marker changed (and
// the id, which never changes, kept), optional fields left out where that still fits.
func (t *trip) replacement(in map[string]any) map[string]any {
	out := map[string]any{}
	for _, f := range t.rt.Input.Object.Fields {
		v, ok := in[f.Key]
		if ok && (!f.Optional || f.Key == t.mark || f.Key == t.res.ID) {
			out[f.Key] = v
		}
	}
	if t.mark != "" && t.mark != t.res.ID {
		out[t.mark] = t.marker + "-replaced"
	}
	return out
}

func changeable(ty *spec.Type) bool {
	switch ty.Kind {
	case spec.TypeBool, spec.TypeInt, spec.TypeDouble:
		return true
	case spec.TypeString:
		return len(ty.Enum) == 0
	}
	return false
}

// changed is a value of type ty other than old.
func changed(ty *spec.Type, old any, text string) any {
	switch ty.Kind {
	case spec.TypeBool:
		b, _ := old.(bool)
		return !b
	case spec.TypeInt, spec.TypeDouble:
		n, _ := old.(json.Number)
		i, err := strconv.ParseFloat(string(n), 64)
		if err != nil {
			return json.Number("1")
		}
		return json.Number(strconv.FormatInt(int64(i)+1, 10))
	}
	return text
}

// sample is a value of type ty for a field the seeds do not give.
func sample(ty *spec.Type) any {
	switch ty.Kind {
	case spec.TypeBool:
		return false
	case spec.TypeInt:
		return json.Number("1")
	case spec.TypeDouble:
		return json.Number("1.5")
	case spec.TypeString:
		if len(ty.Enum) > 0 {
			return ty.Enum[0]
		}
		return "bb verify"
	case spec.TypeDateTime:
		return "2026-01-02T15:04:05Z"
	case spec.TypeArray:
		return []any{}
	case spec.TypeMap:
		return map[string]any{}
	case spec.TypeObject:
		m := map[string]any{}
		for _, f := range ty.Object.Fields {
			if !f.Optional {
				m[f.Key] = sample(f.Type)
			}
		}
		return m
	}
	return nil
}

func clone(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// noteID reads the id of the record a create answered with.
func (t *trip) noteID(doc any) {
	obj, _ := doc.(map[string]any)
	switch v := obj[t.res.ID].(type) {
	case json.Number:
		t.id, t.idValue = v.String(), v
	case string:
		if v != "" {
			t.id, t.idValue = url.PathEscape(v), v
		}
	}
	t.live = t.id != ""
}

func (t *trip) isCreated(doc any) bool {
	obj, _ := doc.(map[string]any)
	return obj != nil && contract.Equal(obj[t.res.ID], t.idValue)
}

// step sends one request of the round trip and checks its answer: the status want, then
// check. It returns the decoded body, and whether the step passed.
func (t *trip) step(ctx context.Context, name string, op contract.ResourceOp, method, target string, body map[string]any, want int, check func(*checker, *http.Response, any)) (any, bool) {
	t.n++
	res := Result{Name: tripName(t.res, name), Endpoint: t.res.OperationName(op), Response: t.n, Method: method, Target: target}
	var data []byte
	if body != nil {
		data = t.encode(body)
		res.Body = string(data)
	}
	if t.r.refused {
		return nil, false
	}
	start := time.Now()
	resp, answer, err := t.r.do(ctx, method, target, data, nil, "application/json")
	res.Duration = time.Since(start)
	if err != nil {
		res.Outcome, res.Failures = Fail, []string{t.r.transportError(err)}
		t.results = append(t.results, res)
		return nil, false
	}
	t.lastStatus = resp.StatusCode
	ck := &checker{}
	var doc any
	if resp.StatusCode != want {
		ck.fail("status: expected %d, got %d%s", want, resp.StatusCode, bodyHint(answer))
		if op == contract.OpCreate && resp.StatusCode >= 200 && resp.StatusCode < 300 {
			doc, _ = decode(answer)
			t.noteID(doc) // created all the same: it is cleaned up
		}
	} else if want != http.StatusNoContent {
		ck.contentType(expected{contentType: "application/json", json: true}, resp.Header.Get("Content-Type"))
		if doc, err = decode(answer); err != nil {
			ck.fail("$: expected a JSON body, got %s (%v)", snippet(answer), err)
		} else if check != nil {
			check(ck, resp, doc)
		}
	}
	res.Failures, res.Warnings = ck.failures, ck.warnings
	res.Outcome = Pass
	if len(res.Failures) > 0 {
		res.Outcome = Fail
	}
	t.results = append(t.results, res)
	return doc, res.Outcome == Pass
}

func (t *trip) skip(name, why string) {
	t.n++
	t.results = append(t.results, Result{Name: tripName(t.res, name), Endpoint: t.res.Name, Response: t.n, Outcome: Skipped, Skip: why})
}

// findByMarker looks for records a failed create stored: those a list filtered by the
// marker finds are cleaned up.
func (t *trip) findByMarker(ctx context.Context) {
	if t.mark == "" || t.r.refused {
		return
	}
	resp, answer, err := t.r.do(ctx, http.MethodGet, t.list()+"?"+url.Values{t.mark: {t.marker}}.Encode(), nil, nil, "application/json")
	if err != nil || resp.StatusCode != http.StatusOK {
		return
	}
	doc, _ := decode(answer)
	items, _ := doc.([]any)
	for _, it := range items {
		t.noteID(it)
		if t.live {
			t.cleanUp(ctx)
		}
	}
}

// cleanUp deletes the record bb verify created when the round trip did not, and says
// so in one more result.
func (t *trip) cleanUp(ctx context.Context) {
	if !t.live || t.r.refused {
		return
	}
	t.live = false
	target := t.item()
	res := Result{Name: tripName(t.res, "clean up"), Endpoint: t.res.OperationName(contract.OpDelete), Response: t.n + 1, Method: http.MethodDelete, Target: target, Outcome: Pass}
	var problem string
	resp, answer, err := t.r.do(ctx, http.MethodDelete, target, nil, nil, "application/json")
	switch {
	case err != nil:
		problem = t.r.transportError(err)
	case resp.StatusCode >= 300 && resp.StatusCode != http.StatusNotFound:
		problem = fmt.Sprintf("DELETE answered %d%s", resp.StatusCode, bodyHint(answer))
	default:
		// A delete that says it worked is believed once GET no longer finds the record.
		check, _, err := t.r.do(ctx, http.MethodGet, target, nil, nil, "application/json")
		switch {
		case err != nil:
			problem = t.r.transportError(err)
		case check.StatusCode == http.StatusOK:
			problem = fmt.Sprintf("DELETE answered %d, but GET still finds it", resp.StatusCode)
		}
	}
	if problem != "" {
		res.Outcome, res.Failures = Fail, []string{fmt.Sprintf("the %s bb verify created is still there: %s; delete %s by hand", t.res.Item(), problem, target)}
	}
	t.results = append(t.results, res)
}

// shape checks doc against the type t.
func (ck *checker) shape(t *spec.Type, doc any) {
	for _, p := range t.Schema().Check(doc, "$") {
		if p.Warning {
			ck.warn("%s", p)
		} else {
			ck.fail("%s", p)
		}
	}
}

// fields checks that the record got holds the values of want, in the record's field
// order; with replaced, the body of a replace, a field the body left out must be gone.
func (ck *checker) fields(rt *spec.ResourceTypes, want map[string]any, got any, replaced map[string]any) {
	obj, ok := got.(map[string]any)
	if !ok {
		return // the shape check said so
	}
	for _, f := range rt.Record.Object.Fields {
		w, inWant := want[f.Key]
		g, inGot := obj[f.Key]
		switch {
		case inWant && w != nil && !inGot:
			ck.fail("%s: expected %s, got no such key", keyPath("$", f.Key), clip(jsonText(w)))
		case inWant && !sameValue(f.Type, w, g):
			ck.fail("%s: expected %s, got %s", keyPath("$", f.Key), clip(jsonText(w)), clip(jsonText(g)))
		case !inWant && replaced != nil && g != nil:
			ck.fail("%s: expected no value (the replace left it out), got %s", keyPath("$", f.Key), clip(jsonText(g)))
		}
	}
}

// sameValue compares a value sent with the one a backend stored: date-times as
// instants (a database may write 2026-01-02T15:04:05+00:00 for ...Z), the rest as JSON.
func sameValue(ty *spec.Type, want, got any) bool {
	if ty.Kind == spec.TypeDateTime {
		ws, ok1 := want.(string)
		gs, ok2 := got.(string)
		if ok1 && ok2 {
			wt, err1 := time.Parse(time.RFC3339Nano, strings.ToUpper(ws))
			gt, err2 := time.Parse(time.RFC3339Nano, strings.ToUpper(gs))
			if err1 == nil && err2 == nil {
				return wt.Equal(gt)
			}
		}
	}
	return contract.Equal(want, got)
}

// encode writes a body with its keys in the record's field order, as a person would.
func (t *trip) encode(body map[string]any) []byte {
	b := []byte{'{'}
	for _, f := range t.rt.Record.Object.Fields {
		v, ok := body[f.Key]
		if !ok {
			continue
		}
		if len(b) > 1 {
			b = append(b, ',')
		}
		b = append(b, jsonText(f.Key)...)
		b = append(b, ':')
		b = append(b, jsonText(v)...)
	}
	return append(b, '}')
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// selected reports whether the round trip of res runs: always, unless --only names
// neither the resource nor one of its routes.
func selected(res *spec.Resource, only []string) bool {
	if len(only) == 0 || slices.Contains(only, res.Name) {
		return true
	}
	return slices.ContainsFunc(res.Endpoints, func(e *spec.Endpoint) bool { return slices.Contains(only, e.Name) })
}
